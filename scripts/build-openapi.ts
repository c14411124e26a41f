import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPENAPI_DOCUMENTS, OUT_DIR, toText } from './openapi-documents.js';

for (const [file, build] of Object.entries(OPENAPI_DOCUMENTS)) {
  writeFileSync(join(OUT_DIR, file), toText(build()));
  console.log(`wrote schemas/openapi/${file}`);
}
