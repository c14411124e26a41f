/**
 * Read-only views of what the fake Open APIs received: instances, usage, files, the exchange journal.
 */
import type { Request } from 'express';
import type { ExchangeFilter, StoredFile } from '../../../core/store.js';
import { invalid } from './errors.js';
import { queryInteger, queryText } from './input.js';
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
export const toFileSummary = (f: StoredFile): FileSummary => ({
  id: f.id,
  eventId: f.eventId,
  sellerId: f.sellerId,
  receivedAt: f.receivedAt,
  type: f.type,
  size: f.size,
  ...(f.type === 'FILE' ? { fileName: f.fileName, sha256: f.sha256 } : { characters: f.content }),
});
