/**
 * Reading the seller's Open API calls back from the journal: which host each reached, how it was
 * answered, and the signature diagnoses of refused ones. The journal may come from another koomock
 * over the admin API, so every field is checked before it is used.
 */
import type { RefusedSignature } from '../../checks/openapi-signature.js';
import { toPlatformHost } from '../../openapi/platform-host.js';
import { readSignatureDiagnosis } from '../../signing/diagnosis-record.js';
import type { Exchange } from '../../store.js';
import { isObject } from '../../is-object.js';

/** One inbound call as the expectations see it. */
export interface OpenApiCall {
  readonly operation: string;
  /** The platform host it counts as (see toPlatformHost). */
  readonly host?: string;
  /** Undefined when the connection was dropped (a reset or host-down fault). */
  readonly status?: number;
  /** `resultCode` or `error_code` of the answer. */
  readonly code?: string;
}

const SIGNATURE_CHECKS = new Set(['apig.signature', 'usage.signature']);

function codeOf(response: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const body = response?.['body'];
  const json = isObject(body) ? body['json'] : undefined;
  if (!isObject(json)) return undefined;
  const code = json['resultCode'] ?? json['error_code'];
  return typeof code === 'string' ? code : undefined;
}

/**
 * @example toOpenApiCall(exchange, ['mkt.myhuaweicloud.com', 'mkt.myhuaweicloud.cn']) // { operation: 'order.query', host: 'mkt.myhuaweicloud.cn', status: 200, code: 'MKT.0000' }
 */
export function toOpenApiCall(exchange: Exchange, hostNames: readonly string[]): OpenApiCall {
  const host = exchange.request['host'];
  const status = exchange.response?.['status'];
  const code = codeOf(exchange.response);
  const platformHost = toPlatformHost(typeof host === 'string' ? host : undefined, hostNames);
  return {
    operation: exchange.operation,
    ...(platformHost === undefined ? {} : { host: platformHost }),
    ...(typeof status === 'number' ? { status } : {}),
    ...(code === undefined ? {} : { code }),
  };
}

/** The refused signatures among inbound exchanges, with koomock's diagnosis of each. */
export function toRefusedSignatures(exchanges: readonly Exchange[]): RefusedSignature[] {
  return exchanges.flatMap((e): RefusedSignature[] => {
    if (e.direction !== 'inbound') return [];
    const verdict = e.verdicts.find((v) => SIGNATURE_CHECKS.has(v.id) && !v.ok && v.severity !== 'warn');
    const diagnosis = readSignatureDiagnosis(verdict);
    if (diagnosis === undefined) return [];
    const status = e.response?.['status'];
    const code = codeOf(e.response);
    return [{ operation: e.operation, diagnosis, ...(typeof status === 'number' ? { status } : {}), ...(code === undefined ? {} : { code }) }];
  });
}

/**
 * A call in a few words for a report.
 * @example describeOpenApiCall({ operation: 'order.query', host: 'mkt.myhuaweicloud.com', status: 500, code: 'MKT.0999' }) // 'mkt.myhuaweicloud.com 500 MKT.0999'
 */
export const describeOpenApiCall = (call: OpenApiCall): string =>
  [call.host ?? '?', call.status === undefined ? 'dropped' : String(call.status), call.code].filter((p) => p !== undefined).join(' ');
