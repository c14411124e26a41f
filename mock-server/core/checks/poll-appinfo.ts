import type { CheckResult } from '../result.js';

export const POLL_APPINFO = 'poll.appinfo';

/**
 * Polling after a newInstance 000004 ends when queryInstance lists the instance. Without `appInfo`
 * the buyer gets no login details from the marketplace: allowed (produce-api.md §3.2: they may go by
 * SMS or e-mail instead), so a missing appInfo is a warning, never a failure.
 * @example
 *   checkPollAppInfo('i-1', undefined).severity; // 'warn'
 */
export function checkPollAppInfo(instanceId: string, appInfo: Readonly<Record<string, unknown>> | undefined): CheckResult {
  const expected = `info[] lists ${instanceId} with appInfo (frontEndUrl and login details)`;
  if (appInfo !== undefined) return { id: POLL_APPINFO, ok: true, expected, received: 'appInfo present' };
  return {
    id: POLL_APPINFO,
    ok: false,
    severity: 'warn',
    expected,
    received: `info[] lists ${instanceId} without appInfo`,
    hint: 'Accepted: the buyer sees no login details in the console. Send appInfo.frontEndUrl (and userName/password if any) unless you deliver them by SMS or e-mail.',
  };
}
