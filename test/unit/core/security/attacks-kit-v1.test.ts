import { describe, expect, test } from 'vitest';
import { buildProduceRequest } from '../../../../mock-server/core/produce/activities.js';
import { signProduceRequest } from '../../../../mock-server/core/produce/sign-request.js';
import type { CallSpec, SellerKeys, SignedRequest } from '../../../../mock-server/core/produce/types.js';
import { withProfile } from '../../../../mock-server/core/profile.js';
import { type AttackName, attackFamily, attacksOf, KIT_ATTACK_NAMES, V1_ATTACK_NAMES } from '../../../../mock-server/core/checks/attack-names.js';
import { createAttackTools } from '../../../../mock-server/core/security/attack-tools.js';
import { ATTACKS } from '../../../../mock-server/core/security/attacks.js';
import { STALE_BY_MS } from '../../../../mock-server/core/security/forgery.js';
import { verifyKitSignature, verifyV1AuthToken } from '../../../../mock-server/core/signing/index.js';
import { toMillisTime } from '../../../../mock-server/core/market/time-format.js';
import { createTestClock, createTestRandom, SELLER_URL, TEST_KEYS } from '../produce/support.js';

const WALL = 1_680_508_066_618;
const KEYS: SellerKeys = { ...TEST_KEYS, v1: 'v1Key-0123456789' };
const tenantSync: CallSpec = { activity: 'tenantSync', url: SELLER_URL, fields: { instanceId: 'i1', orderId: 'CS1', tenantId: 't1', tenantCode: 'acme', name: 'ACME', domainName: 'https://acme.example.com', flag: 0 } };
const instanceStatus: CallSpec = { activity: 'instanceStatus', url: SELLER_URL, generation: 'v1', fields: { instanceId: 'i1', instanceStatus: 'FREEZE' } };

function setup(spec: CallSpec, keys: SellerKeys = KEYS) {
  const ctx = { profile: withProfile(spec.generation === 'v1' ? { generation: 'v1' } : {}), clock: createTestClock(WALL), random: createTestRandom() };
  const signed = signProduceRequest(buildProduceRequest(spec, ctx), keys, ctx);
  return { signed, tools: createAttackTools({ keys, profile: ctx.profile, clock: ctx.clock }) };
}

const forge = (spec: CallSpec, attack: AttackName) => {
  const { signed, tools } = setup(spec);
  return { signed, ...ATTACKS[attack].forge(signed, tools) };
};

/** A seller's kit verification: the kit key, the 60 s window, the headers as sent. */
const verifyKit = (req: SignedRequest, key = KEYS.kit ?? '') =>
  verifyKitSignature({ key, body: req.body ?? '', sign: req.headers['x-sign'], timestamp: req.headers['x-timestamp'], nonce: req.headers['x-nonce'] }, { now: WALL });

const queryOf = (url: string): string => url.slice(url.indexOf('?') + 1);
const paramOf = (url: string, name: string): string | undefined => new URL(url).searchParams.get(name) ?? undefined;

