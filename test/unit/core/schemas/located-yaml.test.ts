import { describe, expect, test } from 'vitest';
import { findNode, parseLocatedYaml, positionAt, targetOf, toPointer, toTokens, unknownKeysOf, valueAtPath } from '../../../../mock-server/core/schemas/located-yaml.js';

const TEXT = 'server:\n  port: 8080\nsteps:\n  - id: a\n  - id: b\n';

const at = (path: readonly (string | number)[], where: 'key' | 'value' = 'value') => {
  const y = parseLocatedYaml(TEXT);
  const found = findNode(y.doc, path);
  const start = targetOf(found, where)?.range?.[0];
  return { exact: found.exact, position: start === undefined ? undefined : positionAt(y, start) };
};

describe('the shared YAML reader with positions', () => {
  test('finds a value and its key by key path, with list indexes as numbers or digit tokens', () => {
    expect(at(['server', 'port'])).toEqual({ exact: true, position: { line: 2, column: 9 } });
    expect(at(['server', 'port'], 'key')).toEqual({ exact: true, position: { line: 2, column: 3 } });
    expect(at(['steps', 1, 'id'])).toEqual({ exact: true, position: { line: 5, column: 9 } });
    expect(at(toTokens('/steps/1/id'))).toEqual({ exact: true, position: { line: 5, column: 9 } });
  });

  test('a path past the file stops at the nearest ancestor and says so', () => {
    expect(at(['server', 'host'])).toEqual({ exact: false, position: { line: 2, column: 3 } });
    expect(at(['steps', 7])).toEqual({ exact: false, position: { line: 4, column: 3 } });
  });

  test('JSON pointers escape ~ and / both ways', () => {
    expect(toPointer(['a/b', 'c~d', 0])).toBe('/a~1b/c~0d/0');
    expect(toTokens('/a~1b/c~0d/0')).toEqual(['a/b', 'c~d', '0']);
    expect(toTokens('')).toEqual([]);
  });

  test('reads values by path and names the keys a schema does not allow', () => {
    expect(valueAtPath({ a: [{ b: 1 }] }, ['a', 0, 'b'])).toBe(1);
    expect(valueAtPath({ a: 1 }, ['a', 'b'])).toBeUndefined();
    expect(unknownKeysOf({ port: 1, prot: 2 }, ['port'])).toEqual(['prot']);
    expect(unknownKeysOf(['x'], ['port'])).toEqual([]);
  });

  test('duplicate keys are parse errors', () => {
    expect(parseLocatedYaml('a: 1\na: 2\n').doc.errors.map((e) => e.code)).toContain('DUPLICATE_KEY');
  });
});
