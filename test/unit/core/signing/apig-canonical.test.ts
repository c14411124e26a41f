import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  computeApigPayloadHash,
  toApigCanonicalHeaders,
  toApigCanonicalQuery,
  toApigCanonicalUri,
  toSignedHeaderList,
} from '../../../../mock-server/core/signing/apig/canonical.js';
import { parseSdkDate, toSdkDate } from '../../../../mock-server/core/signing/apig/sdk-date.js';
import { decodeUriComponentSafe, encodeRfc3986 } from '../../../../mock-server/core/signing/apig/rfc3986.js';

describe('RFC 3986 encoding', () => {
  test.for([
    ['unreserved characters stay', 'AZaz09-_.~', 'AZaz09-_.~'],
    ["encodeURIComponent's leftovers are encoded", "!'()*", '%21%27%28%29%2A'],
    ['space is %20, not +', 'a b', 'a%20b'],
    ['slash and plus are encoded', '/+', '%2F%2B'],
    ['non-ASCII is UTF-8, upper-case hex', '云', '%E4%BA%91'],
    ['a lone surrogate does not throw', '\ud800', '%EF%BF%BD'],
  ] as const)('%s', ([, input, expected]) => {
    expect(encodeRfc3986(input)).toBe(expected);
  });

  test('any text encodes exactly as the byte-by-byte reference (the all-unreserved shortcut changes nothing)', () => {
    const reference = (text: string): string =>
      [...Buffer.from(text, 'utf8')].map((b) => (b < 0x80 && /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
    fc.assert(fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[A-Za-z0-9\-_.~]*$/), fc.string({ unit: 'binary' })), (text) => encodeRfc3986(text) === reference(text)));
  });

  test('decoding a text without escapes returns it unchanged; with escapes it decodes', () => {
    fc.assert(fc.property(fc.string().filter((t) => !t.includes('%')), (text) => decodeUriComponentSafe(text) === text));
    expect(decodeUriComponentSafe('a%20b')).toBe('a b');
  });

  test('a malformed escape is left as it was instead of throwing', () => {
    expect(decodeUriComponentSafe('100%')).toBe('100%');
    expect(decodeUriComponentSafe('%E4%BA')).toBe('%E4%BA');
  });
});

describe('canonical URI', () => {
  test.for([
    ['appends the trailing slash', '/v1/abc/vpcs', '/v1/abc/vpcs/'],
    ['keeps an existing trailing slash', '/v1/abc/', '/v1/abc/'],
    ['turns an empty path into /', '', '/'],
    ['re-encodes each segment once', '/a%20b/c+d', '/a%20b/c%2Bd/'],
    ['upper-cases escapes', '/a%2fb', '/a%2Fb/'],
    ['encodes a malformed escape as received', '/100%', '/100%25/'],
  ] as const)('%s', ([, path, expected]) => {
    expect(toApigCanonicalUri(path)).toBe(expected);
  });
});

describe('canonical query string', () => {
  test.for([
    ['is empty without a query', '', ''],
    ['sorts by name', 'orderLineId=1&orderId=2', 'orderId=2&orderLineId=1'],
    ['sorts a repeated name by value', 'k=b&k=a&j=z', 'j=z&k=a&k=b'],
    ['renders an empty or bare parameter as k=', 'b=&a', 'a=&b='],
    ['reads + as a space and signs it as %20', 'q=a+b', 'q=a%20b'],
    ['encodes values with RFC 3986', 'q=it%27s%2A', 'q=it%27s%2A'],
    ['sorts by the encoded name', '%C3%A9=1&z=2', '%C3%A9=1&z=2'],
  ] as const)('%s', ([, query, expected]) => {
    expect(toApigCanonicalQuery(query)).toBe(expected);
  });
});

describe('canonical headers', () => {
  test('writes name:trimmed value and a newline per signed header', () => {
    expect(toApigCanonicalHeaders(['content-type', 'host'], { 'content-type': ' application/json ', host: 'h' })).toBe(
      'content-type:application/json\nhost:h\n',
    );
  });

  test('signs an absent header as an empty value and never reads inherited properties', () => {
    expect(toApigCanonicalHeaders(['constructor', 'x-a'], {})).toBe('constructor:\nx-a:\n');
  });

  test('normalises SignedHeaders to lower case, sorted, without duplicates', () => {
    expect(toSignedHeaderList(['X-Sdk-Date', 'host', 'Content-Type', 'HOST'])).toEqual(['content-type', 'host', 'x-sdk-date']);
  });
});

describe('payload hash', () => {
  test('is the SHA-256 of the raw bytes', () => {
    expect(computeApigPayloadHash(new Uint8Array(), {})).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  test('is the literal UNSIGNED-PAYLOAD when the request says so', () => {
    expect(computeApigPayloadHash(Buffer.from('{}'), { 'x-sdk-content-sha256': 'UNSIGNED-PAYLOAD' })).toBe('UNSIGNED-PAYLOAD');
  });
});

describe('X-Sdk-Date', () => {
  test('formats and parses the basic ISO form', () => {
    const ms = Date.UTC(2019, 10, 15, 3, 36, 55);
    expect(toSdkDate(ms + 999)).toBe('20191115T033655Z');
    expect(parseSdkDate('20191115T033655Z')).toBe(ms);
    expect(parseSdkDate('20240229T235959Z')).toBe(Date.UTC(2024, 1, 29, 23, 59, 59));
  });

  test.for([
    ['extended ISO', '2019-11-15T03:36:55Z'],
    ['no Z', '20191115T033655'],
    ['February 30', '20190230T000000Z'],
    ['hour 24', '20191115T240000Z'],
    ['minute 60', '20191115T036000Z'],
    ['second 60', '20191115T033660Z'],
    ['month 13', '20191315T033655Z'],
    ['day 0', '20191100T033655Z'],
    ['February 29 of a common year', '20230229T000000Z'],
    ['a two-digit year Date.UTC would read as 19xx', '00501115T033655Z'],
    ['HTTP date', 'Fri, 15 Nov 2019 03:36:55 GMT'],
  ] as const)('rejects %s', ([, text]) => {
    expect(parseSdkDate(text)).toBeUndefined();
  });
});
