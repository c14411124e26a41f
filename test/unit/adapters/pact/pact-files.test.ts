import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { listPactFiles, readProviderStates } from '../../../../mock-server/adapters/pact/pact-files.js';

const dir = mkdtempSync(join(tmpdir(), 'koomock-pact-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('pact files on the command line', () => {
  test('a directory stands for the .json files in it (Pact alone would find none and pass)', () => {
    writeFileSync(join(dir, 'b.json'), JSON.stringify({ interactions: [{ providerStates: [{ name: 'an instance exists' }] }] }));
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ interactions: [{ providerState: 'the debug orders exist' }] }));
    writeFileSync(join(dir, 'notes.txt'), 'x');
    const files = listPactFiles([dir]);
    expect(files).toEqual([join(dir, 'a.json'), join(dir, 'b.json')]);
    expect(readProviderStates(files).sort()).toEqual(['an instance exists', 'the debug orders exist']);
  });

  test('a missing path or an empty directory is a usage error naming it', () => {
    expect(() => listPactFiles([join(dir, 'nope.json')])).toThrow(/--pact .*nope\.json: no such file or directory/);
    mkdirSync(join(dir, 'empty'));
    expect(() => listPactFiles([join(dir, 'empty')])).toThrow(/the directory has no \.json pact files/);
  });
});
