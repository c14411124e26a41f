/**
 * What a send step leaves for later steps (`${create.instanceId}`) and for `expect.fields`: the
 * activity's last answer and request, split from the queryInstance polls that may follow a 000004.
 */
import type { AttemptRecord } from '../produce/attempt.js';
import type { CallOutcome } from '../produce/call-outcome.js';
import type { CallSpec } from '../produce/types.js';
import type { SendStepResult } from './model.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

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
  const { body, url } = record.request;
  if (body !== undefined) {
    try {
      const parsed: unknown = JSON.parse(body);
      return isObject(parsed) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }
  const q = url.indexOf('?');
  if (q < 0) return undefined;
  const params = new URLSearchParams(url.slice(q + 1));
  params.delete('authToken');
  params.delete('timeStamp');
  return Object.fromEntries(params);
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function firstAppInfo(body: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> | undefined {
  const info = body?.['info'];
  const entry: unknown = Array.isArray(info) ? info[0] : undefined;
  const appInfo = isObject(entry) ? entry['appInfo'] : undefined;
  return isObject(appInfo) ? appInfo : undefined;
}

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
  const appInfo = spec.activity === 'newInstance' ? outcome.appInfo : spec.activity === 'queryInstance' ? firstAppInfo(body) : undefined;
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
  };
}
