import { describe, expect, test } from 'vitest';
import { getSchemaRegistry } from '../../../../mock-server/config/schemas-fs.js';
import { checkResponseSchema, validateResponse } from '../../../../mock-server/core/checks/response-schema.js';

const schemas = getSchemaRegistry();
const NEW = 'produce/v2/newInstance.response.schema.json';

describe('response.schema', () => {
  test('passes for a valid newInstance answer', () => {
    expect(checkResponseSchema(schemas, NEW, { resultCode: '000000', resultMsg: 'success.', instanceId: 'i1' })).toMatchObject({ id: 'response.schema', ok: true });
  });

  test.for([
    ['a missing instanceId', { resultCode: '000000', resultMsg: 'ok' }, '/instanceId: required', 'Add instanceId'],
    ['a numeric resultCode', { resultCode: 0, resultMsg: 'ok', instanceId: 'i' }, '/resultCode: type', 'JSON string of six digits'],
    ['a too long instanceId', { resultCode: '000000', resultMsg: 'ok', instanceId: 'x'.repeat(65) }, '/instanceId: maxLength', 'Shorten instanceId'],
  ] as const)('names the pointer and the rule for %s', ([, value, received, hint]) => {
    const r = checkResponseSchema(schemas, NEW, value);
    expect(r.ok).toBe(false);
    expect(r.received).toContain(received);
    expect(r.hint).toContain(hint);
  });

  test('names a nested pointer', () => {
    const r = checkResponseSchema(schemas, 'produce/v2/queryInstance.response.schema.json', { resultCode: '000000', resultMsg: 'ok', info: [{ instanceId: 'i', appInfo: {} }] });
    expect(r.received).toContain('/info/0/appInfo/frontEndUrl: required');
  });

  test('an unknown schema is a warning about koomock, not a seller failure', () => {
    expect(checkResponseSchema(schemas, 'produce/v2/nothing.response.schema.json', {})).toMatchObject({ ok: false, severity: 'warn' });
  });
});

describe('validateResponse', () => {
  test('returns the pointers it flagged, so result.code can stay quiet about /resultCode', () => {
    expect(validateResponse(schemas, NEW, { resultCode: 0, resultMsg: 'ok', instanceId: 'i' }).pointers).toEqual(['/resultCode']);
    expect(validateResponse(schemas, NEW, { resultCode: '000000', resultMsg: 'ok', instanceId: 'i' }).pointers).toEqual([]);
  });
});
