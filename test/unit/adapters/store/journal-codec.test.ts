import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { packText, unpackText } from '../../../../mock-server/adapters/store/journal-codec.js';
import { createMemoryJournal } from '../../../../mock-server/adapters/store/memory-journal.js';
import type { NewExchange } from '../../../../mock-server/core/store.js';

const longBody = JSON.stringify({ resultCode: '000000', resultMsg: '成功 ✓ \u{1F600}', items: Array.from({ length: 200 }, (_, i) => ({ i, skuCode: `sku-${i}` })) });

describe('journal codec', () => {
  it('gives back the very text it was given, short, long, non-ASCII or incompressible', () => {
    const noise = randomBytes(4096).toString('base64');
    for (const text of ['', '{}', 'é', longBody, noise, `"${'\u{1F600}'.repeat(1000)}"`]) {
      expect(unpackText(packText(text))).toBe(text);
    }
  });

  it('deflates a long repetitive text into far fewer bytes, in a buffer of its own', () => {
    const packed = packText(longBody);
    expect(packed.deflated).toBe(true);
    expect(packed.bytes.byteLength).toBeLessThan(Buffer.byteLength(longBody) / 4);
    expect(packed.bytes.buffer.byteLength).toBe(packed.bytes.byteLength);
  });

  it('keeps a short text as plain UTF-8', () => {
    const packed = packText('{"a":1}');
    expect(packed.deflated).toBe(false);
    expect(packed.bytes.toString('utf8')).toBe('{"a":1}');
  });

  it('lets the memory journal answer get and list with exactly the exchanges appended', () => {
    const journal = createMemoryJournal();
    const exchange = (i: number): NewExchange => ({
      direction: 'inbound',
      operation: i % 2 === 0 ? 'order.query' : 'usage.push',
      request: { method: 'GET', url: `/api/mkp/v1/orders/${i}`, headers: { 'x-n': String(i) }, body: i === 3 ? longBody : '' },
      response: { status: 200, headers: { 'content-type': 'application/json' }, body: longBody },
      startedAt: 1_700_000_000_000 + i,
      durationMs: 1.5,
      verdicts: [],
      ...(i === 4 ? { scenario: 'long' } : {}),
    });
    const appended = [1, 2, 3, 4].map((i) => ({ ...exchange(i), id: journal.append(exchange(i)) }));
    expect(journal.get(3)).toStrictEqual(appended[2]);
    expect(journal.list({})).toStrictEqual(appended);
    expect(journal.list({ operation: 'usage.push' })).toStrictEqual([appended[0], appended[2]]);
    expect(journal.list({ scenario: 'long' })).toStrictEqual([appended[3]]);
  });
});
