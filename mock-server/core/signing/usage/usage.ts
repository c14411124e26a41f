import { hmacSha256 } from '../hmac.js';
import { keyMissing } from '../../errors.js';
import { type Verdict, type VerdictReason, verdictFail, verdictOk } from '../../result.js';
import { parseJsonObject, toCanonicalJson } from '../canonical-json.js';
import { secureEqual } from '../secure-equal.js';

/** What the usage-push body signature covers (open-api.md §3.3.1, docs/fidelity.md#d26). */
export interface UsageSignatureInput {
  /** The seller's usage key ("ISV 对接密钥"). */
  readonly key: string;
  /** Unix time in milliseconds, as sent in the `ts` header. */
  readonly ts: string | number;
  readonly nonce: string;
  /** Exactly the body bytes sent (UTF-8 for a string). */
  readonly body: string | Uint8Array;
}

/** The three headers as received (undefined when absent) and the raw body. */
export interface UsageVerifyInput {
  readonly key: string;
  readonly ts: string | undefined;
  readonly nonce: string | undefined;
  readonly signature: string | undefined;
  readonly body: string | Uint8Array;
  /** The body already parsed as a JSON object by the caller, so that nothing parses it again. */
  readonly json?: Readonly<Record<string, unknown>>;
}

export interface UsageVerifyOptions {
  /** Wall-clock ms. */
  readonly now: number;
  /** Allowed distance between `ts` and `now`; default 60 s. */
  readonly windowMs?: number;
  /** `raw` (docs/fidelity.md#d26 default): the bytes sent; `canonical`: also a recursively key-sorted compact re-serialisation. */
  readonly mode?: 'raw' | 'canonical';
  /**
   * True when the nonce was already used within the replay window (5 min). Called only once the time and
   * signature checks passed, so it may record the nonce (check-and-set).
   */
  readonly seenNonce?: (nonce: string) => boolean;
}

/** A verdict plus which body form matched. */
export type UsageVerdict = Verdict & { readonly variant?: 'raw' | 'canonical' };

const DEFAULT_WINDOW_MS = 60_000;
const MAX_NONCE = 64;
const MAX_SIGNATURE = 1000;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * The text that is signed: `ts={ts}&nonce={nonce}&body={body}`, as bytes (the body is not re-encoded).
 * @example
 *   toUsageSigningBytes({ ts: 1, nonce: 'n', body: '{}' }).toString(); // 'ts=1&nonce=n&body={}'
 */
export const toUsageSigningBytes = (input: Omit<UsageSignatureInput, 'key'>): Buffer =>
  Buffer.concat([Buffer.from(`ts=${input.ts}&nonce=${input.nonce}&body=`, 'utf8'), toBytes(input.body)]);

/**
 * base64 HMAC-SHA256 keyed with the usage key over `ts={ts}&nonce={nonce}&body={body}`.
 * @example
 *   computeUsageSignature({ key: 'exampleIsvKey', ts: '1732180500000', nonce: '3f9a1c0e7b2d4e6f', body });
 *   // 'Ifmlj2ptD1ygMh+hvqazn3euGLLWwnlgYGc5u3mf7nk='
 */
export const computeUsageSignature = (input: UsageSignatureInput): string =>
  hmacSha256(input.key, toUsageSigningBytes(input)).toString('base64');

/**
 * Verifies the usage-push body signature (docs/fidelity.md#d26): headers present and well-formed, `ts` within ±60 s,
 * signature over the raw body (or, in `canonical` mode, over a recursively key-sorted re-serialisation),
 * nonce not seen before. Order: missing, malformed, stale/future, mismatch, replayed.
 * @example
 *   verifyUsageSignature({ key, ts: h.ts, nonce: h.nonce, signature: h.signature, body: rawBody },
 *     { now: clock.wallNow(), seenNonce: (n) => store.seenUsageNonce(n) });
 */
