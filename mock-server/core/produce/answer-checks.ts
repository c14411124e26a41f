import { checkBodyJson, decodeBody, parseJsonText } from '../checks/body-json.js';
import { checkBodyObject } from '../checks/body-object.js';
import { checkBodySize } from '../checks/body-size.js';
import { checkContentType } from '../checks/http-content-type.js';
import { checkHttpProtocol } from '../checks/http-protocol.js';
import { checkHttpRedirect, isRedirect } from '../checks/http-redirect.js';
import { checkHttpStatus } from '../checks/http-status.js';
import { checkInstanceIdempotent, INSTANCE_IDEMPOTENT } from '../checks/instance-idempotent.js';
import { withClientSecretHint } from '../checks/kit-secret-hint.js';
import { checkResponseAppInfo, RESPONSE_APPINFO } from '../checks/response-appinfo.js';
import { checkResponseBodySign } from '../checks/response-body-sign.js';
import { checkResponseMemo } from '../checks/response-memo.js';
import { validateResponse } from '../checks/response-schema.js';
import { withV1Hint } from '../checks/v1-result-hint.js';
import { V1_ENCRYPT_TYPE } from './v1-encrypt-type.js';
import { checkResultCode } from '../checks/result-code.js';
import { checkTransportReachable } from '../checks/transport-reachable.js';
import { checkTransportReset } from '../checks/transport-reset.js';
import { checkTransportTimeout } from '../checks/transport-timeout.js';
import type { FidelityProfile } from '../profile.js';
import type { CheckResult } from '../result.js';
import type { SchemaRegistry } from '../schemas/registry.js';
import type { TransportError, TransportResponse, TransportResult } from '../ports.js';
import type { ProduceFamily } from './types.js';

/** Checks koomock reports but the marketplace itself would not fail the call on. */
export const CONTRACT_ONLY_CHECKS: ReadonlySet<string> = new Set([INSTANCE_IDEMPOTENT, RESPONSE_APPINFO]);

/** The `$id` of an activity's response schema. */
export function responseSchemaId(family: ProduceFamily, activity: string): string {
  return family === 'kit' ? `kit/${activity}.response.schema.json` : `produce/${family}/${activity}.response.schema.json`;
}

export interface AnswerInput {
  readonly family: ProduceFamily;
  readonly activity: string;
  readonly address: string;
  /** The URL called (a relative redirect Location is resolved against it); default `address`. */
  readonly url?: string;
  readonly result: TransportResult;
  readonly profile: FidelityProfile;
  /** The key that signed the request (Body-Sign, V1 appInfo). */
  readonly key: string;
  readonly schemas: SchemaRegistry;
  /** newInstance: the instanceId issued first for this order line, and the key in words. */
  readonly idempotency?: { readonly key: string; readonly previous: string | undefined };
  /** V1: the request's query parameters as sent (timeStamp for the Body-Sign diagnosis, whether mobilePhone/email went out). */
  readonly v1Params?: Readonly<Record<string, string>>;
}

export interface AnswerChecks {
  readonly checks: readonly CheckResult[];
  /** The parsed answer, when it was a JSON object. */
  readonly value?: Record<string, unknown>;
}

/** The one check that names how the exchange failed before a complete answer arrived. */
function checkFailedExchange(result: TransportError, input: AnswerInput): CheckResult {
  switch (result.error) {
    case 'timeout':
      return checkTransportTimeout(result, input.profile.callTimeoutMs);
    case 'reset':
      return checkTransportReset(result);
    case 'protocol':
      return checkHttpProtocol(result);
    default:
      return checkTransportReachable(result, input.address);
  }
}

