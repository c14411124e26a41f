/**
 * `npm run build` step: writes the standalone schema validators (scripts/validators-codegen.ts) into
 * dist/validators/, replacing what an earlier build left there.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadSchemaFiles, VALIDATORS_DIR } from '../mock-server/config/schemas-fs.js';
import { generateValidatorFiles } from './validators-codegen.js';

const files = generateValidatorFiles(loadSchemaFiles());
rmSync(VALIDATORS_DIR, { recursive: true, force: true });
for (const [path, text] of files) {
  const target = join(VALIDATORS_DIR, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
}
console.log(`wrote ${files.size - 1} schema validators to dist/validators/`);
