/**
 * Shared behaviour of both store adapters: after `close()` every call fails the same way, and
 * driver errors surface as STORE_FAILED with the operation named (never with the values, which
 * may hold secrets).
 */
import { isKoomockError, KoomockError } from '../../core/errors.js';
import type { Store } from '../../core/store.js';

/**
 * `impl` with every method guarded; `close()` is idempotent.
 * @example const store = guardStore('sqlite', impl, () => db.close());
 */
export function guardStore(kind: string, impl: Omit<Store, 'close'>, release: () => void): Store {
  let closed = false;
  const guarded: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(impl) as [string, (...args: unknown[]) => unknown][]) {
    guarded[name] = (...args: unknown[]) => {
      if (closed) throw new KoomockError('STORE_FAILED', `the ${kind} store is closed: ${name}() was called after close()`, { operation: name });
      try {
        return fn(...args);
      } catch (e) {
        if (isKoomockError(e)) throw e;
        throw new KoomockError(
          'STORE_FAILED',
          `the ${kind} store could not ${name}: ${e instanceof Error ? e.message : String(e)}`,
          { operation: name },
          e,
        );
      }
    };
  }
  guarded.close = () => {
    if (closed) return;
    closed = true;
    release();
  };
  return guarded as unknown as Store;
}

/** A deep copy through JSON, so the memory store drops `undefined` members exactly as the SQLite JSON columns do. */
export const cloneJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
