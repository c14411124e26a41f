import { type Verdict, verdictFail, verdictOk } from '../../result.js';
import { diagnoseProduceSignature } from './mistakes.js';
import {
  KEY_PLACEHOLDER,
  type ProduceScheme,
  toCanonicalPayload,
  toProduceRecipe,
  toStringToSign,
} from './signature.js';
import { hmacSha256 } from '../hmac.js';
import { secureEqualHex } from '../secure-equal.js';
import { checkTimestampWindow, DEFAULT_WINDOW_MS, quote } from '../timestamp-window.js';

export interface ProduceVerifyOptions {
  /** Wall-clock time in ms (the seller's clock), never virtual time. */
  readonly now: number;
  /** Allowed age and lead of the timestamp, ms (default 60 000). */
  readonly windowMs?: number;
  /** True when this nonce was already seen within the window (the caller owns the cache). */
  readonly seenNonce?: (nonce: string) => boolean;
  /** docs/fidelity.md#d3: unit of the timestamp (default `ms`). */
  readonly timestampUnit?: 'ms' | 'seconds';
}

/**
 * A verdict plus what koomock signed: `payload` (the canonical body, RequestPayload) and
 * `canonical` (the string to sign, key shown as `{accessKey}`); both '' when the body is not a JSON object.
 */
export type ProduceVerdict = Verdict & { readonly canonical: string; readonly payload: string };

export interface ProduceVerifyInput {
  readonly key: string;
  /** The body exactly as received. */
  readonly body: string;
  readonly signature: string | undefined;
  readonly timestamp: string | undefined;
  readonly nonce: string | undefined;
}

const NAMES: Readonly<Record<ProduceScheme, { signature: string; timestamp: string; nonce: string; where: string }>> = {
  v2: { signature: 'signature', timestamp: 'timestamp', nonce: 'nonce', where: 'query parameter' },
  kit: { signature: 'x-sign', timestamp: 'x-timestamp', nonce: 'x-nonce', where: 'header' },
};

/** Shared verification of the V2 basic signature and the kit `x-sign`, in the order missing, malformed, window, mismatch, replay. */
export function verifyProduceSignature(
  scheme: ProduceScheme,
  input: ProduceVerifyInput,
  options: ProduceVerifyOptions,
): ProduceVerdict {
  const names = NAMES[scheme];
  const payload = toCanonicalPayload(input.body);
  const { signature, timestamp, nonce } = input;
  const recipe =
    payload === undefined
      ? undefined
      : toProduceRecipe(scheme, { key: input.key, payload, timestamp: timestamp ?? '', nonce: nonce ?? '' });
  // The string to sign is built once (the inner HMAC is the costly part); it is shown with the key redacted.
  const stringToSign = recipe === undefined ? undefined : toStringToSign(recipe);
  const shown = {
    canonical: recipe === undefined || stringToSign === undefined ? '' : KEY_PLACEHOLDER + stringToSign.slice(recipe.key.length),
    payload: payload ?? '',
  };
  const fail = (reason: Parameters<typeof verdictFail>[0], detail: string): ProduceVerdict => ({
    ...verdictFail(reason, detail),
    ...shown,
  });

  for (const [name, value] of [['signature', signature], ['timestamp', timestamp], ['nonce', nonce]] as const) {
    if (value === undefined || value === '') {
      return fail('missing', `${names.where} ${names[name]} is missing or empty: every call carries ${names.signature}, ${names.timestamp} and ${names.nonce}.`);
    }
  }
  const windowMs = options.windowMs ?? DEFAULT_WINDOW_MS;
  const window = checkTimestampWindow(timestamp, options.now, windowMs, options.timestampUnit);
  if (!window.ok && (window.reason === 'missing' || window.reason === 'malformed')) {
    return fail(window.reason, named(names.timestamp, window.detail));
  }
  if (!/^[0-9a-fA-F]{64}$/.test(signature ?? '')) {
    return fail('malformed', `${names.signature} ${quote(signature ?? '')} is not 64 hex characters: expected hex(HMAC-SHA256), e.g. BEF083BC…7889.`);
  }
  if (recipe === undefined) {
    return fail('malformed', `the body is not a JSON object (received ${quote(input.body)}): a signed body is a JSON object, sent as UTF-8.`);
  }
  if (!window.ok) return fail(window.reason, named(names.timestamp, window.detail));
  if (!secureEqualHex(hmacSha256(recipe.key, stringToSign ?? '').toString('hex'), signature ?? '')) {
    return fail('mismatch', mismatchDetail(scheme, input, signature ?? '', timestamp ?? '', nonce ?? ''));
  }
  if (options.seenNonce?.(nonce ?? '') === true) {
    return fail('replayed', `${names.nonce} ${quote(nonce ?? '')} was already used within the window: a fresh nonce is generated for every call, so a repeated one is a replay.`);
  }
  return { ...verdictOk, ...shown };
}

/** The window check speaks of `timestamp`; say which header that is for kit calls. */
const named = (name: string, detail: string): string => (name === 'timestamp' ? detail : `${name}: ${detail}`);

function mismatchDetail(scheme: ProduceScheme, input: ProduceVerifyInput, signature: string, timestamp: string, nonce: string): string {
  const formula = scheme === 'v2' ? 'accessKey + nonce + timestamp + lower-hex HMAC-SHA256(accessKey, body)' : 'accessKey + nonce + timestamp + body';
  const head = `${NAMES[scheme].signature} does not match hex(HMAC-SHA256(accessKey, ${formula})) over the body with its top-level keys sorted, compact, nulls dropped`;
  const [likely] = diagnoseProduceSignature(scheme, { key: input.key, body: input.body, signature, timestamp, nonce }).mistakes;
  if (likely !== undefined) return `${head}; it matches if ${likely.en} (${likely.id})`;
  const keyName = scheme === 'v2' ? '基础接口' : '联营SaaS同步接口';
  return `${head}: check that the key is the ${keyName} key, then run \`koomock verify\` to compare the string to sign.`;
}
