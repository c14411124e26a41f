import { signApigRequest } from './apig-sign.js';
import { isJsonObject } from './signing-payload.js';

/**
 * A small client for the KooGallery Open APIs: APIG-signs every attempt, fails over to the next
 * host when one cannot be reached (the docs tell sellers to fall back from mkt.myhuaweicloud.com to
 * mkt.myhuaweicloud.cn), and retries transient errors with a short backoff. Budget: the marketplace
 * waits about 20 s (5 s in older texts) for the produce call that triggered this request.
 */

export interface OpenApiClientOptions {
  /** Base URLs in order of preference, e.g. ['https://mkt.myhuaweicloud.com', 'https://mkt.myhuaweicloud.cn']. */
  readonly baseUrls: readonly string[];
  readonly ak: string;
  readonly sk: string;
  /** Attempts per call (default 3); each attempt tries every host until one answers. */
  readonly attempts?: number;
  /** Waits between attempts (default [100, 300] ms; the last value repeats). */
  readonly backoffMs?: readonly number[];
  /** Per-request timeout (default 4000 ms). */
  readonly timeoutMs?: number;
  readonly log?: (line: string) => void;
}

export interface OpenApiCall {
  readonly method: 'GET' | 'POST';
  /** Path under the base URL, e.g. '/api/mkp-openapi-public/global/v1/order/query'. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Extra headers computed afresh for each attempt (a usage push needs a new nonce each time). */
  readonly headers?: () => Record<string, string>;
}

export type OpenApiOutcome =
  | { readonly kind: 'response'; readonly status: number; readonly body: unknown; readonly code: string | undefined; readonly baseUrl: string }
  | { readonly kind: 'unreachable'; readonly detail: string };

export interface OpenApiClient {
  call(call: OpenApiCall): Promise<OpenApiOutcome>;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Order query answers `resultCode`, usage push `error_code` (open-api.md §3). */
function readCode(body: unknown): string | undefined {
  if (!isJsonObject(body)) return undefined;
  const code = body['resultCode'] ?? body['error_code'];
  return typeof code === 'string' ? code : undefined;
}

/**
 * Worth retrying: MKT.0999 (system internal error), or a 5xx without a business code (a gateway
 * hiccup). Not worth it: 5xx with a specific code such as MKT.9001 (instance not found).
 */
export function isTransient(outcome: OpenApiOutcome): boolean {
  if (outcome.kind === 'unreachable') return true;
  if (outcome.code === 'MKT.0999') return true;
  return outcome.status >= 500 && (outcome.code === undefined || !/^(MKT|CBC)\./.test(outcome.code));
}

/** Why a fetch failed, for logs: the socket error code if there is one (ECONNREFUSED, ...). */
function describeNetworkError(error: unknown): string {
  if (error instanceof Error) {
    const cause: unknown = error.cause;
    if (isJsonObject(cause) && typeof cause['code'] === 'string') return cause['code'];
    return error.name === 'TimeoutError' ? 'timeout' : error.message;
  }
  return 'unknown error';
}

/**
 * @example
 *   const client = createOpenApiClient({ baseUrls: ['https://mkt.myhuaweicloud.com'], ak, sk });
 *   const out = await client.call({ method: 'GET', path: '/api/mkp-openapi-public/global/v1/order/query', query: { orderId } });
 */
export function createOpenApiClient(options: OpenApiClientOptions): OpenApiClient {
  if (options.baseUrls.length === 0) throw new Error('at least one Open API base URL is needed');
  const attempts = Math.max(1, options.attempts ?? 3);
  const backoff = options.backoffMs ?? [100, 300];
  const timeoutMs = options.timeoutMs ?? 4_000;
  const log = options.log ?? (() => {});
  // Remember the host that last answered, so one dead host costs one refused connection, not one per call.
  let preferred = 0;

  async function sendOnce(call: OpenApiCall, baseUrl: string): Promise<OpenApiOutcome> {
    const url = new URL(baseUrl.replace(/\/+$/, '') + call.path);
    for (const [k, v] of Object.entries(call.query ?? {})) url.searchParams.set(k, v);
    const body = call.body ?? '';
    const headers: Record<string, string> = { 'Content-Type': 'application/json', ...call.headers?.() };
    const signed = signApigRequest({ method: call.method, url: url.href, headers, body }, options.ak, options.sk);
    const response = await fetch(url, {
      method: call.method,
      headers: { ...headers, ...signed },
      ...(call.method === 'GET' ? {} : { body }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { kind: 'response', status: response.status, body: parsed, code: readCode(parsed), baseUrl };
  }

  async function sendToFirstReachable(call: OpenApiCall): Promise<OpenApiOutcome> {
    const failures: string[] = [];
    for (let i = 0; i < options.baseUrls.length; i++) {
      const index = (preferred + i) % options.baseUrls.length;
      const baseUrl = options.baseUrls[index] ?? '';
      try {
        const outcome = await sendOnce(call, baseUrl);
        preferred = index;
        return outcome;
      } catch (error) {
        const why = describeNetworkError(error);
        failures.push(`${baseUrl}: ${why}`);
        log(`open-api ${call.method} ${call.path}: ${baseUrl} unreachable (${why}); trying the next host`);
      }
    }
    return { kind: 'unreachable', detail: failures.join('; ') };
  }

  return {
    async call(call) {
      let outcome: OpenApiOutcome = { kind: 'unreachable', detail: 'not attempted' };
      for (let attempt = 1; attempt <= attempts; attempt++) {
        outcome = await sendToFirstReachable(call);
        if (!isTransient(outcome)) return outcome;
        if (attempt < attempts) {
          const wait = backoff[Math.min(attempt - 1, backoff.length - 1)] ?? 0;
          const what = outcome.kind === 'unreachable' ? 'no host reachable' : `HTTP ${outcome.status} ${outcome.code ?? ''}`.trim();
          log(`open-api ${call.method} ${call.path}: attempt ${attempt} failed (${what}); retrying in ${wait} ms`);
          await sleep(wait);
        }
      }
      return outcome;
    },
  };
}
