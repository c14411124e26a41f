/**
 * The checks a step reports for its attempts. A call retried 60 times must read like one call, so:
 * the last attempt of the activity reports every check (step `create`), the last queryInstance poll
 * too (`create#poll`), and earlier attempts only failures the last one does not already show, once
 * per check id (`create#3`: first seen in attempt 3). Failures the scenario expects (`expect.fail`)
 * are reported as passed.
 */
import { MARKET_TIMEOUT } from '../../checks/market-timeout.js';
import type { AttemptRecord } from '../../produce/attempt.js';
import type { CheckResult } from '../../result.js';
import { isFailure, type ReportedCheck } from './report.js';

interface Labelled {
  readonly label: string;
  readonly record: AttemptRecord;
}

const at = (check: CheckResult, step: string): ReportedCheck => ({ ...check, step });

/** An expected failure, as reported: passed, saying what happened. */
function asExpected(check: ReportedCheck): ReportedCheck {
  const { severity: _severity, ...rest } = check;
  return {
    ...rest,
    ok: true,
    expected: `to fail in at least one attempt (expect.fail)${check.expected === undefined ? '' : `; the check wants ${check.expected}`}`,
  };
}

/** Earlier attempts: each failing check id once, unless a fully reported attempt fails it too. */
function earlierFailures(earlier: readonly Labelled[], shown: ReadonlySet<string>): ReportedCheck[] {
  const first = new Map<string, { check: ReportedCheck; times: number }>();
  for (const { label, record } of earlier) {
    for (const check of record.checks) {
      if (!isFailure(check) || shown.has(check.id)) continue;
      const seen = first.get(check.id);
      if (seen === undefined) first.set(check.id, { check: at(check, label), times: 1 });
      else seen.times += 1;
    }
  }
  return [...first.values()].map(({ check, times }) =>
    times === 1 ? check : { ...check, received: `${check.received ?? '?'} (in ${times} attempts)` },
  );
}

/**
 * The reported checks of one call's attempts.
 * @example
 *   toAttemptChecks('create', main, polls, ['transport.timeout']);
 *   // [...last attempt's checks as 'create', { id: 'transport.timeout', ok: true, step: 'create#1', ... }]
 */
export function toAttemptChecks(stepId: string, main: readonly AttemptRecord[], polls: readonly AttemptRecord[], expectFail: readonly string[]): ReportedCheck[] {
  const lastMain = main[main.length - 1];
  const lastPoll = polls[polls.length - 1];
  const full: ReportedCheck[] = [
    ...(lastMain === undefined ? [] : lastMain.checks.map((c) => at(c, stepId))),
    ...(lastPoll === undefined ? [] : lastPoll.checks.map((c) => at(c, `${stepId}#poll`))),
  ];
  const earlier: Labelled[] = [
    ...main.slice(0, -1).map((record, i) => ({ label: `${stepId}#${i + 1}`, record })),
    ...polls.slice(0, -1).map((record, i) => ({ label: `${stepId}#poll${i + 1}`, record })),
  ];
  const shown = new Set(full.filter(isFailure).map((c) => c.id));
  // A marketplace-side timeout koomock made is not a failure, but the reader must see why a good answer was retried.
  const dropped = earlier.flatMap(({ label, record }) => record.checks.filter((c) => c.id === MARKET_TIMEOUT).map((c) => at(c, label)));
  return markExpected([...full, ...dropped, ...earlierFailures(earlier, shown)], expectFail);
}

/** Failures of checks listed in `expect.fail`, reported as passed (they are what the scenario wants). */
export const markExpected = (checks: readonly ReportedCheck[], expectFail: readonly string[]): ReportedCheck[] =>
  checks.map((c) => (!c.ok && expectFail.includes(c.id) ? asExpected(c) : c));

/** Ids of checks that failed in any attempt (for `expect.fail`). */
export const failedCheckIds = (records: readonly AttemptRecord[]): Set<string> =>
  new Set(records.flatMap((r) => r.checks.filter((c) => !c.ok).map((c) => c.id)));
