import type { CheckResult } from '../result.js';
import { cut } from './cut.js';

export const USAGE_PUSHED = 'usage.pushed';

export interface UsagePushedInput {
  readonly instanceId: string;
  /** Records the marketplace accepted for the instance, oldest first. */
  readonly accepted: readonly { readonly meteringSn: string; readonly usageValue: string }[];
  readonly waitedMs: number;
}

/**
 * The seller pushed usage for its on-demand instance and the marketplace accepted it (signature,
 * format and the rules of the usage push API all passed: rejected pushes store nothing).
 * @example
 *   checkUsagePushed({ instanceId: 'i1', accepted: [], waitedMs: 30_000 }).ok; // false
 */
export function checkUsagePushed(input: UsagePushedInput): CheckResult {
  const expected = `at least one usage record for on-demand instance ${input.instanceId} accepted by the usage push API within ${Math.round(input.waitedMs / 1000)} s`;
  const first = input.accepted[0];
  if (first !== undefined) {
    const more = input.accepted.length > 1 ? ` (and ${input.accepted.length - 1} more)` : '';
    return { id: USAGE_PUSHED, ok: true, expected, received: cut(`metering_sn ${first.meteringSn}, usage_value ${first.usageValue}${more}`) };
  }
  return {
    id: USAGE_PUSHED,
    ok: false,
    expected,
    received: 'no accepted usage record for it',
    hint:
      'An on-demand seller meters each instance and pushes usage (POST /api/mkp-openapi-public/global/v1/isv/usage-data, AK/SK signed, plus the body signature in the signature/ts/nonce headers) at least hourly. ' +
      'If it pushed, the journal (koomock report, or GET /_koomock/exchanges?operation=usage.push) shows why the push was refused; if it pushes less often than the wait, run the scenario with a shorter metering interval.',
  };
}
