/**
 * Failed kit calls awaiting a manual retry. The platform never retries a joint-operation sync call
 * (docs/joint-operation.md#failures-and-manual-retry): it tells the seller, and someone retries it
 * by hand. koomock lists every outbound kit attempt that failed, with the two ways to retry it.
 */
import { KIT_OPERATIONS } from '../core/produce/types.js';
import type { Store } from '../core/store.js';
import { isObject } from '../core/is-object.js';

export interface FailedKitCall {
  readonly id: number;
  readonly operation: string;
  readonly startedAt: number;
  /** The first failed check of the attempt, as `id: received`. */
  readonly failedCheck?: string;
  /** The admin API call that re-sends it with a fresh signature. */
  readonly replay: string;
  /** The same re-send from the command line, through the running emulator. */
  readonly replayCommand: string;
  /** The `koomock send` command line that sends the same call again. */
  readonly send: string;
}

const quote = (s: string): string => (/^[\w.:=@/+-]+$/.test(s) ? s : `'${s.replaceAll("'", "'\\''")}'`);

/** `--set` arguments for the fields of a journaled call; applicationSync's clientSecret as a placeholder (it is stored encrypted). */
function sendLine(operation: string, fields: Readonly<Record<string, unknown>>): string {
  const sets = Object.entries(fields).map(([name, value]) => {
    if (operation === 'applicationSync' && name === 'clientSecret') return '--set clientSecret=YOUR_PLAIN_CLIENT_SECRET';
    return `--set ${quote(typeof value === 'string' ? `${name}=${value}` : `${name}:=${JSON.stringify(value)}`)}`;
  });
  return ['koomock send', operation, ...sets].join(' ');
}

/**
 * The failed kit attempts in the journal, newest first.
 * @example
 *   listFailedKitCalls(store)[0]; // { id: 7, operation: 'tenantSync', replay: 'POST /_koomock/exchanges/7/replay', send: 'koomock send tenantSync --set …' }
 */
export function listFailedKitCalls(store: Store, limit = 100): FailedKitCall[] {
  const failed: FailedKitCall[] = [];
  for (const operation of KIT_OPERATIONS) {
    for (const exchange of store.listExchanges({ direction: 'outbound', operation, limit: 1000 })) {
      if (exchange.request['outcome'] !== 'failed') continue;
      const call = exchange.request['call'];
      const fields = isObject(call) && isObject(call['fields']) ? call['fields'] : {};
      const check = exchange.verdicts.find((v) => !v.ok && v.severity !== 'warn');
      failed.push({
        id: exchange.id,
        operation,
        startedAt: exchange.startedAt,
        ...(check === undefined ? {} : { failedCheck: `${check.id}: ${check.received ?? ''}`.slice(0, 300) }),
        replay: `POST /_koomock/exchanges/${exchange.id}/replay`,
        replayCommand: `koomock replay ${exchange.id}`,
        send: sendLine(operation, fields),
      });
    }
  }
  return failed.sort((a, b) => b.id - a.id).slice(0, limit);
}
