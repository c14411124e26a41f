import { verifyBodySign } from '../signing/index.js';
import type { CheckResult } from '../result.js';
import { quoted } from './cut.js';

export const RESPONSE_BODY_SIGN = 'response.body-sign';

export interface BodySignCheckInput {
  /** V1 requires Body-Sign; V2 and kit verify it when present (D11). */
  readonly family: 'v1' | 'v2' | 'kit';
  /** Profile D11: `strict` requires it in V2 too. */
  readonly mode: 'present' | 'strict';
  /** The key that signed the request (its category's key). */
  readonly key: string;
  readonly body: Uint8Array;
  readonly truncated: boolean;
  /** The `Body-Sign` header; undefined when absent. */
  readonly header: string | undefined;
}

const FORMAT = 'Body-Sign: sign_type="HMAC-SHA256", signature="<Base64 HMAC-SHA256(key, exact body bytes)>"';

/**
 * The answer's `Body-Sign` header (D11): V1 required and verified; V2 verified when present,
 * required under `strict`. A wrong header always fails.
 * @example
 *   checkResponseBodySign({ family: 'v2', mode: 'present', key, body, truncated: false, header: undefined }).ok; // true
 */
export function checkResponseBodySign(input: BodySignCheckInput): CheckResult {
  const required = input.family === 'v1' || input.mode === 'strict';
  const expected = required ? FORMAT : `${FORMAT}, if sent`;
  if (input.header === undefined) {
    if (!required) return { id: RESPONSE_BODY_SIGN, ok: true, expected, received: '(not sent; optional under bodySign=present)' };
    return {
      id: RESPONSE_BODY_SIGN,
      ok: false,
      expected,
      received: '(missing)',
      hint:
        input.family === 'v1'
          ? 'V1 answers must carry Body-Sign: HMAC-SHA256 over the exact body bytes with the plain V1 Key (not Key + timeStamp), Base64, both values in double quotes.'
          : 'This run requires Body-Sign on V2 answers (profile bodySign=strict): HMAC-SHA256 over the exact body bytes with the key that signed the request, Base64.',
    };
  }
  if (input.truncated) {
    return { id: RESPONSE_BODY_SIGN, ok: false, expected, received: 'a body too large to verify', hint: 'Produce answers are small JSON objects: send the body you signed, nothing more.' };
  }
  const verdict = verifyBodySign({ key: input.key, body: input.body, header: input.header });
  if (verdict.ok) return { id: RESPONSE_BODY_SIGN, ok: true, expected, received: 'a valid signature' };
  return { id: RESPONSE_BODY_SIGN, ok: false, expected, received: `${verdict.reason}: ${quoted(input.header)}`, hint: verdict.detail };
}
