import { describe, expect, test } from 'vitest';
import { applyOverrides, parseOverride, parseOverrides } from '../../../../mock-server/core/produce/overrides.js';

describe('overrides', () => {
  test.for([
    ['field=value sets a string', 'testFlag=0', ['testFlag', '0']],
    ['field= sets an empty string', 'orderLineId=', ['orderLineId', '']],
    ['the value may contain =', 'memo=a=b', ['memo', 'a=b']],
    ['field:=json sets a typed value', 'productInfo.linearValue:=5', ['productInfo.linearValue', 5]],
    ['!field deletes', '!testFlag', ['testFlag', null]],
  ] as const)('%s', ([, text, expected]) => {
    expect(parseOverride(text)).toEqual(expected);
  });

  test.for(['noequals', '=value', '!', 'a:={bad json'])('rejects %j', (text) => {
    expect(() => parseOverride(text)).toThrow(expect.objectContaining({ code: 'INPUT_INVALID' }));
  });

  test('applies sets, deletes and nested paths without changing the input', () => {
    const input = { a: '1', b: '2', nested: { x: 1, y: 2 }, list: [{ k: 'v' }] };
    const out = applyOverrides(input, parseOverrides(['a=9', '!b', 'nested.x:=7', '!nested.y', 'list.0.k=w', 'new.deep=z']));
    expect(out).toEqual({ a: '9', nested: { x: 7 }, list: [{ k: 'w' }], new: { deep: 'z' } });
    expect(input).toEqual({ a: '1', b: '2', nested: { x: 1, y: 2 }, list: [{ k: 'v' }] });
  });

  test('deleting an array element removes it', () => {
    expect(applyOverrides({ list: ['a', 'b', 'c'] }, { 'list.1': null })).toEqual({ list: ['a', 'c'] });
  });
});
