import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { findScenarioFiles, loadScenarios, toDisplayName } from '../../../mock-server/app/scenario-files.js';
import { KoomockError } from '../../../mock-server/core/errors.js';
import { problemsOf } from '../../../mock-server/core/scenario/load/problems.js';

const root = mkdtempSync(join(tmpdir(), 'koomock-scenarios-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const scenario = (id: string): string => `id: ${id}\ntitle: ${id}\nsteps:\n  - wait: 1s\n`;
const write = (rel: string, text: string): string => {
  const p = join(root, rel);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, text);
  return p;
};

write('suite/b.yaml', scenario('b'));
write('suite/a.yml', scenario('a'));
write('suite/nested/c.yaml', scenario('c'));
write('suite/notes.txt', 'not a scenario');
write('suite/.hidden/d.yaml', scenario('d'));
write('empty/readme.md', '# nothing');
write('dupes/one.yaml', scenario('same'));
write('dupes/two.yaml', scenario('same'));
write('broken/x.yaml', scenario('x').replace('wait: 1s', 'wait: soon'));
write('broken/y.yaml', scenario('y').replace('title: y', 'titel: y'));

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return e instanceof KoomockError ? e.code : 'other';
  }
  return undefined;
};

describe('findScenarioFiles', () => {
  test('lists YAML files of folders in name order, sub-folders included, hidden ones skipped, no repeats', () => {
    const files = findScenarioFiles(['suite', 'suite/b.yaml'], root).map((f) => toDisplayName(f, root));
    expect(files).toEqual(['suite/a.yml', 'suite/b.yaml', 'suite/nested/c.yaml']);
  });

  test.for([
    { name: 'a missing path', paths: ['nowhere'] },
    { name: 'a file that is not YAML', paths: ['suite/notes.txt'] },
    { name: 'a folder without scenarios', paths: ['empty'] },
    { name: 'no paths at all', paths: [] },
  ])('rejects $name as a usage error (exit 2)', ({ paths }) => {
    expect(codeOf(() => findScenarioFiles(paths, root))).toBe('USAGE');
  });
});

describe('loadScenarios', () => {
  test('parses every file, named relative to the working folder', () => {
    expect(loadScenarios(['suite'], { cwd: root }).map((s) => [s.id, s.file])).toEqual([
      ['a', 'suite/a.yml'],
      ['b', 'suite/b.yaml'],
      ['c', 'suite/nested/c.yaml'],
    ]);
  });

  test('reports the problems of all files in one SCENARIO_INVALID error', () => {
    let error: unknown;
    try {
      loadScenarios(['broken'], { cwd: root });
    } catch (e) {
      error = e;
    }
    expect(problemsOf(error).map((p) => `${p.file}:${p.line}:${p.column}`)).toEqual(['broken/x.yaml:4:11', 'broken/y.yaml:2:1']);
    expect((error as Error).message.split('\n')).toHaveLength(2);
  });

  test('rejects two files with the same scenario id, naming the first', () => {
    let error: unknown;
    try {
      loadScenarios(['dupes'], { cwd: root });
    } catch (e) {
      error = e;
    }
    expect(problemsOf(error)).toEqual([
      { file: 'dupes/two.yaml', line: 1, column: 5, pointer: '/id', problem: 'scenario id `same` is already used by dupes/one.yaml', hint: 'give every scenario its own id' },
    ]);
  });
});