export function verifyUsageSignature(input: UsageVerifyInput, options: UsageVerifyOptions): UsageVerdict {
  if (input.key === '') throw keyMissing('usage key', 'configure the seller usage key (defaults to its basic key)');
  const { ts, nonce, signature } = input;
  const absent = (['signature', 'ts', 'nonce'] as const).filter((name) => !input[name]);
  if (!ts || !nonce || !signature) {
    return fail('missing', `headers ${absent.join(', ')} missing: send signature, ts (ms) and nonce with every usage push`);
  }
  if (!/^\d{1,20}$/.test(ts)) return fail('malformed', `ts ${quote(ts)} is not Unix time in milliseconds (digits only, e.g. 1732180500000)`);
  if (nonce.length > MAX_NONCE) return fail('malformed', `nonce has ${nonce.length} characters, at most ${MAX_NONCE} allowed`);
  if (signature.length > MAX_SIGNATURE || !BASE64.test(signature)) {
    return fail('malformed', `signature ${quote(signature)} is not standard padded base64 (A-Z a-z 0-9 + /, "=" padding), e.g. Ifmlj2…nk=`);
  }
  const windowMs = options.windowMs ?? DEFAULT_WINDOW_MS;
  const drift = Number(ts) - options.now;
  if (Math.abs(drift) > windowMs) {
    const seconds = ts.length <= 11 ? ' It looks like seconds: send milliseconds.' : '';
    return fail(
      drift < 0 ? 'stale' : 'future',
      `ts ${ts} is ${Math.round(Math.abs(drift) / 1000)} s ${drift < 0 ? 'behind' : 'ahead of'} koomock's clock ` +
        `(allowed ±${windowMs / 1000} s): take ts from a synchronised clock when signing each push.${seconds}`,
    );
  }
  const variant = matchingVariant(input, signature, options.mode ?? 'raw');
  if (variant === undefined) {
    return fail(
      'mismatch',
      'signature does not match base64(HMAC-SHA256(usage key, "ts={ts}&nonce={nonce}&body={body as sent}")): check the key ' +
        'and sign the exact body bytes you send; run `koomock verify usage` to name the mistake',
    );
  }
  if (options.seenNonce?.(nonce) === true) {
    return fail(
      'replayed',
      `nonce ${quote(nonce)} was already used within 5 minutes: use a fresh random nonce for every push; a retry of the same push must be signed again (new ts and nonce), and its unchanged metering_sn keeps it from being counted twice`,
    );
  }
  return { ...verdictOk, variant };
}

function matchingVariant(input: UsageVerifyInput, signature: string, mode: 'raw' | 'canonical'): 'raw' | 'canonical' | undefined {
  const sign = (body: string | Uint8Array) => computeUsageSignature({ key: input.key, ts: input.ts ?? '', nonce: input.nonce ?? '', body });
  if (secureEqual(sign(input.body), signature)) return 'raw';
  if (mode !== 'canonical') return undefined;
  const parsed = input.json ?? parseJsonObject(new TextDecoder().decode(toBytes(input.body)));
  if (parsed === undefined) return undefined;
  return secureEqual(sign(toCanonicalJson(parsed, { recursive: true })), signature) ? 'canonical' : undefined;
}

const toBytes = (body: string | Uint8Array): Uint8Array => (typeof body === 'string' ? Buffer.from(body, 'utf8') : body);

const fail = (reason: VerdictReason, detail: string): UsageVerdict => verdictFail(reason, detail);

const quote = (text: string): string => JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);

/**
 * Whether every object of a JSON value lists its keys in sorted order (code-unit order, at every
 * depth): the "naturally sorted" body the usage push page asks the seller to sign.
 * @example
 *   isNaturallySorted({ usage_records: [{ begin_time: 'x', end_time: 'y' }] }); // true
 *   isNaturallySorted({ usage_records: [{ metering_sn: 'x', begin_time: 'y' }] }); // false
 */
export function isNaturallySorted(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(isNaturallySorted);
  if (typeof value !== 'object' || value === null) return true;
  const keys = Object.keys(value);
  return keys.every((k, i) => i === 0 || (keys[i - 1] as string) < k) && Object.values(value).every(isNaturallySorted);
}
