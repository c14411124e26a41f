import { describe, expect, test } from 'vitest';
import { checkBodyJson, decodeBody } from '../../../../mock-server/core/checks/body-json.js';

const body = (text: string) => ({ text, utf8: true, truncated: false });

describe('body.json', () => {
  test('passes for a JSON object', () => {
    expect(checkBodyJson(body('{"resultCode":"000000"}'))).toMatchObject({ id: 'body.json', ok: true });
  });

  test.for([
    ['an empty body', '', 'an empty body'],
    ['HTML', '<html>error</html>', 'not JSON'],
    ['an array', '[{"resultCode":"000000"}]', 'an array, not an object'],
    ['a string', '"000000"', 'a string, not an object'],
    ['null', 'null', 'null, not an object'],
  ] as const)('fails for %s', ([, text, received]) => {
    const r = checkBodyJson(body(text));
    expect(r.ok).toBe(false);
    expect(r.received).toContain(received);
  });

  test('fails for a truncated body without parsing it', () => {
    expect(checkBodyJson({ text: '{"a":', utf8: true, truncated: true }).received).toContain('larger than the 1 MiB');
  });

  test('fails for bytes that are not UTF-8', () => {
    const decoded = decodeBody(new Uint8Array([0x7b, 0xc4, 0xe3, 0x7d]));
    expect(decoded.utf8).toBe(false);
    expect(checkBodyJson({ ...decoded, truncated: false }).received).toBe('bytes that are not valid UTF-8');
  });

  test('shows hostile text safely: control characters escaped, cut short', () => {
    const r = checkBodyJson(body(`\u001b[31m${'<'.repeat(500)}`));
    expect(r.received).not.toContain('\u001b');
    expect(r.received?.length).toBeLessThan(250);
  });
});
