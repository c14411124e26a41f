import { describe, expect, test } from 'vitest';
import { checkTimestampWindow } from '../../../../mock-server/core/signing/timestamp-window.js';

const NOW = 1_680_508_066_618;

describe('checkTimestampWindow', () => {
  test.for([
    { name: 'the same millisecond', ts: String(NOW) },
    { name: '60 s old', ts: String(NOW - 60_000) },
    { name: '60 s ahead', ts: String(NOW + 60_000) },
  ])('accepts a timestamp $name', ({ ts }) => {
    expect(checkTimestampWindow(ts, NOW, 60_000)).toEqual({ ok: true });
  });

  test.for([
    { name: 'absent', ts: undefined, reason: 'missing' },
    { name: 'empty', ts: '', reason: 'missing' },
    { name: 'negative', ts: `-${NOW}`, reason: 'malformed' },
    { name: 'a decimal', ts: `${NOW}.5`, reason: 'malformed' },
    { name: 'with a space', ts: ` ${NOW}`, reason: 'malformed' },
    { name: 'beyond a safe integer', ts: '9'.repeat(20), reason: 'malformed' },
    { name: '60.001 s old', ts: String(NOW - 60_001), reason: 'stale' },
    { name: '60.001 s ahead', ts: String(NOW + 60_001), reason: 'future' },
    { name: 'in seconds', ts: String(Math.floor(NOW / 1000)), reason: 'stale' },
    { name: 'in microseconds', ts: `${NOW}000`, reason: 'future' },
  ])('rejects a timestamp $name as $reason', ({ ts, reason }) => {
    expect(checkTimestampWindow(ts, NOW, 60_000)).toMatchObject({ ok: false, reason });
  });

  test('honours a narrower window', () => {
    expect(checkTimestampWindow(String(NOW - 5_001), NOW, 5_000)).toMatchObject({ ok: false, reason: 'stale' });
  });

  test('accepts seconds when the profile says seconds (docs/fidelity.md#d3 option)', () => {
    expect(checkTimestampWindow(String(Math.floor(NOW / 1000)), NOW, 60_000, 'seconds')).toEqual({ ok: true });
  });

  test('quotes untrusted text in a detail, cut short', () => {
    const verdict = checkTimestampWindow(`${'x'.repeat(500)}\n`, NOW, 60_000);
    expect(verdict.ok ? '' : verdict.detail.length).toBeLessThan(250);
  });
});
