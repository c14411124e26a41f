import { describe, expect, test } from 'vitest';
import { toAttemptLine } from '../../../../mock-server/adapters/cli/progress.js';
import type { ProduceExchange } from '../../../../mock-server/core/ports.js';

const base: ProduceExchange = {
  activity: 'newInstance',
  attempt: 2,
  at: 0,
  wallAt: 0,
  request: { method: 'POST', url: 'http://127.0.0.1:1/produce', headers: {} },
  durationMs: 20_000,
  checks: [],
  outcome: 'failed',
};
const context = { scenario: 'subscribe-monthly', step: 'create', spec: { activity: 'newInstance', url: 'http://127.0.0.1:1/produce' } };

describe('a progress line per attempt', () => {
  test('names the scenario, step, activity, attempt and how it ended', () => {
    expect(toAttemptLine({ ...base, error: { error: 'timeout', message: 'timeout' } }, context, { lang: 'en' })).toBe(
      '  · subscribe-monthly › create: newInstance attempt 2: no answer (timeout) · 20s',
    );
    const answered = { ...base, durationMs: 42, outcome: 'success' as const, response: { status: 200, headers: {}, body: '{"resultCode":"000000"}', truncated: false } };
    expect(toAttemptLine(answered, context, { lang: 'en' })).toBe('  · subscribe-monthly › create: newInstance attempt 2: HTTP 200 000000 (success) · 42ms');
    expect(toAttemptLine(answered, context, { lang: 'zh' })).toBe('  · subscribe-monthly › create：newInstance 第 2 次尝试：HTTP 200 000000 (success) · 42ms');
  });

  test('shows seller text safely', () => {
    const hostile = { ...base, response: { status: 200, headers: {}, body: '{"resultCode":"\\u001b[31m"}', truncated: false } };
    expect(toAttemptLine(hostile, { ...context, scenario: 'a\u001b[2Jb' }, { lang: 'en' })).not.toContain('\u001b');
  });
});
