import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTextSlabs, unpackText } from '../../../../mock-server/adapters/store/journal-codec.js';
import { createMemoryJournal } from '../../../../mock-server/adapters/store/memory-journal.js';
import type { NewExchange } from '../../../../mock-server/core/store.js';

const longBody = JSON.stringify({ resultCode: '000000', resultMsg: '成功 ✓ \u{1F600}', items: Array.from({ length: 200 }, (_, i) => ({ i, skuCode: `sku-${i}` })) });

describe('journal codec', () => {
  it('gives back the very text it was given, short, long, non-ASCII or incompressible', () => {
    const noise = randomBytes(4096).toString('base64');
    const texts = ['', '{}', 'é', longBody, noise, `"${'\u{1F600}'.repeat(1000)}"`];
    // Small slabs, so texts cross into new slabs and one text outgrows a slab.
    const slabs = createTextSlabs(2048);
    const stored = texts.map((t) => slabs.pack(t));
    expect(stored.map(unpackText)).toStrictEqual(texts);
  });

  it('deflates a long repetitive text into far fewer bytes, packed after the others in one slab', () => {
    const slabs = createTextSlabs();
    const first = slabs.pack(longBody);
    const second = slabs.pack(longBody);
    expect(first.deflated).toBe(true);
    expect(first.end - first.start).toBeLessThan(Buffer.byteLength(longBody) / 4);
    expect(second.slab).toBe(first.slab);
    expect(second.start).toBe(first.end);
  });

  it('keeps a short text as plain UTF-8', () => {
    const stored = createTextSlabs().pack('{"a":1}');
    expect(stored.deflated).toBe(false);
    expect(stored.slab.toString('utf8', stored.start, stored.end)).toBe('{"a":1}');
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
