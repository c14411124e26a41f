/**
 * Small pieces both store adapters need, so they cannot drift apart.
 */
import type { Exchange, ExchangeFilter, FileInfo, JournalLimits, NewFile, StoredFile } from '../../core/store.js';

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
export const matchesExchange = (e: Pick<Exchange, 'id' | 'direction' | 'operation' | 'sellerId' | 'scenario'>, filter: ExchangeFilter): boolean =>
  (filter.direction === undefined || e.direction === filter.direction) &&
  (filter.operation === undefined || e.operation === filter.operation) &&
  (filter.sellerId === undefined || e.sellerId === filter.sellerId) &&
  (filter.scenario === undefined || e.scenario === filter.scenario) &&
  (filter.afterId === undefined || e.id > filter.afterId);

/**
 * How many of the oldest entries (in id order) retention removes: those beyond `maxExchanges`, and
 * every entry before the first one younger than `maxAgeMs`. The newest entry always stays, so ids never
 * repeat. `0` turns a limit off. Both stores prune by this rule (docs/config.md, `journal.*`).
 */
export function pruneCut(entries: readonly { readonly startedAt: number }[], limits: JournalLimits): number {
  const keepable = entries.length - 1;
  if (keepable <= 0) return 0;
  let cut = limits.maxExchanges > 0 ? Math.max(0, entries.length - limits.maxExchanges) : 0;
  if (limits.maxAgeMs > 0) {
    const cutoff = limits.now - limits.maxAgeMs;
    const young = entries.findIndex((e) => e.startedAt >= cutoff);
    cut = Math.max(cut, young < 0 ? keepable : young);
  }
  return Math.min(cut, keepable);
}
