import { diagnoseBodySign, verifyBodySign } from '../signing/index.js';
import { type CheckResult, type Verdict, verdictFail } from '../result.js';
import { quoted } from './cut.js';

export const RESPONSE_BODY_SIGN = 'response.body-sign';

export interface BodySignCheckInput {
  /** V1 requires Body-Sign; V2 and kit verify it when present, and a wrong one only warns (docs/fidelity.md#answer-rules-and-timing). */
  readonly family: 'v1' | 'v2' | 'kit';
  /** Profile `bodySign`: `strict` requires it in V2 too, and a wrong one fails. */
  readonly mode: 'present' | 'strict';
  /** The key that signed the request (its category's key). */
  readonly key: string;
  readonly body: Uint8Array;
  readonly truncated: boolean;
  /** The `Body-Sign` header; undefined when absent. */
  readonly header: string | undefined;
  /** V1: the request's timeStamp, so the accessKey + timeStamp mistake can be named. */
  readonly timeStamp?: string;
}

/**
 * verifyBodySign compares first and only then diagnoses a mismatch by re-serialising the body; a
 * body nested thousands of levels deep overflows the stack there. An exception can therefore only
 * mean "mismatch, not diagnosed", which is what the seller gets instead of a crash.
 */
function verifySafely(key: string, body: Uint8Array, header: string): Verdict {
  try {
    return verifyBodySign({ key, body, header });
  } catch {
    return verdictFail('mismatch', 'Body-Sign signature does not match Base64(HMAC-SHA256(accessKey, the exact response body bytes)): sign the bytes you write, with the plain Key.');
  }
}

const FORMAT = 'Body-Sign: sign_type="HMAC-SHA256", signature="<Base64 HMAC-SHA256(key, exact body bytes)>"';

/**
 * The answer's `Body-Sign` header: V1 required and verified; V2 answers are unsigned on the
 * platform, so a V2 header is verified when present and a wrong one is a warning (required and
 * failing under `strict`). docs/fidelity.md#answer-rules-and-timing.
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
  // V2 answers are unsigned: the marketplace does not act on a V2 Body-Sign, so a wrong one only warns.
  const severity = required ? {} : { severity: 'warn' as const };
  if (input.truncated) {
    return { id: RESPONSE_BODY_SIGN, ok: false, ...severity, expected, received: 'a body too large to verify', hint: 'Produce answers are small JSON objects: send the body you signed, nothing more.' };
  }
  const verdict = verifySafely(input.key, input.body, input.header);
  if (verdict.ok) return { id: RESPONSE_BODY_SIGN, ok: true, expected, received: 'a valid signature' };
  const note = required ? [] : ['V2 answers need no Body-Sign: send a correct one or none.'];
  return {
    id: RESPONSE_BODY_SIGN,
    ok: false,
    ...severity,
    expected,
    received: `${verdict.reason}: ${quoted(input.header)}`,
    hint: [verdict.detail, ...(verdict.reason === 'mismatch' ? diagnosisLines(input) : []), ...note].join('\n'),
  };
}

/** The signature debugger: what koomock signed, and every known mistake that reproduces the seller's value. */
function diagnosisLines(input: BodySignCheckInput): string[] {
  let mistakes: ReturnType<typeof diagnoseBodySign>['mistakes'];
  try {
    ({ mistakes } = diagnoseBodySign({ key: input.key, body: input.body, header: input.header, ...(input.timeStamp === undefined ? {} : { timeStamp: input.timeStamp }) }));
  } catch {
    // A body nested thousands of levels deep overflows the stack when re-serialised: no diagnosis then.
    mistakes = [];
  }
  return [
    `koomock signed the exact ${input.body.length} body bytes it received, with the plain key`,
    ...mistakes.map((m) => `likely mistake ${m.id}: ${m.en} (${m.zh})`),
  ];
}
