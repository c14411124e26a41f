import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApigSigned } from '../../../../mock-server/core/signing/apig/apig.js';
import type { ApigRequest } from '../../../../mock-server/core/signing/apig/verify.js';

/** Shape of test/fixtures/openapi-signing-vectors.json. */
export interface ApigVector {
  readonly name: string;
  readonly source: string;
  readonly request: {
    readonly method: string;
    readonly url: string;
    readonly headers: Record<string, string>;
    readonly body: string;
  };
  readonly ak: string;
  readonly sk: string;
  readonly signedHeaders: string[] | null;
  readonly bodySha256: string;
  readonly canonicalRequest: string;
  readonly canonicalRequestSha256: string;
  readonly stringToSign: string;
  readonly signature: string;
  readonly authorization: string;
}

export interface UsageVector {
  readonly name: string;
  readonly source: string;
  readonly key: string;
  readonly ts: string;
  readonly nonce: string;
  readonly body: string;
  readonly message: string;
  readonly signature: string;
}

export const VECTORS = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', '..', 'fixtures', 'openapi-signing-vectors.json'), 'utf8'),
) as { apig: ApigVector[]; usage: UsageVector[] };

/** A fixture vector by name prefix (e.g. `vector 3a`). */
export function apigVector(prefix: string): ApigVector {
  const v = VECTORS.apig.find((x) => x.name.startsWith(prefix));
  if (!v) throw new Error(`no APIG vector ${prefix}`);
  return v;
}

/** The request a server receives when `signed` is sent to `url`: lower-case headers plus Authorization. */
export function toReceived(
  method: string,
  url: string,
  signed: Pick<ApigSigned, 'headers' | 'authorization'>,
  body = '',
): ApigRequest {
  const u = new URL(url);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(signed.headers)) headers[k.toLowerCase()] = v;
  headers.authorization = signed.authorization;
  return { method, path: u.pathname, query: u.search.slice(1), headers, rawBody: Buffer.from(body, 'utf8') };
}

/** The request a server receives for a fixture vector (headers as listed, Host added from the URL). */
export function receivedFromVector(v: ApigVector): ApigRequest {
  const headers = { host: new URL(v.request.url).host, ...v.request.headers };
  return toReceived(v.request.method, v.request.url, { headers, authorization: v.authorization }, v.request.body);
}

/** The vector's X-Sdk-Date as ms, for a `now` at which it is fresh. */
export const signedAt = (v: ApigVector): number => {
  const date = Object.entries(v.request.headers).find(([k]) => k.toLowerCase() === 'x-sdk-date')?.[1] ?? '';
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(date);
  if (!m) throw new Error(`vector ${v.name} has no X-Sdk-Date`);
  return Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
};
