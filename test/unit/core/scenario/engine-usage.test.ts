import { describe, expect, test } from 'vitest';
import { isKoomockError } from '../../../../mock-server/core/errors.js';
import { runScenario } from '../../../../mock-server/core/scenario/run/engine.js';
import type { AcceptedUsage } from '../../../../mock-server/core/scenario/run/engine-types.js';
import { isSkippedScenario } from '../../../../mock-server/core/scenario/run/report.js';
import { createEngineFixture, scenarioOf } from './engine-fixtures.js';

const SCENARIO = `id: t
title: test
requires: [usage-push]
steps:
  - id: order
    order: { product: ON_DEMAND }
  - id: create
    send: newInstance
    with: { orderId: "\${order.orderId}", orderLineId: "\${order.orderLineId}" }
  - id: metered
    usage: { instanceId: "\${create.instanceId}", within: 400ms }
`;

/** Usage the "marketplace" accepted, appearing after `afterPolls` looks (a seller pushing on its own timer). */
function usageAfter(afterPolls: number, receivedAt: () => number) {
  let polls = 0;
  const records: AcceptedUsage[] = [];
  return {
    polls: () => polls,
    accepted: (instanceId: string) => {
      polls += 1;
      if (polls === afterPolls) records.push({ meteringSn: `sn-${instanceId}`, usageValue: '0.5', beginTime: '20241121T090000Z', endTime: '20241121T093000Z', receivedAt: receivedAt() });
      return records;
    },
  };
}

describe('usage steps and requires: [usage-push]', () => {
  test('a run not told that the seller pushes usage skips the scenario: no check, every step skipped', async () => {
    const f = createEngineFixture();
    const report = await runScenario(scenarioOf(SCENARIO), f.deps);
    expect(report.steps.map((s) => s.status)).toEqual(['skipped', 'skipped', 'skipped']);
    expect(report.steps[0]?.title).toBe('order NEW ON_DEMAND (skipped: needs a seller that pushes usage; run with --seller-pushes-usage)');
    expect(report.checks).toEqual([]);
    expect(isSkippedScenario(report)).toBe(true);
    expect(f.seller.received).toEqual([]);
  });

  test('usage.pushed passes once the seller pushed for the instance during the step', async () => {
    const f = createEngineFixture();
    const usage = usageAfter(3, () => f.clock.now());
    const report = await runScenario(scenarioOf(SCENARIO), { ...f.deps, sellerPushesUsage: true, usage });
    const check = report.checks.find((c) => c.id === 'usage.pushed');
    expect(check).toMatchObject({ ok: true, step: 'metered', received: 'metering_sn sn-inst-1, usage_value 0.5' });
    expect(usage.polls()).toBe(3);
    expect(report.status).toBe('passed');
  });

  test('usage.pushed fails, with the hint, when nothing arrives within the wait; a push from before the step does not count', async () => {
    const f = createEngineFixture();
    // Accepted before the step started (virtual time 0): not a push during the step.
    const usage = usageAfter(1, () => 0);
    const started = Date.now();
    const report = await runScenario(scenarioOf(SCENARIO), { ...f.deps, sellerPushesUsage: true, usage });
    const check = report.checks.find((c) => c.id === 'usage.pushed');
    expect(check).toMatchObject({ ok: false, received: 'no accepted usage record for it' });
    expect(check?.hint).toMatch(/at least hourly/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    expect(report.status).toBe('failed');
  });

  test('a usage step in a scenario that does not declare requires: [usage-push] is refused', () => {
    let message = '';
    try {
      scenarioOf(SCENARIO.replace('requires: [usage-push]\n', ''));
    } catch (e) {
      if (isKoomockError(e)) message = e.message;
    }
    expect(message).toMatch(/a usage step waits for the seller to push usage[\s\S]*requires: \[usage-push\]/);
  });
});
