import { describe, expect, test } from 'vitest';
import { readAgentAnswer } from '../../../../mock-server/core/agent/answer.js';
import { computeBill } from '../../../../mock-server/core/agent/bill.js';
import { checkAgentSse, checkAgentUsage, checkJwtRejected } from '../../../../mock-server/core/agent/checks.js';
import { buildAgentRequest } from '../../../../mock-server/core/agent/request.js';
import { readSse } from '../../../../mock-server/core/agent/sse.js';
import { createFixedClock } from '../../../support/fixed-clock.js';
import { createSeqRandom } from '../../../support/seq-random.js';

const response = (body: string, contentType: string, status = 200) => ({
  kind: 'response' as const,
  status,
  headers: { 'content-type': contentType },
  body: new TextEncoder().encode(body),
  truncated: false,
  durationMs: 1,
});

describe('readSse', () => {
  test('splits events on blank lines, joins data lines, skips comments, keeps a last event without a blank line', () => {
    const read = readSse(': hello\r\nevent: delta\r\ndata: {"a":\r\ndata: 1}\r\n\r\ndata: [DONE]');
    expect(read.events).toEqual([{ event: 'delta', data: '{"a":\n1}' }, { data: '[DONE]' }]);
    expect(read.strayLines).toBe(0);
  });

  test('counts a JSON body sent without data: as stray lines and finds no event', () => {
    expect(readSse('{"usage":{}}\n')).toEqual({ events: [], total: 0, strayLines: 1 });
  });
});

describe('agent.usage and agent.sse', () => {
  const usage = '{"prompt_tokens":31,"completion_tokens":217,"total_tokens":248}';

  test('JSON: the documented example passes', () => {
    const answer = readAgentAnswer(response(`{"data":"南京","usage":${usage}}`, 'application/json'), 'json');
    expect(checkAgentUsage(answer, ['inputTokens', 'outputTokens'], 'json').ok).toBe(true);
  });

  test('JSON: output_tokens stands for completion_tokens; a string count names the field', () => {
    const alt = readAgentAnswer(response('{"usage":{"input_tokens":1,"output_tokens":2}}', 'application/json'), 'json');
    expect(checkAgentUsage(alt, ['inputTokens', 'outputTokens'], 'json').ok).toBe(true);
    const text = readAgentAnswer(response('{"usage":{"prompt_tokens":"31","completion_tokens":2}}', 'application/json'), 'json');
    expect(checkAgentUsage(text, ['inputTokens', 'outputTokens'], 'json').received).toBe('usage.prompt_tokens is 31, not a number >= 0');
  });

  test('SSE: usage counts from the last event that carries it, not an earlier one', () => {
    const body = `data: {"usage":{"prompt_tokens":1,"completion_tokens":1}}\n\ndata: {"delta":"x"}\n\ndata: {"usage":${usage}}\n\ndata: [DONE]\n\n`;
    const answer = readAgentAnswer(response(body, 'text/event-stream'), 'sse');
    expect(checkAgentSse(answer)).toMatchObject({ ok: true, received: '4 data: events' });
    expect(checkAgentUsage(answer, ['inputTokens', 'outputTokens'], 'sse')).toMatchObject({ ok: true, received: `usage found: ${usage} (event 3)` });
    expect(computeBill(answer.billed, undefined, { inputTokens: 0.5, outputTokens: 1 }).total).toBe(232.5);
  });

  test('SSE: a JSON body served as a stream fails agent.sse', () => {
    const answer = readAgentAnswer(response(`{"usage":${usage}}`, 'application/json'), 'sse');
    expect(checkAgentSse(answer)).toMatchObject({ ok: false, received: 'Content-Type application/json' });
  });

  test('priced images need usage.image_count; speech comes from transcripts in milliseconds', () => {
    const answer = readAgentAnswer(response('{"usage":{"prompt_tokens":1},"transcripts":{"content_duration_in_milliseconds":1500}}', 'application/json'), 'json');
    expect(checkAgentUsage(answer, ['images'], 'json').received).toBe('the answer has no usage.image_count');
    expect(computeBill(answer.billed, undefined, { speechSeconds: 2 }).lines).toEqual([{ item: 'speechSeconds', quantity: 1.5, unitPrice: 2, amount: 3 }]);
  });
});

describe('the bill', () => {
  test('characters and bytes are counted from the request input, not the answer', () => {
    const bill = computeBill({}, { input: '南京ab' }, { inputChars: 0.1, inputBytes: 0.01 });
    expect(bill.lines.map((l) => [l.item, l.quantity, l.amount])).toEqual([
      ['inputChars', 4, 0.4],
      ['inputBytes', 8, 0.08],
    ]);
    expect(bill.total).toBe(0.48);
  });

  test('without prices the token quantities are listed and there is no total', () => {
    expect(computeBill({ usage: { prompt_tokens: 3, completion_tokens: 4 } }, undefined, {})).toEqual({
      lines: [
        { item: 'inputTokens', quantity: 3 },
        { item: 'outputTokens', quantity: 4 },
      ],
    });
  });
});

describe('the request and the rejection checks', () => {
  test('carries the JWT after Bearer, a request id, the buyer, and a percent-encoded non-ASCII name', () => {
    const target = { url: 'http://127.0.0.1:1/agent', method: 'POST' as const, ak: 'ak', sk: 'sk', customerId: 'c'.repeat(32), customerName: '买家', jwtHeader: 'Authorization', jwtPrefix: 'Bearer ', timeoutMs: 1000, prices: {} };
    const request = buildAgentRequest(target, { stream: true, jwt: 'valid' }, { clock: createFixedClock(), random: createSeqRandom() });
    expect(request.headers['authorization']).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    expect(request.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(request.headers['x-customer-id']).toBe('c'.repeat(32));
    expect(request.headers['x-customer-name']).toBe('%E4%B9%B0%E5%AE%B6');
    expect(request.headers['accept']).toBe('text/event-stream');
    expect(JSON.parse(request.body ?? '')).toMatchObject({ stream: true });
  });

  test('4xx passes, 2xx and 5xx fail', () => {
    expect(checkJwtRejected('expired', response('', 'text/plain', 401)).ok).toBe(true);
    expect(checkJwtRejected('forged', response('', 'text/plain', 200))).toMatchObject({ ok: false, received: 'HTTP 200: the backend served the call' });
    expect(checkJwtRejected('forged', response('', 'text/plain', 500))).toMatchObject({ ok: false, received: 'HTTP 500: the backend did not refuse it with 4xx' });
  });
});
