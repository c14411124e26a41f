import { describe, expect, test } from 'vitest';
import type { SellerTransport, TransportRequest, TransportResult } from '../../../../mock-server/core/ports.js';
import { withProfile } from '../../../../mock-server/core/profile.js';
import { runScenario } from '../../../../mock-server/core/scenario/run/engine.js';
import { isFailure, type ReportedCheck } from '../../../../mock-server/core/scenario/run/report.js';
import { verifyV2Signature } from '../../../../mock-server/core/signing/index.js';
import { createEngineFixture, ORDER_AND_CREATE, scenarioOf } from './engine-fixtures.js';

/**
 * How the seller treats signatures: verifies before acting (`verify`), never verifies (`skip`),
 * acts first and verifies after (`act-then-verify`: answers 000001 but the harm is done), or
 * verifies without remembering nonces (`no-nonce-cache`).
 */
type Mode = 'verify' | 'skip' | 'act-then-verify' | 'no-nonce-cache';

const answer = (body: unknown): TransportResult => ({
  kind: 'response',
  status: 200,
  headers: { 'content-type': 'application/json;charset=UTF-8' },
  body: new TextEncoder().encode(JSON.stringify(body)),
  truncated: false,
  durationMs: 2,
});

/** A small stateful seller: instances by order line, released ones left out of queryInstance. */
function createSeller(mode: Mode, key: string, now: () => number, timestampUnit: 'ms' | 'seconds' = 'ms'): SellerTransport & { readonly received: string[] } {
  const byLine = new Map<string, string>();
  const live = new Set<string>();
  const nonces = new Set<string>();
  const received: string[] = [];
  let counter = 0;
  const act = (body: Record<string, unknown>): Record<string, unknown> => {
    switch (body['activity']) {
      case 'newInstance': {
        const line = `${String(body['orderId'])}|${String(body['orderLineId'])}`;
        let id = byLine.get(line);
        if (id === undefined) {
          counter += 1;
          id = `inst-${counter}`;
          byLine.set(line, id);
          live.add(id);
        }
        return { resultCode: '000000', resultMsg: 'ok', instanceId: id };
      }
      case 'queryInstance': {
        const id = String(body['instanceId']);
        return { resultCode: '000000', resultMsg: 'ok', info: live.has(id) ? [{ instanceId: id, appInfo: { frontEndUrl: `https://app.example/${id}` } }] : [] };
      }
      case 'releaseInstance':
        live.delete(String(body['instanceId']));
        return { resultCode: '000000', resultMsg: 'ok' };
      default:
        return { resultCode: '000000', resultMsg: 'ok' };
    }
  };
  const verified = (req: TransportRequest): boolean => {
    const q = new URL(req.url).searchParams;
    const get = (n: string) => q.get(n) ?? undefined;
    const v = verifyV2Signature({ key, body: req.body ?? '', signature: get('signature'), timestamp: get('timestamp'), nonce: get('nonce') }, { now: now(), timestampUnit });
    if (!v.ok) return false;
    if (mode === 'no-nonce-cache') return true;
    const nonce = get('nonce') ?? '';
    if (nonces.has(nonce)) return false;
    nonces.add(nonce);
    return true;
  };
  return {
    received,
    send: async (req) => {
      const body = JSON.parse(req.body ?? '{}') as Record<string, unknown>;
      received.push(String(body['activity']));
      if (mode === 'skip') return answer(act(body));
      if (mode === 'act-then-verify') {
        const done = act(body);
        return answer(verified(req) ? done : { resultCode: '000001', resultMsg: 'bad signature' });
      }
      return answer(verified(req) ? act(body) : { resultCode: '000001', resultMsg: 'bad signature' });
    },
  };
}

function fixture(mode: Mode, timestampUnit: 'ms' | 'seconds' = 'ms') {
  const f = createEngineFixture();
  const seller = createSeller(mode, f.deps.keys.basic, () => f.clock.wallNow(), timestampUnit);
  return { ...f, deps: { ...f.deps, transport: seller }, received: seller.received };
}

const HEAD = 'id: t\ntitle: test\ngroup: security\nsteps:';

const forgedRelease = (attack: string) => `${HEAD}${ORDER_AND_CREATE}
  - id: forged
    send: releaseInstance
    with: { instanceId: "\${create.instanceId}" }
    attack: ${attack}
  - id: check
    send: queryInstance
    with: { instanceId: "\${create.instanceId}" }
    expect:
      noSideEffectOf: forged
      fields:
        body.info[0].instanceId: "\${create.instanceId}"
`;

const failed = (checks: readonly ReportedCheck[]) => checks.filter(isFailure).map((c) => `${c.step} ${c.id}`);

