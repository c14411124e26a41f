import { describe, expect, test } from 'vitest';
import { parseMultipart, toMultipartBoundary } from '../../../../mock-server/core/openapi/multipart.js';
import { BOUNDARY, MULTIPART_TYPE, toMultipartBody } from './multipart-body.js';

const valid = () =>
  toMultipartBody([
    { name: 'file', filename: '111.jpg', contentType: 'image/jpeg', data: new Uint8Array([0xff, 0xd8, 0x0d, 0x0a, 0x2d, 0x2d, 0x00]) },
    { name: 'isvUpdateFileReq', contentType: 'application/json', data: '{"type":"FILE"}' },
  ]);

const edit = (body: Uint8Array, from: string, to: string): Uint8Array =>
  new Uint8Array(Buffer.from(Buffer.from(body).toString('latin1').replace(from, to), 'latin1'));

describe('parseMultipart', () => {
  test('splits parts with their name, filename, content type and exact bytes', () => {
    const r = parseMultipart(MULTIPART_TYPE, valid());
    expect(r).toEqual({
      ok: true,
      parts: [
        { name: 'file', filename: '111.jpg', contentType: 'image/jpeg', data: new Uint8Array([0xff, 0xd8, 0x0d, 0x0a, 0x2d, 0x2d, 0x00]) },
        { name: 'isvUpdateFileReq', contentType: 'application/json', data: new Uint8Array(Buffer.from('{"type":"FILE"}')) },
      ],
    });
  });

  test('reads a quoted boundary and allows a preamble', () => {
    const body = Buffer.concat([Buffer.from('preamble\r\n'), Buffer.from(valid())]);
    expect(parseMultipart(`multipart/form-data; boundary="${BOUNDARY}"`, body).ok).toBe(true);
  });

  test.for([
    ['a Content-Type that is not multipart/form-data', 'application/json', (b: Uint8Array) => b, 'expected multipart/form-data'],
    ['no boundary parameter', 'multipart/form-data', (b: Uint8Array) => b, 'no boundary'],
    ['a body without the boundary', MULTIPART_TYPE, () => new Uint8Array(Buffer.from('hello')), 'does not contain the boundary'],
    ['a missing closing delimiter', MULTIPART_TYPE, (b: Uint8Array) => edit(b, `--${BOUNDARY}--`, 'trailing'), 'is not closed'],
    ['a part without Content-Disposition', MULTIPART_TYPE, (b: Uint8Array) => edit(b, 'Content-Disposition: form-data; name="file"; filename="111.jpg"', 'X-Other: 1'), 'no Content-Disposition'],
    ['a part that is not form-data', MULTIPART_TYPE, (b: Uint8Array) => edit(b, 'form-data; name="file"', 'attachment; name="file"'), 'is not form-data'],
    ['headers without an empty line', MULTIPART_TYPE, () => new Uint8Array(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="a"`)), 'do not end'],
  ] as const)('rejects %s', ([, type, change, reason]) => {
    const r = parseMultipart(type, change(valid()));
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.detail).toContain(reason);
  });

  test('rejects more parts than the limit', () => {
    const body = toMultipartBody(Array.from({ length: 5 }, (_, i) => ({ name: `f${i}`, data: 'x' })));
    const r = parseMultipart(MULTIPART_TYPE, body, { maxParts: 4 });
    expect(r.ok ? '' : r.detail).toContain('more than 4 parts');
  });

  test('toMultipartBoundary rejects a boundary longer than 70 characters', () => {
    expect(toMultipartBoundary(`multipart/form-data; boundary=${'a'.repeat(71)}`).ok).toBe(false);
  });
});
