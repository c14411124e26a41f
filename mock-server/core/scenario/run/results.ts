/**
 * What a send step leaves for later steps (`${create.instanceId}`) and for `expect.fields`: the
 * activity's last answer and request, split from the queryInstance polls that may follow a 000004.
 */
import type { AttemptRecord } from '../../produce/attempt.js';
import type { CallOutcome } from '../../produce/call-outcome.js';
import type { CallSpec } from '../../produce/types.js';
import { findAppInfo } from '../../produce/poll.js';
import { parseJsonObject } from '../../signing/canonical-json.js';
import type { SendStepResult } from '../load/model.js';

/** The attempts of the activity itself, and the queryInstance polls after a 000004. */
export function splitAttempts(outcome: CallOutcome, activity: string): { main: AttemptRecord[]; polls: AttemptRecord[] } {
  return {
    main: outcome.attempts.filter((a) => a.activity === activity),
    polls: outcome.attempts.filter((a) => a.activity !== activity),
  };
}

/**
 * The request as sent: the JSON body (V2, kit), or the query parameters (V1 GET), without the
 * signature parameters of V1 (`timeStamp`, `authToken` stay out: they say nothing about the call).
 * @example
 *   toSentRequest(record); // { activity: 'newInstance', businessId: '…', orderId: 'CS1', orderLineId: 'CS1-000001' }
 */
export function toSentRequest(record: AttemptRecord): Record<string, unknown> | undefined {
  return toSentFields(record.request);
}

/** The fields of a request as sent: its JSON body, or its V1 query parameters without the signature ones. */
export function toSentFields(request: { readonly url: string; readonly body?: string }): Record<string, unknown> | undefined {
  const { body, url } = request;
  if (body !== undefined) return parseJsonObject(body);
  const q = url.indexOf('?');
  if (q < 0) return undefined;
  const params = new URLSearchParams(url.slice(q + 1));
  params.delete('authToken');
  params.delete('timeStamp');
  return Object.fromEntries(params);
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * The step's result, per model.ts `SendStepResult`.
 * @example
 *   toSendStepResult(spec, outcome).instanceId; // the instanceId the seller issued (newInstance)
 */
export function toSendStepResult(spec: CallSpec, outcome: CallOutcome): SendStepResult {
  const { main } = splitAttempts(outcome, spec.activity);
  const last = main[main.length - 1];
  const body = last?.answer;
  const sentInstanceId = str(spec.fields?.['instanceId']);
  const instanceId = spec.activity === 'newInstance' ? (outcome.instanceId ?? last?.instanceId) : sentInstanceId;
  // queryInstance: the appInfo of the (first) instance the step asked for, not whatever entry comes first.
  const queried = sentInstanceId?.split(',')[0]?.trim();
  const appInfo =
    spec.activity === 'newInstance' ? outcome.appInfo : spec.activity === 'queryInstance' && queried ? findAppInfo(body, queried) : undefined;
  const request = last === undefined ? undefined : toSentRequest(last);
  const resultCode = str(body?.['resultCode']);
  const resultMsg = str(body?.['resultMsg']);
  return {
    activity: spec.activity,
    outcome: outcome.final,
    attempts: main.length,
    ...(resultCode === undefined ? {} : { resultCode }),
    ...(resultMsg === undefined ? {} : { resultMsg }),
    ...(instanceId === undefined ? {} : { instanceId }),
    ...(appInfo === undefined ? {} : { appInfo }),
    ...(last?.businessId === undefined ? {} : { businessId: last.businessId }),
    ...(body === undefined ? {} : { body }),
    ...(request === undefined ? {} : { request }),
    ...(last?.signing.nonce === undefined ? {} : { nonce: last.signing.nonce }),
  };
}
