/**
 * Pact files named on the command line: files as given, directories expanded to the `*.json`
 * files in them (Pact's verifier would otherwise read a directory as no pacts at all and pass).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { KoomockError } from '../../core/errors.js';

/**
 * @example listPactFiles(['contracts/pacts']); // ['contracts/pacts/koomock-koogallery-reference-seller.json']
 */
export function listPactFiles(paths: readonly string[]): string[] {
  const files = paths.flatMap((p) => {
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(p);
    } catch {
      throw new KoomockError('USAGE', `--pact ${p}: no such file or directory`);
    }
    if (!stat.isDirectory()) return [p];
    const found = readdirSync(p).filter((f) => f.endsWith('.json')).sort().map((f) => join(p, f));
    if (found.length === 0) throw new KoomockError('USAGE', `--pact ${p}: the directory has no .json pact files`);
    return found;
  });
  return files;
}

/** The provider-state names the interactions of these pact files use. */
export function readProviderStates(files: readonly string[]): string[] {
  const names = new Set<string>();
  for (const file of files) {
    let pact: { interactions?: { providerStates?: { name?: unknown }[]; providerState?: unknown }[] };
    try {
      pact = JSON.parse(readFileSync(file, 'utf8')) as typeof pact;
    } catch (e) {
      throw new KoomockError('USAGE', `${file} is not a JSON pact file: ${e instanceof Error ? e.message : String(e)}`);
    }
    for (const i of pact.interactions ?? []) {
      for (const s of i.providerStates ?? []) if (typeof s.name === 'string') names.add(s.name);
      if (typeof i.providerState === 'string') names.add(i.providerState);
    }
  }
  return [...names];
}
