import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');

const listTs = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name));

describe('Pact JS is loaded only when a pact command runs', () => {
  test('only mock-server/adapters/pact/load-pact.ts imports @pact-foundation, and only dynamically', () => {
    const files = listTs(join(ROOT, 'mock-server'));
    expect(files.length).toBeGreaterThan(100);
    // Imports (static, dynamic, or `typeof import(…)`), not mentions in comments and help texts.
    const imports = /(from\s+|import\(\s*)['"]@pact-foundation/;
    const referring = files.filter((f) => imports.test(readFileSync(f, 'utf8').replace(/^\s*(\*|\/\/).*$/gm, ''))).map((f) => relative(ROOT, f));
    expect(referring).toEqual(['mock-server/adapters/pact/load-pact.ts']);
    const source = readFileSync(join(ROOT, 'mock-server/adapters/pact/load-pact.ts'), 'utf8');
    expect(source).not.toMatch(/^import\s[^;]*from\s+['"]@pact-foundation/m);
    expect(source).toMatch(/import\('@pact-foundation\/pact'\)/);
  });
});
