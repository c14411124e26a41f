import { describe, expect, test } from 'vitest';
import { createEmulatorRuntime } from '../../../mock-server/app/emulator-runtime.js';
import { createOpenApiControl, toRuntimeSource } from '../../../mock-server/app/open-api-control.js';
import { createMemoryStore } from '../../../mock-server/adapters/store/memory-store.js';
import { resolveConfig } from '../../../mock-server/config/load.js';
import type { NewExchange } from '../../../mock-server/core/store.js';
import { createFixedClock } from '../../support/fixed-clock.js';

const exchange = (direction: 'inbound' | 'outbound', operation: string): NewExchange => ({ direction, operation, request: {}, startedAt: 0, durationMs: 0, verdicts: [] });

function setup(settleMs = 0) {
  const config = resolveConfig({}, { cwd: process.cwd(), label: 'test' });
  const runtime = createEmulatorRuntime({ config, store: createMemoryStore(), clock: createFixedClock() });
  const slept: number[] = [];
  const control = createOpenApiControl(toRuntimeSource(runtime), { settleMs, sleep: async (ms) => void slept.push(ms) });
  return { runtime, control, slept };
}

describe('the OpenApiControl over an emulator in this process', () => {
  test('marks the newest journal id, and reads only the inbound exchanges after it, past one page', async () => {
    const { runtime, control } = setup();
    runtime.store.appendExchange(exchange('inbound', 'order.query'));
    const mark = await control.mark();
    for (let i = 0; i < 1_200; i += 1) runtime.store.appendExchange(exchange(i % 2 === 0 ? 'inbound' : 'outbound', 'order.query'));
    expect(mark).toBe(1);
    const read = await control.readAfter(mark);
    expect(read).toHaveLength(600);
    expect(read.every((e) => e.direction === 'inbound' && e.id > mark)).toBe(true);
    expect(await control.mark()).toBe(1_201);
  });

  test('waits for a background call until the condition holds or the settle time is up', async () => {
    const { runtime, control, slept } = setup(60_000);
    let polls = 0;
    const read = await control.readAfter(0, (list) => {
      polls += 1;
      if (polls === 3) runtime.store.appendExchange(exchange('inbound', 'order.query'));
      return list.length > 0;
    });
    expect(read).toHaveLength(1);
    expect(slept).toEqual([20, 20, 20]);
  });

  test('adds rules to the fault plan, scopes them and clears one scenario’s', async () => {
    const { runtime, control } = setup();
    await control.addFaults([{ operation: '*', scenario: 's', action: { kind: 'reset' } }, { operation: 'order.query', action: { kind: 'latency', ms: 5 } }]);
    await control.setScope({ scenario: 's', step: 'create' });
    expect(runtime.faults.list().map((r) => r.operation)).toEqual(['*', 'order.query']);
    await control.clearFaults('s');
    expect(runtime.faults.list().map((r) => r.operation)).toEqual(['order.query']);
    expect(control.hostNames).toEqual(['mkt.myhuaweicloud.com', 'mkt.myhuaweicloud.cn']);
  });
});
