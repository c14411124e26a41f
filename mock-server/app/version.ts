import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SCHEMAS_DIR } from '../config/schemas-fs.js';

/** koomock's version, from its package.json (reports name it). */
export const KOOMOCK_VERSION: string = ((): string => {
  try {
    const pkg = JSON.parse(readFileSync(join(dirname(SCHEMAS_DIR), 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
})();
