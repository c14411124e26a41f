import { describe, expect, test } from 'vitest';
import { checkAttackInapplicable, checkForgeryRejected, type ForgeryAnswer } from '../../../../mock-server/core/checks/security-forgery.js';
import { checkNoSideEffect, type SideEffectInput } from '../../../../mock-server/core/checks/security-side-effect.js';
import type { TransportResult } from '../../../../mock-server/core/ports.js';
import { jsonResult } from '../produce/support.js';

const json = (value: Record<string, unknown>): Pick<ForgeryAnswer, 'result' | 'value'> => ({ result: jsonResult(value), value });

const base = { attack: 'wrong-key', activity: 'releaseInstance', detail: "signed with a key that is not the seller's" } as const;

const timeout: TransportResult = { kind: 'error', error: 'timeout', message: 'no answer after 20000 ms', durationMs: 20_000 };

describe('security.<attack>: the answer to a forged call', () => {
  test('passes when the seller answers 000001', () => {
    const check = checkForgeryRejected({ ...base, ...json({ resultCode: '000001', resultMsg: 'bad signature' }) });
    expect(check).toMatchObject({ id: 'security.wrong-key', ok: true, received: '"000001", resultMsg "bad signature"' });
    expect(check.severity).toBeUndefined();
  });

  test('fails when the seller answers 000000, naming the forgery and what to verify', () => {
    const check = checkForgeryRejected({ ...base, ...json({ resultCode: '000000', resultMsg: 'success' }) });
    expect(check).toMatchObject({ id: 'security.wrong-key', ok: false });
    expect(check.severity).toBeUndefined();
    expect(check.received).toBe(`"000000", resultMsg "success": the seller accepted a forged releaseInstance (signed with a key that is not the seller's)`);
    expect(check.hint).toMatch(/^The seller accepted a request signed correctly, but with a key that is not the seller's\. Fix: verify with your own key/);
  });

  test('fails when a forged newInstance is answered 000004 (provisioning started)', () => {
    const check = checkForgeryRejected({ ...base, activity: 'newInstance', ...json({ resultCode: '000004', instanceId: 'i' }) });
    expect(check).toMatchObject({ ok: false, received: expect.stringContaining('accepted a forged newInstance') });
    expect(check.severity).toBeUndefined();
  });

  test('an accepted replay is only a warning', () => {
    const check = checkForgeryRejected({ ...base, attack: 'replay', detail: 'same', ...json({ resultCode: '000000' }) });
    expect(check).toMatchObject({ id: 'security.replay', ok: false, severity: 'warn', received: '"000000": the seller accepted the same signed releaseInstance twice' });
    expect(check.hint).toMatch(/^The seller accepted the same signed call twice \(a warning only\)\. Fix: remember the nonce/);
    expect(check.expected).toMatch(/^the replayed releaseInstance rejected/);
  });

  test.for([
    ['another resultCode', json({ resultCode: '000002', resultMsg: 'invalid param' }), '"000002", resultMsg "invalid param"', /rejected the forged call with 000002: use 000001 for authentication failures/],
    ['HTTP 401', { result: jsonResult({ error: 'unauthorized' }, { status: 401 }) }, 'HTTP 401', /answered with HTTP 401: answer HTTP 200 with \{"resultCode":"000001"/],
    ['no JSON object', { result: jsonResult('<html>') }, 'HTTP 200 without a JSON object', /without a JSON answer/],
    ['no resultCode', json({ ok: false }), '(missing)', /without a resultCode/],
    ['no answer at all', { result: timeout }, 'no answer: timeout (no answer after 20000 ms)', /without an answer/],
  ] as const)('any other rejection (%s) passes with a warning', ([, answer, received, hint]) => {
    const check = checkForgeryRejected({ ...base, ...answer });
    expect(check).toMatchObject({ ok: false, severity: 'warn', received });
    expect(check.hint).toMatch(hint);
  });

  test('an attack that does not apply is a warning that says why', () => {
    expect(checkAttackInapplicable('timestamp-in-seconds', 'the profile sends seconds')).toMatchObject({ id: 'security.timestamp-in-seconds', ok: false, severity: 'warn', received: 'not sent: the profile sends seconds' });
  });
});

describe('security.<attack>: no side effect in a valid follow-up', () => {
  const input: SideEffectInput = { attack: 'signature-missing', forgedStep: 'forged', forgedActivity: 'releaseInstance', forgedResultCode: '000001', activity: 'queryInstance', failures: [] };

  test('passes when the follow-up shows nothing', () => {
    expect(checkNoSideEffect(input)).toMatchObject({ id: 'security.signature-missing', ok: true, expected: 'no trace of the forged releaseInstance (step forged) in a valid queryInstance' });
  });

  test('fails with the first failed check of the follow-up', () => {
    const failed = { id: 'expect.field', ok: false, expected: 'body.info[0].instanceId = "i1"', received: 'body.info[0].instanceId = (missing)' };
    const check = checkNoSideEffect({ ...input, failures: [failed, failed] });
    expect(check).toMatchObject({ ok: false, received: 'the valid queryInstance shows one: expect.field: expected body.info[0].instanceId = "i1", received body.info[0].instanceId = (missing) (and 1 more failed check(s))' });
    expect(check.hint).toMatch(/^The seller answered the forged call 000001 but acted on it: verify the signature, timestamp and nonce first/);
  });

  test('fails when the valid newInstance gets the instanceId the forged one was given', () => {
    const check = checkNoSideEffect({ ...input, forgedActivity: 'newInstance', forgedResultCode: '000000', forgedInstanceId: 'i9', activity: 'newInstance', instanceId: 'i9' });
    expect(check).toMatchObject({ ok: false, received: expect.stringContaining('the forged call created the instance') });
    expect(check.hint).toMatch(/^The seller accepted the forged call \(000000\) and acted on it/);
  });

  test('acting on an accepted stale V1 call is a warning, as accepting it is; acting on a refused one fails', () => {
    const failed = { id: 'expect.field', ok: false, expected: 'body.info[0].instanceId = "i1"', received: 'body.info[0].instanceId = (missing)' };
    const stale = { ...input, attack: 'v1-timestamp-stale' as const, failures: [failed] };
    expect(checkNoSideEffect({ ...stale, forgedResultCode: '000000' })).toMatchObject({ id: 'security.v1-timestamp-stale', ok: false, severity: 'warn' });
    expect(checkNoSideEffect({ ...stale, forgedResultCode: '000001' }).severity).toBeUndefined();
    expect(checkNoSideEffect({ ...input, attack: 'v1-wrong-key', forgedResultCode: '000000', failures: [failed] }).severity).toBeUndefined();
  });

  test('passes when the valid newInstance gets another instanceId', () => {
    expect(checkNoSideEffect({ ...input, forgedActivity: 'newInstance', forgedInstanceId: 'i9', activity: 'newInstance', instanceId: 'i10' }).ok).toBe(true);
  });
});