/** A failed resultCode read the way the call's family explains it: the kit clientSecret, the V1 authToken and AES fields. */
function withFamilyHint(code: CheckResult, input: AnswerInput): CheckResult {
  if (input.family === 'kit' && input.activity === 'applicationSync') return withClientSecretHint(code, input.profile.oaepHash);
  if (input.family !== 'v1') return code;
  const contactSent = input.v1Params?.['mobilePhone'] !== undefined || input.v1Params?.['email'] !== undefined;
  return withV1Hint(code, { activity: input.activity, contactSent, encryptType: V1_ENCRYPT_TYPE[input.profile.v1EncryptType] });
}

/** Body checks on a complete answer of HTTP 200: JSON, object, schema, resultCode. */
function checkBody(result: TransportResponse, input: AnswerInput, checks: CheckResult[]): Record<string, unknown> | undefined {
  const decoded = decodeBody(result.body);
  const json = checkBodyJson({ ...decoded, contentEncoding: result.headers['content-encoding'] });
  checks.push(json);
  const parsed = json.ok ? parseJsonText(decoded.text) : undefined;
  if (parsed?.ok !== true) return undefined;
  const object = checkBodyObject(parsed.value);
  checks.push(object);
  if (!object.ok) return undefined;
  const value = parsed.value as Record<string, unknown>;
  const schema = validateResponse(input.schemas, responseSchemaId(input.family, input.activity), value);
  checks.push(schema.check);
  // A resultCode the schema already flagged (missing, a number, not six digits) is one mistake, reported once.
  if (!schema.pointers.includes('/resultCode')) {
    checks.push(withFamilyHint(checkResultCode(input.activity, value), input));
  }
  return value;
}

/**
 * Runs every check that applies to one answer, in the order a reader follows: transport, HTTP,
 * body, schema, resultCode, Body-Sign, then the contract checks. Each misbehaviour fails one
 * check: checks that cannot be judged after an earlier failure (no body after a transport error or
 * a non-200 status, nothing to parse past 1 MiB, no object after bad JSON) are left out rather
 * than failed twice.
 */
export function checkAnswer(input: AnswerInput): AnswerChecks {
  const { result } = input;
  if (result.kind === 'error') return { checks: [checkFailedExchange(result, input)] };
  const checks: CheckResult[] = [checkTransportReachable(result, input.address), checkTransportTimeout(result, input.profile.callTimeoutMs)];
  if (isRedirect(result.status)) {
    checks.push(checkHttpRedirect({ status: result.status, location: result.headers.location, url: input.url ?? input.address }));
    return { checks };
  }
  const status = checkHttpStatus(result.status, result.status === 200 ? undefined : decodeBody(result.body).text);
  checks.push(status);
  if (!status.ok) return { checks };
  checks.push(checkContentType(result.headers));
  const size = checkBodySize({ truncated: result.truncated, bytes: result.body.length, contentLength: result.headers['content-length'] });
  checks.push(size);
  if (!size.ok) return { checks };
  const value = checkBody(result, input, checks);
  checks.push(
    checkResponseBodySign({
      family: input.family,
      mode: input.profile.bodySign,
      key: input.key,
      body: result.body,
      truncated: result.truncated,
      header: result.headers['body-sign'],
      ...(input.v1Params?.['timeStamp'] === undefined ? {} : { timeStamp: input.v1Params['timeStamp'] }),
    }),
  );
  if (value !== undefined && input.family === 'v1') checks.push(checkResponseAppInfo({ key: input.key, value }));
  const memo = value === undefined ? undefined : checkResponseMemo(decodeBody(result.body).text, value);
  if (memo !== undefined) checks.push(memo);
  if (value !== undefined && input.idempotency !== undefined) {
    const current = typeof value.instanceId === 'string' ? value.instanceId : undefined;
    checks.push(checkInstanceIdempotent({ ...input.idempotency, current }));
  }
  return value === undefined ? { checks } : { checks, value };
}

/** True when no check the marketplace judges by failed (warnings and contract-only checks aside). */
export const passesPlatform = (checks: readonly CheckResult[]): boolean =>
  checks.every((c) => c.ok || c.severity === 'warn' || CONTRACT_ONLY_CHECKS.has(c.id));
