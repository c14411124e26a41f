/**
 * An exchange with the seller as `koomock send` prints it: the request exactly as sent (URL with
 * the signature parameters, headers, body), then the answer. Seller text is made safe to print.
 */
import type { TransportResult } from '../../core/ports.js';
import { toSafeText } from './reporters/safe-text.js';
import type { RecordedExchange } from '../../app/run-transport.js';

const BODY_MAX_CHARS = 4_000;

function answerLines(result: TransportResult): string[] {
  if (result.kind === 'error') return [`← no answer after ${Math.round(result.durationMs)} ms: ${result.error} (${toSafeText(result.message)})`];
  const body = new TextDecoder().decode(result.body);
  return [
    `← HTTP ${result.status} (${Math.round(result.durationMs)} ms)${result.truncated ? ', body cut at the size limit' : ''}`,
    ...Object.entries(result.headers).map(([k, v]) => `  ${toSafeText(k, { max: 80 })}: ${toSafeText(v)}`),
    ...(body === '' ? [] : [`  ${toSafeText(body, { max: BODY_MAX_CHARS })}`]),
  ];
}

/**
 * @example
 *   toExchangeLines(recording.exchanges[0]);
 *   // ['→ POST https://seller.example/produce?signature=…', '  content-type: application/json;charset=utf8', '  {"activity":…}', '← HTTP 200 (12 ms)', …]
 */
export function toExchangeLines(exchange: RecordedExchange): string[] {
  const { request, result } = exchange;
  return [
    `→ ${request.method} ${request.url}`,
    ...Object.entries(request.headers).map(([k, v]) => `  ${k}: ${v}`),
    ...(request.body === undefined ? [] : [`  ${request.body}`]),
    ...answerLines(result),
  ];
}