describe('forged kit calls', () => {
  test('start from a kit call a seller accepts', () => {
    expect(verifyKit(setup(tenantSync).signed)).toMatchObject({ ok: true });
  });

  test.for([
    ['kit-wrong-key', 'mismatch'],
    ['kit-basic-key', 'mismatch'],
    ['kit-timestamp-stale', 'stale'],
  ] as const)('%s is rejected by a seller that verifies with the kit key: %s', ([attack, reason]) => {
    expect(verifyKit(forge(tenantSync, attack).request)).toMatchObject({ ok: false, reason });
  });

  test.for(['kit-wrong-key', 'kit-basic-key', 'kit-timestamp-stale'] as const)('%s keeps the URL, body and method, and changes the x-sign', (attack) => {
    const { signed, request } = forge(tenantSync, attack);
    expect({ url: request.url, body: request.body, method: request.method }).toEqual({ url: signed.url, body: signed.body, method: signed.method });
    expect(request.headers['x-sign']).not.toBe(signed.headers['x-sign']);
    expect(request.headers['x-nonce']).toBe(signed.headers['x-nonce']);
  });

  test('kit-basic-key is what a seller verifying with the basic key accepts', () => {
    expect(verifyKit(forge(tenantSync, 'kit-basic-key').request, KEYS.basic)).toMatchObject({ ok: true });
  });

  test('kit-timestamp-stale is 5 minutes old and correctly signed for it', () => {
    const { request } = forge(tenantSync, 'kit-timestamp-stale');
    expect(request.headers['x-timestamp']).toBe(String(WALL - STALE_BY_MS));
    expect(verifyKitSignature({ key: KEYS.kit ?? '', body: request.body ?? '', sign: request.headers['x-sign'], timestamp: request.headers['x-timestamp'], nonce: request.headers['x-nonce'] }, { now: WALL - STALE_BY_MS })).toMatchObject({ ok: true });
  });

  test('kit-basic-key does not apply when the basic key is also the kit key', () => {
    const same = setup(tenantSync, { ...KEYS, kit: KEYS.basic });
    expect(ATTACKS['kit-basic-key'].inapplicable?.(withProfile({}), same.tools)).toMatch(/also the kit key/);
    expect(ATTACKS['kit-basic-key'].inapplicable?.(withProfile({}), setup(tenantSync).tools)).toBeUndefined();
  });
});

/** The query parameters besides the two an attack may change. */
const restOf = (url: string): [string, string][] => [...new URL(url).searchParams].filter(([k]) => k !== 'authToken' && k !== 'timeStamp');

describe('forged V1 calls', () => {
  test.for(['v1-wrong-key', 'v1-timestamp-stale'] as const)('%s keeps the address, method and every other parameter, and changes the authToken', (attack) => {
    const { signed, request } = forge(instanceStatus, attack);
    expect(restOf(request.url)).toEqual(restOf(signed.url));
    expect(request.url.split('?')[0]).toBe(signed.url.split('?')[0]);
    expect(request.method).toBe('GET');
    expect(paramOf(request.url, 'authToken')).not.toBe(paramOf(signed.url, 'authToken'));
  });

  test('start from a V1 call a seller accepts', () => {
    expect(verifyV1AuthToken({ key: KEYS.v1 ?? '', query: queryOf(setup(instanceStatus).signed.url) })).toMatchObject({ ok: true });
  });

  test('v1-wrong-key: the same parameters and timeStamp, an authToken the seller\'s key does not make', () => {
    const { signed, request } = forge(instanceStatus, 'v1-wrong-key');
    expect(paramOf(request.url, 'timeStamp')).toBe(paramOf(signed.url, 'timeStamp'));
    expect(paramOf(request.url, 'instanceStatus')).toBe('FREEZE');
    expect(verifyV1AuthToken({ key: KEYS.v1 ?? '', query: queryOf(request.url) })).toMatchObject({ ok: false });
  });

  test('v1-timestamp-stale: a timeStamp 5 minutes old (UTC), authToken valid for it', () => {
    const { request } = forge(instanceStatus, 'v1-timestamp-stale');
    expect(paramOf(request.url, 'timeStamp')).toBe(toMillisTime(WALL - STALE_BY_MS));
    expect(verifyV1AuthToken({ key: KEYS.v1 ?? '', query: queryOf(request.url) })).toMatchObject({ ok: true });
  });
});

describe('attack families', () => {
  test('every kit and V1 attack belongs to its family; the replays re-send, the rest forge', () => {
    expect(KIT_ATTACK_NAMES.map(attackFamily)).toEqual(KIT_ATTACK_NAMES.map(() => 'kit'));
    expect(V1_ATTACK_NAMES.map(attackFamily)).toEqual(V1_ATTACK_NAMES.map(() => 'v1'));
    expect(attacksOf('kit').filter((a) => ATTACKS[a].replaysValidCall)).toEqual(['kit-replay']);
    expect(attacksOf('v1').filter((a) => ATTACKS[a].replaysValidCall)).toEqual(['v1-replay']);
    expect([...KIT_ATTACK_NAMES, ...V1_ATTACK_NAMES].filter((a) => ATTACKS[a].acceptedSeverity === 'warn')).toEqual(['kit-replay', 'v1-timestamp-stale', 'v1-replay']);
  });
});
