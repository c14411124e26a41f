/** Builds multipart/form-data bodies for the upload tests, the way HTTP clients do. */
export interface PartSpec {
  readonly name: string;
  readonly filename?: string;
  readonly contentType?: string;
  readonly data: string | Uint8Array;
}

export const BOUNDARY = '----koomockBoundary7MA4YWxkTrZu0gW';

export function toMultipartBody(parts: readonly PartSpec[], boundary = BOUNDARY): Uint8Array {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename === undefined ? '' : `; filename="${p.filename}"`}`;
    const type = p.contentType === undefined ? '' : `Content-Type: ${p.contentType}\r\n`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`, 'utf8'));
    chunks.push(typeof p.data === 'string' ? Buffer.from(p.data, 'utf8') : Buffer.from(p.data));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return new Uint8Array(Buffer.concat(chunks));
}

export const MULTIPART_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;
