import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { VALIDATORS_DIR } from '../../mock-server/config/schemas-fs.js';
import { writeValidatorFiles } from '../../scripts/validators-codegen.js';
import { ROOT } from './built-cli.js';

/*
 * Vitest global setup of every project: koomock validates with the validators `npm run build`
 * generates from schemas/ into dist/validators/. When they are missing or older than a schema (or
 * than the code that generates them), they are generated again before the tests start (about a
 * second), so a test never runs against a schema's previous version.
 */

const GENERATOR_SOURCES = ['scripts/validators-codegen.ts', 'mock-server/core/schemas/registry.ts'];

function newestInput(): number {
  let newest = Math.max(...GENERATOR_SOURCES.map((f) => statSync(join(ROOT, f)).mtimeMs));
  for (const entry of readdirSync(join(ROOT, 'schemas'), { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.schema.json')) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

const generatedAt = (): number => {
  try {
    return statSync(join(VALIDATORS_DIR, 'index.cjs')).mtimeMs;
  } catch {
    return 0;
  }
};

export default function setup(): void {
  if (generatedAt() < newestInput()) writeValidatorFiles();
}
