import { maskSecret } from './secrets.js';
import { CREDENTIAL_PATHS, type LoadedConfig, type ValueSource } from './types.js';

/**
 * Where a value came from, for humans.
 * @example
 *   describeSource({ kind: 'env', variable: 'KOOMOCK_SK' });                // 'KOOMOCK_SK'
 *   describeSource({ kind: 'file', file: 'koomock.config.yaml', line: 7 }); // 'koomock.config.yaml, line 7'
 */
export function describeSource(source: ValueSource): string {
  switch (source.kind) {
    case 'default':
      return 'built-in test value (docs/config.md)';
    case 'file':
      return source.line === undefined ? source.file : `${source.file}, line ${source.line}`;
    case 'env':
      return source.variable;
    case 'flag':
      return source.flag;
    case 'object':
      return source.label;
    case 'derived':
      return `same as ${source.from} (${describeSource(source.source)})`;
  }
}

const valueAt = (config: object, path: string): unknown =>
  path.split('.').reduce<unknown>((node, s) => (node as Record<string, unknown> | undefined)?.[s], config);

/**
 * One line per credential: masked value and origin, for `serve` start-up output and reports.
 * @example
 *   formatCredentialSummary(loadConfig({ env: {}, cwd })); // ['seller.ak            KOOM…0000  built-in test value (docs/config.md)', ...]
 * @internal Exported for the tests.
 */
export function formatCredentialSummary(loaded: LoadedConfig): string[] {
  const width = Math.max(...CREDENTIAL_PATHS.map((p) => p.length));
  return CREDENTIAL_PATHS.flatMap((path) => {
    const source = loaded.sources[path];
    const value = valueAt(loaded.config, path);
    if (source === undefined || typeof value !== 'string') return [];
    const shown = path === 'seller.kitPublicKey' ? 'PEM' : maskSecret(value);
    return [`${path.padEnd(width)}  ${shown.padEnd(9)}  ${describeSource(source)}`];
  });
}