describe('scenario steps with attack', () => {
  test.for(['body-changed-after-signing', 'wrong-key', 'signature-missing', 'timestamp-missing', 'nonce-missing', 'timestamp-stale', 'timestamp-in-seconds', 'signature-of-other-activity'])(
    '%s: a seller that verifies passes, and the forged call is not booked',
    async (attack) => {
      const f = fixture('verify');
      const report = await runScenario(scenarioOf(forgedRelease(attack)), f.deps);
      expect(failed(report.checks)).toEqual([]);
      expect(report.checks.filter((c) => c.id === `security.${attack}`).map((c) => [c.step, c.ok])).toEqual([['forged', true], ['check', true]]);
      expect(report.steps.find((s) => s.id === 'forged')?.attempts.map((a) => a.resultCode)).toEqual(['000001']);
      expect([...f.instances.values()].map((i) => i.state)).toEqual(['ACTIVE']);
    },
  );

  test('a seller that skips verification fails the attack on the forged call and on the follow-up, saying why', async () => {
    const f = fixture('skip');
    const report = await runScenario(scenarioOf(forgedRelease('wrong-key')), f.deps);
    expect(report.status).toBe('failed');
    // The released instance is also missing from queryInstance (response.instances): the forged call did harm.
    expect(failed(report.checks)).toEqual(['forged security.wrong-key', 'check response.instances', 'check expect.field', 'check security.wrong-key']);
    const [forged, after] = report.checks.filter((c) => c.id === 'security.wrong-key');
    expect(forged?.received).toBe(`"000000", resultMsg "ok": the seller accepted a forged releaseInstance (signed with a key that is not the seller's)`);
    expect(after?.received).toMatch(/^the valid queryInstance shows one: response\.instances: expected info\[\] with one entry per queried instance: inst-1, received missing: inst-1/);
    // koomock's own record of the instance is untouched: the marketplace never sent that release.
    expect([...f.instances.values()].map((i) => i.state)).toEqual(['ACTIVE']);
  });

  test('a seller that answers 000001 but acts first fails on the follow-up only', async () => {
    const f = fixture('act-then-verify');
    const report = await runScenario(scenarioOf(forgedRelease('signature-missing')), f.deps);
    expect(failed(report.checks)).toEqual(['check response.instances', 'check expect.field', 'check security.signature-missing']);
    expect(report.checks.find((c) => c.id === 'security.signature-missing' && c.step === 'check')?.hint).toMatch(/^The seller answered the forged call 000001 but acted on it/);
  });

  test('a forged newInstance the seller acted on: the valid one gets the same instance', async () => {
    const f = fixture('skip');
    const report = await runScenario(scenarioOf(`${HEAD}
  - id: order
    order: { product: PERIOD }
  - id: forged
    send: newInstance
    with: { orderId: "\${order.orderId}", orderLineId: "\${order.orderLineId}" }
    attack: nonce-missing
  - id: create
    send: newInstance
    with: { orderId: "\${order.orderId}", orderLineId: "\${order.orderLineId}" }
    expect: { noSideEffectOf: forged }
`), f.deps);
    expect(failed(report.checks)).toEqual(['forged security.nonce-missing', 'create security.nonce-missing']);
    expect(report.checks.at(-1)?.received).toBe('the valid newInstance got instanceId "inst-1", the one the forged call was given: the forged call created the instance');
    // Only the valid call was booked.
    expect([...f.instances.keys()]).toEqual(['inst-1']);
  });

  test('replay: the valid call, then its bytes again; a seller that caches nonces rejects the repeat', async () => {
    const f = fixture('verify');
    const report = await runScenario(scenarioOf(`${HEAD}${ORDER_AND_CREATE}
  - id: replayed
    send: queryInstance
    with: { instanceId: "\${create.instanceId}" }
    attack: replay
`), f.deps);
    expect(failed(report.checks)).toEqual([]);
    expect(report.checks.find((c) => c.id === 'security.replay')).toMatchObject({ step: 'replayed#replay', ok: true });
    expect(report.steps.find((s) => s.id === 'replayed')?.attempts.map((a) => a.resultCode)).toEqual(['000000', '000001']);
    // newInstance 000000 is followed by the marketplace's own queryInstance, then the step's call and its replay.
    expect(f.received).toEqual(['newInstance', 'queryInstance', 'queryInstance', 'queryInstance']);
  });

  test('replay accepted by a seller without a nonce cache is a warning, not a failure', async () => {
    const f = fixture('no-nonce-cache');
    const report = await runScenario(scenarioOf(`${HEAD}${ORDER_AND_CREATE}
  - id: replayed
    send: queryInstance
    with: { instanceId: "\${create.instanceId}" }
    attack: replay
`), f.deps);
    expect(report.status).toBe('passed');
    expect(report.checks.find((c) => c.id === 'security.replay')).toMatchObject({ ok: false, severity: 'warn' });
  });

  test('an attack that does not apply under the profile sends nothing and warns', async () => {
    const f = fixture('verify', 'seconds');
    const report = await runScenario(scenarioOf(forgedRelease('timestamp-in-seconds')), { ...f.deps, profile: withProfile({ timestampUnit: 'seconds' }) });
    expect(failed(report.checks)).toEqual([]);
    expect(report.status).toBe('passed');
    expect(f.received).toEqual(['newInstance', 'queryInstance', 'queryInstance']);
    expect(report.checks.find((c) => c.id === 'security.timestamp-in-seconds')).toMatchObject({ step: 'forged', ok: false, severity: 'warn' });
  });
});
