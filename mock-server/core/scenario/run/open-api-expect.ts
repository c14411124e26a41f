/**
 * `expect.openApi` as a check (`expect.open-api`): did the seller retry, or fail over to another
 * host, on the fake Open APIs during the step (docs/scenarios.md).
 */
import type { CheckResult } from '../../result.js';
import type { OpenApiExpectation } from '../load/model.js';
import { describeOpenApiCall, type OpenApiCall } from './open-api-journal.js';

export const EXPECT_OPEN_API = 'expect.open-api';

const isSuccess = (c: OpenApiCall): boolean => c.status !== undefined && c.status < 400;

/** Whether the calls meet the expectation (also the journal reader's "stop waiting" test). */
export function meetsOpenApiExpectation(e: OpenApiExpectation, calls: readonly OpenApiCall[], primary: string | undefined): boolean {
  const mine = calls.filter((c) => c.operation === e.operation);
  if (e.attemptsAtLeast !== undefined && mine.length < e.attemptsAtLeast) return false;
  if (e.failedOver !== undefined && mine.some((c) => isSuccess(c) && c.host !== primary) !== e.failedOver) return false;
  return true;
}

function expectedText(e: OpenApiExpectation, primary: string | undefined): string {
  const parts = [
    e.attemptsAtLeast === undefined ? undefined : `at least ${e.attemptsAtLeast} request(s)`,
    e.failedOver === undefined ? undefined : e.failedOver ? `a success on a host other than ${primary ?? 'the primary'} (failover)` : `every success on ${primary ?? 'the primary host'}`,
  ].filter((p) => p !== undefined);
  return `${e.operation}: ${parts.join(', ') || 'called'} during the step`;
}

function hintText(e: OpenApiExpectation, calls: readonly OpenApiCall[]): string {
  if (calls.length === 0) return `the seller did not call ${e.operation} during this step: point its Open API base URLs at koomock (see koomock run's first line)`;
  if (e.attemptsAtLeast !== undefined && calls.length < e.attemptsAtLeast) {
    return 'retry an Open API call that failed for a transient reason (MKT.0999, a bare 5xx, a dropped connection) a few times with a short backoff, within the marketplace\'s wait for your answer';
  }
  return e.failedOver === true
    ? 'when a host cannot be reached, try the next one: configure both Open API hosts (mkt.myhuaweicloud.com, then mkt.myhuaweicloud.cn; for koomock the URLs of --port and --fallback-port)'
    : 'the seller used another host although the primary answered: keep to the first host while it answers';
}

/**
 * @example
 *   checkOpenApiExpectation({ operation: 'order.query', attemptsAtLeast: 2 }, calls, 'mkt.myhuaweicloud.com')
 *   // { id: 'expect.open-api', ok: true, expected: 'order.query: at least 2 request(s) during the step', received: '2 request(s): mkt.myhuaweicloud.com 500 MKT.0999, mkt.myhuaweicloud.com 200 MKT.0000' }
 */
export function checkOpenApiExpectation(e: OpenApiExpectation, calls: readonly OpenApiCall[], primary: string | undefined): CheckResult {
  const mine = calls.filter((c) => c.operation === e.operation);
  const ok = meetsOpenApiExpectation(e, calls, primary);
  const shown = mine.slice(0, 10).map(describeOpenApiCall).join(', ');
  const received = `${mine.length} request(s)${mine.length === 0 ? '' : `: ${shown}${mine.length > 10 ? ', …' : ''}`}`;
  return { id: EXPECT_OPEN_API, ok, expected: expectedText(e, primary), received, ...(ok ? {} : { hint: hintText(e, mine) }) };
}
