/**
 * `koomock replay`: a journaled call re-sent by a running emulator, fresh or broken, and the
 * exchanges that replay produced, read back from its journal.
 */
import { KoomockError, usageError } from '../core/errors.js';
import type { Exchange } from '../core/store.js';
import type { RunReport } from '../core/scenario/run/report.js';
import { createAdminClient } from '../adapters/http/admin/client.js';

export interface RemoteReplay {
  readonly report: RunReport;
  readonly exchanges: readonly Exchange[];
}

/**
 * @example
 *   const { report, exchanges } = await replayOnEmulator('http://127.0.0.1:7070', 12, { break: 'tamper' });
 */
export async function replayOnEmulator(url: string, id: number, options: { readonly token?: string; readonly break?: string } = {}): Promise<RemoteReplay> {
  const admin = createAdminClient(url, options.token === undefined || options.token === '' ? {} : { token: options.token });
  try {
    const replay = await admin.replay(id, options.break === undefined ? {} : { break: options.break });
    const exchanges = await Promise.all(replay.exchangeIds.map((x) => admin.getExchange(x)));
    return { report: replay.report, exchanges };
  } catch (e) {
    if (e instanceof KoomockError) throw usageError(`the emulator at ${url} refused the replay: ${e.message}`);
    const reason = e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e);
    throw usageError(`cannot reach the emulator at ${url}: ${reason} — start it (koomock serve) or fix --emulator-url`);
  }
}
