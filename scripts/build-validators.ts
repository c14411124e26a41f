/**
 * `npm run build` step: writes the standalone schema validators (scripts/validators-codegen.ts) into
 * dist/validators/, replacing what an earlier build left there.
 */
import { writeValidatorFiles } from './validators-codegen.js';

console.log(`wrote ${writeValidatorFiles()} schema validators to dist/validators/`);
