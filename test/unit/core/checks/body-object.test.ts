import { describe, expect, test } from 'vitest';
import { checkBodyObject } from '../../../../mock-server/core/checks/body-object.js';

describe('body.object', () => {
  test('passes for an object', () => {
    expect(checkBodyObject({ resultCode: '000000' })).toMatchObject({ id: 'body.object', ok: true });
  });

  test.for([
    ['an empty array', [], 'a JSON array of 0 item(s): []', 'not an array around it'],
    ['an array around the answer', [{ resultCode: '000000' }], 'a JSON array of 1 item(s): [{"resultCode":"000000"}]', 'not an array around it'],
    ['a string', 'ok', 'a JSON string: "ok"', 'JSON object with resultCode'],
    ['an object serialised twice', '{"resultCode":"000000"}', 'a JSON string: "{"resultCode":"000000"}"', 'serialised twice'],
    ['a number', 42, 'a JSON number: 42', 'JSON object with resultCode'],
    ['a boolean', true, 'a JSON boolean: true', 'JSON object with resultCode'],
    ['null', null, 'null', 'JSON object with resultCode'],
  ] as const)('fails for %s, naming what it was', ([, value, received, hint]) => {
    const r = checkBodyObject(value);
    expect(r).toMatchObject({ id: 'body.object', ok: false, received });
    expect(r.hint).toContain(hint);
  });
});
