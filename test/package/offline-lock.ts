/**
 * A package-lock.json for an empty project that depends on the packed koomock tarball (and a few
 * packages the repository already locks), made from the repository's own lockfile so that
 * `npm ci --offline` finds every tarball in the cache `npm ci` filled: no registry is asked.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface LockEntry {
  readonly version?: string;
  readonly resolved?: string;
  readonly integrity?: string;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly optionalDependencies?: Readonly<Record<string, string>>;
  readonly peerDependencies?: Readonly<Record<string, string>>;
  readonly peerDependenciesMeta?: Readonly<Record<string, { optional?: boolean }>>;
  readonly [key: string]: unknown;
}

/** Where `name` is found from the package at `from` (node_modules lookup, nearest first). */
function locate(packages: Readonly<Record<string, LockEntry>>, from: string, name: string): string | undefined {
  let base = from;
  for (;;) {
    const candidate = `${base === '' ? '' : `${base}/`}node_modules/${name}`;
    if (packages[candidate] !== undefined) return candidate;
    if (base === '') return undefined;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut === -1 ? '' : base.slice(0, cut);
  }
}

/**
 * @example lockFor('/repo', 'koomock-0.1.0.tgz', ['msw']) // { lockfileVersion: 3, packages: { … } }
 */
export function lockFor(repo: string, tarball: string, extra: readonly string[]): { packageJson: object; lock: object } {
  const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { name: string; version: string; dependencies: Record<string, string>; bin?: Record<string, string>; engines?: Record<string, string>; peerDependencies?: Record<string, string>; peerDependenciesMeta?: Record<string, { optional?: boolean }> };
  const repoLock = JSON.parse(readFileSync(join(repo, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const out: Record<string, LockEntry> = {};
  const visit = (from: string, name: string, optional: boolean) => {
    const at = locate(repoLock.packages, from, name);
    if (at === undefined) {
      if (optional) return;
      throw new Error(`${name} (needed by ${from || 'the project'}) is not in package-lock.json`);
    }
    if (out[at] !== undefined) return;
    const { dev: _dev, devOptional: _devOptional, peer: _peer, ...entry } = repoLock.packages[at] ?? {};
    out[at] = entry;
    for (const dep of Object.keys(entry.dependencies ?? {})) visit(at, dep, false);
    for (const dep of Object.keys(entry.optionalDependencies ?? {})) visit(at, dep, true);
    for (const dep of Object.keys(entry.peerDependencies ?? {})) visit(at, dep, entry.peerDependenciesMeta?.[dep]?.optional === true);
  };
  const versions = Object.fromEntries(extra.map((name) => [name, repoLock.packages[`node_modules/${name}`]?.version ?? '*']));
  const dependencies = { [pkg.name]: `file:${tarball}`, ...versions };
  out[`node_modules/${pkg.name}`] = {
    version: pkg.version,
    resolved: `file:${tarball}`,
    dependencies: pkg.dependencies,
    ...(pkg.bin === undefined ? {} : { bin: pkg.bin }),
    ...(pkg.engines === undefined ? {} : { engines: pkg.engines }),
    ...(pkg.peerDependencies === undefined ? {} : { peerDependencies: pkg.peerDependencies }),
    ...(pkg.peerDependenciesMeta === undefined ? {} : { peerDependenciesMeta: pkg.peerDependenciesMeta }),
  };
  for (const dep of Object.keys(pkg.dependencies)) visit('', dep, false);
  for (const name of extra) visit('', name, false);
  const packageJson = { name: 'seller-tests', version: '1.0.0', private: true, type: 'module', dependencies };
  return { packageJson, lock: { name: 'seller-tests', version: '1.0.0', lockfileVersion: 3, requires: true, packages: { '': { name: 'seller-tests', version: '1.0.0', dependencies }, ...out } } };
}
