/**
 * Read-only views of what the fake Open APIs received: instances, usage, files, the exchange journal.
 */
import { once } from 'node:events';
import type { Request, Response } from 'express';
import type { ExchangeFilter, FileInfo, Store } from '../../../core/store.js';
import { invalid, notFound } from './errors.js';
import { parseWholeNumber, queryInteger, queryText } from './input.js';
import type { FileSummary } from './types.js';

export const DEFAULT_EXCHANGE_LIMIT = 100;
export const MAX_EXCHANGE_LIMIT = 1000;

/** The journal filter from `?direction&operation&afterId&limit`. */
export function parseExchangeQuery(req: Request): ExchangeFilter {
  const direction = queryText(req, 'direction');
  if (direction !== undefined && direction !== 'inbound' && direction !== 'outbound') {
    throw invalid(`direction must be inbound (seller -> koomock) or outbound (koomock -> seller), received ${JSON.stringify(direction)}`);
  }
  const operation = queryText(req, 'operation');
  const afterId = queryInteger(req, 'afterId', 0, Number.MAX_SAFE_INTEGER);
  const limit = queryInteger(req, 'limit', 1, MAX_EXCHANGE_LIMIT) ?? DEFAULT_EXCHANGE_LIMIT;
  return {
    ...(direction === undefined ? {} : { direction }),
    ...(operation === undefined ? {} : { operation }),
    ...(afterId === undefined ? {} : { afterId }),
    limit,
  };
}

/** A file without its bytes: uploads reach 12 MB and the list is for looking, not downloading. */
export const toFileSummary = (f: FileInfo): FileSummary => ({
  id: f.id,
  eventId: f.eventId,
  sellerId: f.sellerId,
  receivedAt: f.receivedAt,
  type: f.type,
  size: f.size,
  ...(f.type === 'FILE' ? { fileName: f.fileName, sha256: f.sha256 } : { characters: f.content }),
});

/** Bytes read from the store per write: a 12 MB upload is never held whole. */
const CHUNK_BYTES = 256 * 1024;

/**
 * `GET /_koomock/files/{id}/content`: one upload's bytes, streamed in chunks with backpressure
 * (a CHARACTERS upload as UTF-8 text).
 */
export async function sendFileContent(store: Store, idText: string, res: Response): Promise<void> {
  const id = parseWholeNumber('the file id', idText, 1, Number.MAX_SAFE_INTEGER);
  const info = store.listFiles().find((f) => f.id === id);
  if (info === undefined) throw notFound(`file ${id} does not exist: list the uploads with GET /_koomock/files`);
  if (info.type === 'CHARACTERS') {
    res.type('text/plain; charset=utf-8').send(info.content);
    return;
  }
  res.status(200);
  res.setHeader('content-type', 'application/octet-stream');
  res.setHeader('content-length', String(info.size));
  res.setHeader('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(info.fileName)}`);
  for (let offset = 0; offset < info.size; offset += CHUNK_BYTES) {
    const chunk = store.readFileBytes(id, offset, CHUNK_BYTES);
    if (chunk === undefined || chunk.byteLength === 0 || res.destroyed) break;
    // Wait for the client to take the chunk; a client that hangs up ends the loop.
    if (!res.write(chunk)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
  }
  res.end();
}
