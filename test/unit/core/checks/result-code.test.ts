import { describe, expect, test } from 'vitest';
import { checkResultCode } from '../../../../mock-server/core/checks/result-code.js';

describe('result.code', () => {
  test.for([
    ['000000 from newInstance', 'newInstance', '000000'],
    ['000004 from newInstance', 'newInstance', '000004'],
    ['000000 from releaseInstance', 'releaseInstance', '000000'],
  ] as const)('passes for %s', ([, activity, resultCode]) => {
    expect(checkResultCode(activity, { resultCode }).ok).toBe(true);
  });

  test.for([
    ['000004 from releaseInstance', 'releaseInstance', { resultCode: '000004' }, '"000004" (in progress)', 'Only newInstance may answer 000004'],
    ['000001 (signature rejected)', 'newInstance', { resultCode: '000001', resultMsg: 'bad sign' }, '"000001" (authentication failed), resultMsg "bad sign"', 'key category'],
    ['a numeric 0', 'queryInstance', { resultCode: 0 }, '0', 'not a JSON number'],
    ['a missing resultCode', 'queryInstance', { resultMsg: 'ok' }, '(missing), resultMsg "ok"', 'Put resultCode'],
    ['an unknown code', 'queryInstance', { resultCode: '999999' }, '"999999"', 'Only 000000 counts as success'],
  ] as const)('fails for %s', ([, activity, value, received, hint]) => {
    const r = checkResultCode(activity, value);
    expect(r.ok).toBe(false);
    expect(r.received).toBe(received);
    expect(r.hint).toContain(hint);
  });
});
