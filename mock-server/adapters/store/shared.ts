/**
 * Small pieces both store adapters need, so they cannot drift apart.
 */
import type { Exchange, ExchangeFilter, FileInfo, NewFile, StoredFile } from '../../core/store.js';

/** Size in bytes: UTF-8 length for CHARACTERS, byte length for FILE. */
export const byteLength = (content: string | Uint8Array): number =>
  typeof content === 'string' ? Buffer.byteLength(content, 'utf8') : content.byteLength;

/** A copy with the documented members only; bytes copied into a plain Uint8Array (never a shared Buffer). */
export function copyFile<T extends NewFile | StoredFile>(file: T): T {
  const base = {
    ...('id' in file ? { id: file.id } : {}),
    eventId: file.eventId,
    sellerId: file.sellerId,
    receivedAt: file.receivedAt,
    ...('size' in file ? { size: file.size } : {}),
  };
  return (
    file.type === 'FILE'
      ? { ...base, type: 'FILE', fileName: file.fileName, sha256: file.sha256, content: new Uint8Array(file.content) }
      : { ...base, type: 'CHARACTERS', content: file.content }
  ) as T;
}

/** The listed view of a stored file: no bytes for FILE uploads. */
export function toFileInfo(file: StoredFile): FileInfo {
  const base = { id: file.id, eventId: file.eventId, sellerId: file.sellerId, receivedAt: file.receivedAt, size: file.size };
  return file.type === 'FILE' ? { ...base, type: 'FILE', fileName: file.fileName, sha256: file.sha256 } : { ...base, type: 'CHARACTERS', content: file.content };
}

/** True when `e` passes every condition of `filter` except `limit`. */
export const matchesExchange = (e: Exchange, filter: ExchangeFilter): boolean =>
  (filter.direction === undefined || e.direction === filter.direction) &&
  (filter.operation === undefined || e.operation === filter.operation) &&
  (filter.sellerId === undefined || e.sellerId === filter.sellerId) &&
  (filter.scenario === undefined || e.scenario === filter.scenario) &&
  (filter.afterId === undefined || e.id > filter.afterId);
