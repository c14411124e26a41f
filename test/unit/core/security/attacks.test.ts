import { describe, expect, test } from 'vitest';
import { buildProduceRequest } from '../../../../mock-server/core/produce/activities.js';
import { signProduceRequest } from '../../../../mock-server/core/produce/sign-request.js';
import type { SignedRequest } from '../../../../mock-server/core/produce/types.js';
import { withProfile } from '../../../../mock-server/core/profile.js';
import { ATTACK_NAMES, type AttackName } from '../../../../mock-server/core/checks/attack-names.js';
import { createAttackTools, WRONG_KEY } from '../../../../mock-server/core/security/attack-tools.js';
import { ATTACKS } from '../../../../mock-server/core/security/attacks.js';
import { STALE_BY_MS } from '../../../../mock-server/core/security/forgery.js';
import { computeV2Signature, toCanonicalJson, verifyV2Signature } from '../../../../mock-server/core/signing/index.js';
import { createTestClock, createTestRandom, SELLER_URL, TEST_KEYS } from '../produce/support.js';

const WALL = 1_680_508_066_618;
const release = { activity: 'releaseInstance', url: SELLER_URL, fields: { instanceId: 'inst-0000000000000007' } };

function setup(profile: Parameters<typeof withProfile>[0] = {}) {
  const ctx = { profile: withProfile(profile), clock: createTestClock(WALL), random: createTestRandom() };
  const signed = signProduceRequest(buildProduceRequest(release, ctx), TEST_KEYS, ctx);
  const tools = createAttackTools({ keys: TEST_KEYS, profile: ctx.profile, clock: ctx.clock });
  return { signed, tools };
}

/** The three URL parameters as sent (undefined when left out). */
function paramsOf(url: string) {
  const q = new URL(url).searchParams;
  const get = (name: string) => q.get(name) ?? undefined;
  return { signature: get('signature'), timestamp: get('timestamp'), nonce: get('nonce') };
}

const verify = (req: SignedRequest, options: { key?: string; body?: string; now?: number } = {}) =>
  verifyV2Signature({ key: options.key ?? TEST_KEYS.basic, body: options.body ?? req.body ?? '', ...paramsOf(req.url) }, { now: options.now ?? WALL });

const forge = (attack: AttackName, profile: Parameters<typeof withProfile>[0] = {}) => {
  const { signed, tools } = setup(profile);
  return { signed, ...ATTACKS[attack].forge(signed, tools) };
};

describe('forged produce calls', () => {
  test('start from a request a seller accepts', () => {
    expect(verify(setup().signed)).toMatchObject({ ok: true });
  });

  test.for([
    ['body-changed-after-signing', 'mismatch'],
    ['wrong-key', 'mismatch'],
    ['signature-missing', 'missing'],
    ['timestamp-missing', 'missing'],
    ['nonce-missing', 'missing'],
    ['timestamp-stale', 'stale'],
    ['timestamp-in-seconds', 'stale'],
    ['signature-of-other-activity', 'mismatch'],
  ] as const)('%s is rejected by a seller that verifies: %s', ([attack, reason]) => {
    expect(verify(forge(attack).request)).toMatchObject({ ok: false, reason });
  });

  test('replay sends the very same request', () => {
    const { signed, request } = forge('replay');
    expect(request).toEqual(signed);
  });

  test.for(ATTACK_NAMES.filter((a) => a !== 'replay'))('%s keeps the body, method and headers of the valid request', (attack) => {
    const { signed, request } = forge(attack);
    expect({ body: request.body, method: request.method, headers: request.headers, address: request.address }).toEqual({
      body: signed.body,
      method: signed.method,
      headers: signed.headers,
      address: signed.address,
    });
  });
});

