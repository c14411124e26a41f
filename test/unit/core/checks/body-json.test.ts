import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { checkBodyJson, decodeBody, jsonDepth, MAX_JSON_DEPTH, parseJsonText } from '../../../../mock-server/core/checks/body-json.js';

const body = (text: string) => ({ text, utf8: true });

describe('body.json', () => {
  test.for([
    ['an object', '{"resultCode":"000000"}'],
    ['an array (body.object judges the shape)', '[1]'],
    ['a JSON string', '"ok"'],
  ] as const)('passes for %s', ([, text]) => {
    expect(checkBodyJson(body(text))).toMatchObject({ id: 'body.json', ok: true });
  });

  test.for([
    ['an empty body', '', 'an empty body'],
    ['whitespace only', ' \r\n', 'an empty body'],
    ['HTML', '<html>error</html>', 'not JSON'],
    ['a cut-off object', '{"resultCode":"0000', 'not JSON'],
    ['a trailing comma', '{"resultCode":"000000",}', 'not JSON'],
  ] as const)('fails for %s', ([, text, received]) => {
    const r = checkBodyJson(body(text));
    expect(r.ok).toBe(false);
    expect(r.received).toContain(received);
  });

  test('names Content-Encoding for a compressed answer instead of calling it bad UTF-8', () => {
    const decoded = decodeBody(new Uint8Array(gzipSync('{"resultCode":"000000"}')));
    const r = checkBodyJson({ ...decoded, contentEncoding: 'gzip' });
    expect(r).toMatchObject({ ok: false, received: expect.stringContaining('Content-Encoding: gzip'), hint: expect.stringContaining('Do not compress') });
    // Plain JSON under a stray header is still JSON; identity is no compression.
    expect(checkBodyJson({ ...body('{"a":1}'), contentEncoding: 'gzip' }).ok).toBe(true);
    expect(checkBodyJson({ ...decoded, contentEncoding: 'identity' }).received).toBe('bytes that are not valid UTF-8');
  });

  test('fails for bytes that are not UTF-8', () => {
    const decoded = decodeBody(new Uint8Array([0x7b, 0xc4, 0xe3, 0x7d]));
    expect(decoded.utf8).toBe(false);
    expect(checkBodyJson(decoded).received).toBe('bytes that are not valid UTF-8');
  });

  test('fails for JSON nested deeper than the limit, saying how deep', () => {
    const deep = `${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}`;
    expect(checkBodyJson(body(deep))).toMatchObject({ ok: false, received: `JSON nested ${MAX_JSON_DEPTH + 1} levels deep (koomock reads at most ${MAX_JSON_DEPTH})` });
  });

  test('accepts JSON nested exactly to the limit', () => {
    const edge = `${'{"a":'.repeat(MAX_JSON_DEPTH)}1${'}'.repeat(MAX_JSON_DEPTH)}`;
    expect(parseJsonText(edge).ok).toBe(true);
  });

  test('shows hostile text safely: control characters escaped, cut short', () => {
    const r = checkBodyJson(body(`\u001b[31m${'<'.repeat(500)}`));
    expect(r.received).not.toContain('\u001b');
    expect(r.received?.length).toBeLessThan(250);
  });
});

describe('jsonDepth', () => {
  test.for([
    ['a scalar', '42', 0],
    ['a flat object', '{"a":1}', 1],
    ['nesting', '{"a":[1,{"b":2}]}', 3],
    ['brackets inside strings', '{"a":"[[[{{{"}', 1],
    ['escaped quotes inside strings', '{"a":"\\"[[["}', 1],
  ] as const)('counts %s', ([, text, depth]) => {
    expect(jsonDepth(text)).toBe(depth);
  });

  test('handles 100000 levels without recursion', () => {
    expect(jsonDepth(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toBe(100_000);
  });
});
