import { checkBodyJson, decodeBody, parseJsonBody } from '../checks/body-json.js';
import { checkContentType } from '../checks/http-content-type.js';
import { checkHttpStatus } from '../checks/http-status.js';
import { checkInstanceIdempotent, INSTANCE_IDEMPOTENT } from '../checks/instance-idempotent.js';
import { checkResponseAppInfo, RESPONSE_APPINFO } from '../checks/response-appinfo.js';
import { checkResponseBodySign } from '../checks/response-body-sign.js';
import { checkResponseSchema } from '../checks/response-schema.js';
import { checkResultCode } from '../checks/result-code.js';
import { checkTransportReachable } from '../checks/transport-reachable.js';
import { checkTransportTimeout } from '../checks/transport-timeout.js';
import type { FidelityProfile } from '../profile.js';
import type { CheckResult } from '../result.js';
import type { SchemaRegistry } from '../schemas/registry.js';
import type { TransportResult } from './ports.js';
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
  readonly result: TransportResult;
  readonly profile: FidelityProfile;
  /** The key that signed the request (Body-Sign, V1 appInfo). */
  readonly key: string;
  readonly schemas: SchemaRegistry;
  /** newInstance: the instanceId issued first for this order line, and the key in words. */
  readonly idempotency?: { readonly key: string; readonly previous: string | undefined };
}

export interface AnswerChecks {
  readonly checks: readonly CheckResult[];
  /** The parsed answer, when it was a JSON object. */
  readonly value?: Record<string, unknown>;
}

/**
 * Runs every check that applies to one answer, in the order a reader follows: transport, HTTP,
 * body, schema, resultCode, Body-Sign, then the contract checks. Checks that cannot be evaluated
 * (no body after a transport error, no object after bad JSON) are left out rather than failed twice.
 */
export function checkAnswer(input: AnswerInput): AnswerChecks {
  const { result } = input;
  if (result.kind === 'error') {
    const checks = result.error === 'timeout'
      ? [checkTransportTimeout(result, input.profile.callTimeoutMs)]
      : [checkTransportReachable(result, input.address)];
    return { checks };
  }
  const checks: CheckResult[] = [
    checkTransportReachable(result, input.address),
    checkTransportTimeout(result, input.profile.callTimeoutMs),
    checkHttpStatus(result.status),
    checkContentType(result.headers),
  ];
  const decoded = decodeBody(result.body);
  checks.push(checkBodyJson({ ...decoded, truncated: result.truncated }));
  const parsed = !result.truncated && decoded.utf8 ? parseJsonBody(decoded.text) : undefined;
  const value = parsed?.ok === true ? parsed.value : undefined;
  if (value !== undefined) {
    checks.push(checkResponseSchema(input.schemas, responseSchemaId(input.family, input.activity), value));
    checks.push(checkResultCode(input.activity, value));
  }
  checks.push(
    checkResponseBodySign({
      family: input.family,
      mode: input.profile.bodySign,
      key: input.key,
      body: result.body,
      truncated: result.truncated,
      header: result.headers['body-sign'],
    }),
  );
  if (value !== undefined && input.family === 'v1') checks.push(checkResponseAppInfo({ key: input.key, value }));
  if (value !== undefined && input.idempotency !== undefined) {
    const current = typeof value.instanceId === 'string' ? value.instanceId : undefined;
    checks.push(checkInstanceIdempotent({ ...input.idempotency, current }));
  }
  return value === undefined ? { checks } : { checks, value };
}

/** True when no check the marketplace judges by failed (warnings and contract-only checks aside). */
export const passesPlatform = (checks: readonly CheckResult[]): boolean =>
  checks.every((c) => c.ok || c.severity === 'warn' || CONTRACT_ONLY_CHECKS.has(c.id));