describe('each forgery breaks one thing only', () => {
  test('body-changed-after-signing: the signature is valid for the body with instanceId changed', () => {
    const { signed, request, detail } = forge('body-changed-after-signing');
    const original = JSON.parse(signed.body ?? '{}') as Record<string, string>;
    const tampered = toCanonicalJson({ ...original, instanceId: 'inst-0000000000000000' });
    expect(verify(request, { body: tampered })).toMatchObject({ ok: true });
    expect(detail).toBe('signed with instanceId "inst-0000000000000000", sent with instanceId "inst-0000000000000007"');
  });

  test('wrong-key: the signature is valid for another key', () => {
    expect(verify(forge('wrong-key').request, { key: WRONG_KEY })).toMatchObject({ ok: true });
  });

  test('wrong-key: a seller whose key is koomock\'s wrong key still gets another key', () => {
    const ctx = { profile: withProfile({}), clock: createTestClock(WALL), random: createTestRandom() };
    const keys = { basic: WRONG_KEY };
    const signed = signProduceRequest(buildProduceRequest(release, ctx), keys, ctx);
    const { request } = ATTACKS['wrong-key'].forge(signed, createAttackTools({ keys, profile: ctx.profile, clock: ctx.clock }));
    expect(verify(request, { key: WRONG_KEY })).toMatchObject({ ok: false, reason: 'mismatch' });
  });

  test.for([
    ['signature-missing', 'signature'],
    ['timestamp-missing', 'timestamp'],
    ['nonce-missing', 'nonce'],
  ] as const)('%s leaves out %s and nothing else', ([attack, name]) => {
    const { signed, request } = forge(attack);
    const sent = paramsOf(request.url);
    const valid = paramsOf(signed.url);
    expect(sent[name]).toBeUndefined();
    for (const other of ['signature', 'timestamp', 'nonce'] as const) if (other !== name && other !== 'signature') expect(sent[other]).toBe(valid[other]);
  });

  test.for([
    ['timestamp-missing', 'timestamp'],
    ['nonce-missing', 'nonce'],
  ] as const)('%s: the signature is valid for the missing parameter read as ""', ([attack, name]) => {
    const { request } = forge(attack);
    const sent = paramsOf(request.url);
    const expected = computeV2Signature({ key: TEST_KEYS.basic, payload: request.body ?? '', timestamp: sent.timestamp ?? '', nonce: sent.nonce ?? '', [name]: '' });
    expect(sent.signature?.toLowerCase()).toBe(expected);
  });

  test('timestamp-stale: five minutes old in milliseconds, correctly signed for that time', () => {
    const { request } = forge('timestamp-stale');
    expect(paramsOf(request.url).timestamp).toBe(String(WALL - STALE_BY_MS));
    expect(verify(request, { now: WALL - STALE_BY_MS })).toMatchObject({ ok: true });
  });

  test('timestamp-stale: in seconds under the seconds profile (docs/fidelity.md#d3)', () => {
    const { request } = forge('timestamp-stale', { timestampUnit: 'seconds' });
    expect(paramsOf(request.url).timestamp).toBe(String(Math.floor((WALL - STALE_BY_MS) / 1000)));
  });

  test('timestamp-in-seconds: the current time in 10 digits, correctly signed for it', () => {
    const { request } = forge('timestamp-in-seconds');
    const sent = paramsOf(request.url);
    expect(sent.timestamp).toBe('1680508066');
    const expected = computeV2Signature({ key: TEST_KEYS.basic, payload: request.body ?? '', timestamp: '1680508066', nonce: sent.nonce ?? '' });
    expect(sent.signature).toBe(expected.toUpperCase());
  });

  test('timestamp-in-seconds does not apply under the seconds profile', () => {
    const { tools } = setup();
    expect(ATTACKS['timestamp-in-seconds'].inapplicable?.(withProfile({ timestampUnit: 'seconds' }), tools)).toMatch(/seconds/);
    expect(ATTACKS['timestamp-in-seconds'].inapplicable?.(withProfile({}), tools)).toBeUndefined();
  });

  test('signature-of-other-activity: the parameters are those of a queryInstance for the same instance', () => {
    const { signed, request } = forge('signature-of-other-activity');
    const query = toCanonicalJson({ ...(JSON.parse(signed.body ?? '{}') as object), activity: 'queryInstance' });
    expect(verify(request, { body: query })).toMatchObject({ ok: true });
    expect(paramsOf(request.url).nonce).toBe(paramsOf(signed.url).nonce);
  });

  test('signatures keep the profile\'s hex case (docs/fidelity.md#d5)', () => {
    expect(paramsOf(forge('wrong-key').request.url).signature).toMatch(/^[0-9A-F]{64}$/);
    expect(paramsOf(forge('wrong-key', { signatureCase: 'lower' }).request.url).signature).toMatch(/^[0-9a-f]{64}$/);
  });

  test('signing records what was sent, "" for a parameter left out', () => {
    const { request } = forge('nonce-missing');
    expect(request.signing.nonce).toBe('');
    expect(request.signing.signature).toBe(paramsOf(request.url).signature);
  });

  test('only accepting a replay is a warning', () => {
    expect(ATTACK_NAMES.filter((a) => ATTACKS[a].acceptedSeverity === 'warn')).toEqual(['replay']);
    expect(ATTACK_NAMES.filter((a) => ATTACKS[a].replaysValidCall)).toEqual(['replay']);
  });
});
