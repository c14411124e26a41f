import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const DEPCRUISE = join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

/** Imports against the direction rule, planted in a copy of mock-server/ (the tree itself is never touched). */
const PLANTED: readonly { file: string; text: string }[] = [
  // A check reaching up into the forged-call attacks (security is above checks).
  { file: 'core/checks/planted-upward.ts', text: "import { ATTACKS } from '../security/attacks.js';\nexport const PLANTED = ATTACKS;\n" },
  // The core reaching into the application layer.
  { file: 'core/market/planted-app.ts', text: "import { KOOMOCK_VERSION } from '../../app/version.js';\nexport const PLANTED_VERSION = KOOMOCK_VERSION;\n" },
  // One adapter importing another.
  { file: 'adapters/msw/planted-adapter.ts', text: "import { listen } from '../http/server.js';\nexport const PLANTED_LISTEN = listen;\n" },
  // Two modules importing each other.
  { file: 'core/planted-a.ts', text: "import { B } from './planted-b.js';\nexport const A = (): unknown => B;\n" },
  { file: 'core/planted-b.ts', text: "import { A } from './planted-a.js';\nexport const B = (): unknown => A;\n" },
];

let copy: string;

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'koomock-deps-'));
  cpSync(join(ROOT, 'mock-server'), join(copy, 'mock-server'), { recursive: true });
  cpSync(join(ROOT, 'tsconfig.json'), join(copy, 'tsconfig.json'));
  cpSync(join(ROOT, '.dependency-cruiser.cjs'), join(copy, '.dependency-cruiser.cjs'));
  for (const p of PLANTED) writeFileSync(join(copy, 'mock-server', p.file), p.text);
});

afterAll(() => {
  rmSync(copy, { recursive: true, force: true });
});

/** `error <rule>: <from> → …` lines of the default reporter, as `npm run deps` prints them. */
const toViolations = (output: string): string[] =>
  [...output.matchAll(/error ([\w-]+): mock-server\/(\S+) →/g)].map(([, rule, from]) => `${rule}: ${(from ?? '').replace(/planted-[ab][.]ts$/, 'planted-a|b.ts')}`).sort();

describe('the dependency rules (npm run deps)', () => {
  test('fail on each planted import against the direction rule, and on nothing else', async () => {
    const run = await promisify(execFile)(process.execPath, [DEPCRUISE, 'mock-server', '--config', '.dependency-cruiser.cjs'], { cwd: copy, maxBuffer: 16 * 1024 * 1024 }).then(
      (r) => ({ code: 0, stdout: r.stdout }),
      (e: { code?: number; stdout?: string }) => ({ code: e.code ?? -1, stdout: e.stdout ?? '' }),
    );
    expect(run.code).not.toBe(0);
    expect(toViolations(run.stdout)).toEqual(
      [
        'adapters-apart: adapters/msw/planted-adapter.ts',
        'checks-below-produce: core/checks/planted-upward.ts',
        'core-is-pure: core/market/planted-app.ts',
        'no-circular: core/planted-a|b.ts',
      ].sort(),
    );
  });
});
