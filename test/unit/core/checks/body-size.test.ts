import { describe, expect, test } from 'vitest';
import { ANSWER_MAX_BYTES, checkBodySize } from '../../../../mock-server/core/checks/body-size.js';

describe('body.size', () => {
  test('passes for a complete body and says its size', () => {
    expect(checkBodySize({ truncated: false, bytes: 42 })).toMatchObject({ id: 'body.size', ok: true, received: '42 bytes' });
  });

  test('fails for a cut-off body, naming the declared length', () => {
    const r = checkBodySize({ truncated: true, bytes: ANSWER_MAX_BYTES, contentLength: '1073741824' });
    expect(r).toMatchObject({ ok: false, received: 'more than 1048576 bytes (Content-Length: 1073741824); koomock stopped reading there' });
    expect(r.hint).toContain('small JSON objects');
  });

  test('says when no length was declared (a chunked or endless body)', () => {
    expect(checkBodySize({ truncated: true, bytes: ANSWER_MAX_BYTES }).received).toContain('(no Content-Length)');
  });
});
