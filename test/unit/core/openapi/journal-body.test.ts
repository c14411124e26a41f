import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { MAX_JOURNAL_BODY_BYTES, toJournalRequest } from '../../../../mock-server/core/openapi/journal.js';

const request = (body: Uint8Array) => ({ method: 'POST', path: '/x', query: '', headers: { 'content-type': 'application/octet-stream' }, rawBody: body });

describe('journal bodies', () => {
  test('a body over the limit is cut and keeps the SHA-256 of the whole', () => {
    const body = new Uint8Array(MAX_JOURNAL_BODY_BYTES + 10).fill(0x61);
    const record = toJournalRequest(request(body) as never).body as Record<string, unknown>;
    expect(record.truncated).toBe(true);
    expect(record.bytes).toBe(MAX_JOURNAL_BODY_BYTES + 10);
    expect(record.sha256).toBe(createHash('sha256').update(body).digest('hex'));
    expect(String(record.text)).toHaveLength(MAX_JOURNAL_BODY_BYTES);
  });

  test('a body within the limit is kept whole, without a hash', () => {
    const record = toJournalRequest(request(new TextEncoder().encode('{"a":1}')) as never).body as Record<string, unknown>;
    expect(record).toEqual({ bytes: 7, truncated: false, text: '{"a":1}' });
  });
});
