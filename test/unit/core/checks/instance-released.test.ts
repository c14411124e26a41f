import { describe, expect, test } from 'vitest';
import { checkInstanceReleased } from '../../../../mock-server/core/checks/instance-released.js';

const RELEASED = [{ instanceId: 'inst-1', why: 'released' as const }];

describe('instance.released', () => {
  test('passes when the released id is left out of info[]', () => {
    expect(checkInstanceReleased(RELEASED, { resultCode: '000000', resultMsg: 'ok', info: [] })).toMatchObject({ id: 'instance.released', ok: true });
    expect(checkInstanceReleased(RELEASED, { resultCode: '000000', info: [{ instanceId: 'inst-2', appInfo: { frontEndUrl: 'https://x' } }] }).ok).toBe(true);
  });

  test('fails when info[] lists the released instance with login details, naming it', () => {
    const check = checkInstanceReleased(RELEASED, { resultCode: '000000', info: [{ instanceId: 'inst-1', appInfo: { frontEndUrl: 'https://x', password: 'p' } }] });
    expect(check.ok).toBe(false);
    expect(check.received).toBe('info[] lists the released instance inst-1 with appInfo (login details), resultCode 000000');
    expect(check.hint).toMatch(/leave it out of info\[\]/);
  });

  test('fails for an unknown id listed even without appInfo', () => {
    const check = checkInstanceReleased([{ instanceId: 'nope', why: 'unknown' }], { resultCode: '000000', info: [{ instanceId: 'nope' }] });
    expect(check.ok).toBe(false);
    expect(check.received).toBe('info[] lists the unknown instance nope, resultCode 000000');
  });

  test('an answer without info passes (nothing listed)', () => {
    expect(checkInstanceReleased(RELEASED, { resultCode: '000000' }).ok).toBe(true);
  });
});
