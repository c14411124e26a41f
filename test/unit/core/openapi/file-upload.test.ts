import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { createHarness, expectSchema, type Harness, lastExchange, SELLER, signRequest } from './harness.js';
import { MULTIPART_TYPE, type PartSpec, toMultipartBody } from './multipart-body.js';

const EVENT = 'EVT20241121000001';
const PATH = `/api/mkp-openapi-public/global/v1/market-event/${EVENT}/file`;
const SCHEMA = 'openapi/file-upload.response.schema.json';
const FILE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]);
const SHA = createHash('sha256').update(FILE).digest('hex');

/** The doc's example shape: a `file` part and an `isvUpdateFileReq` JSON part. */
const docParts = (req: Record<string, unknown> = { type: 'FILE', sha256: SHA, characters: '111' }): PartSpec[] => [
  { name: 'file', filename: '111.jpg', contentType: 'image/jpeg', data: FILE },
  { name: 'isvUpdateFileReq', contentType: 'application/json', data: JSON.stringify(req) },
];

const upload = (h: Harness, parts: readonly PartSpec[], headers: Record<string, string> = { 'Content-Type': MULTIPART_TYPE }) =>
  h.send(signRequest(h, { method: 'POST', path: PATH, headers, body: toMultipartBody(parts) }));

describe('file.upload (docs/fidelity.md#d28)', () => {
  test("accepts the doc's example and stores the file under the part's filename", async () => {
    const h = createHarness();
    const res = await upload(h, docParts());
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).toBe('{"error_code":"CBC.0000","error_msg":"Success"}');
    expectSchema(res, SCHEMA);
    expect(h.store.listFiles(EVENT)).toEqual([
      expect.objectContaining({ type: 'FILE', fileName: '111.jpg', sha256: SHA, sellerId: SELLER.id, size: FILE.length }),
    ]);
  });

  test('accepts plain form fields instead of the JSON part', async () => {
    const h = createHarness();
    const res = await upload(h, [
      { name: 'type', data: 'FILE' },
      { name: 'file_name', data: 'report.pdf' },
      { name: 'sha256', data: SHA },
      { name: 'file', filename: 'ignored.bin', data: FILE },
    ]);
    expect(res.status).toBe(200);
    expect(h.store.listFiles(EVENT)[0]).toMatchObject({ fileName: 'report.pdf' });
  });

  test('accepts CHARACTERS', async () => {
    const h = createHarness();
    const res = await upload(h, [{ name: 'isvUpdateFileReq', data: JSON.stringify({ type: 'CHARACTERS', characters: 'license-text' }) }]);
    expect(res.status).toBe(200);
    expect(h.store.listFiles(EVENT)[0]).toMatchObject({ type: 'CHARACTERS', content: 'license-text' });
  });

  test('counts CHARACTERS in characters (code points), not UTF-16 units: 1,024 emoji pass, 1,025 do not', async () => {
    const h = createHarness();
    const send = (characters: string) => upload(h, [{ name: 'isvUpdateFileReq', data: JSON.stringify({ type: 'CHARACTERS', characters }) }]);
    expect((await send('😀'.repeat(1024))).status).toBe(200);
    const over = await send('😀'.repeat(1025));
    expect(over.status).toBe(400);
    expect(over.body).toMatchObject({ error_code: 'CBC.0101', extra_info: expect.stringContaining('received 1025') });
  });

  test('accepts a multipart body signed with UNSIGNED-PAYLOAD', async () => {
    const h = createHarness();
    const res = await upload(h, docParts(), { 'Content-Type': MULTIPART_TYPE, 'X-Sdk-Content-Sha256': 'UNSIGNED-PAYLOAD' });
    expect(res.status).toBe(200);
  });

  test.for([
    ['a sha256 that does not match the file', () => docParts({ type: 'FILE', sha256: SHA.replace(/^./, SHA.startsWith('0') ? '1' : '0') }), 'does not match the uploaded file'],
    ['a FILE without a file part', () => docParts().slice(1), 'part named "file"'],
    ['a FILE without sha256', () => docParts({ type: 'FILE' }), 'sha256 must be'],
    ['an unknown type', () => docParts({ type: 'IMAGE', sha256: SHA }), 'type must be CHARACTERS or FILE'],
    ['CHARACTERS without characters', () => [{ name: 'isvUpdateFileReq', data: '{"type":"CHARACTERS"}' }], 'needs characters'],
    ['an isvUpdateFileReq that is not JSON', () => [{ name: 'isvUpdateFileReq', data: '{type:FILE' }], 'is not JSON'],
  ] as const)('answers 400 CBC.0101 for %s', async ([, parts, reason]) => {
    const h = createHarness();
    const res = await upload(h, parts());
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error_code: 'CBC.0101', error_msg: 'Invalid parameter', extra_info: expect.stringContaining(reason) });
    expectSchema(res, SCHEMA);
    expect(h.store.listFiles()).toEqual([]);
  });

  test('answers 400 CBC.0101 for a body that is not multipart', async () => {
    const h = createHarness();
    const res = await h.send(signRequest(h, { method: 'POST', path: PATH, headers: { 'Content-Type': 'application/json' }, body: '{"type":"FILE"}' }));
    expect(res.body).toMatchObject({ error_code: 'CBC.0101' });
    expect(lastExchange(h).verdicts).toContainEqual(expect.objectContaining({ id: 'file.upload', ok: false }));
  });
});
