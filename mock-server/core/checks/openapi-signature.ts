/**
 * `openapi.signature`: the signature debugger in a run report. When a call the seller made to the
 * fake Open APIs during a step failed signature verification (APIG AK/SK, usage push body), the
 * report shows what koomock signed and which known mistake reproduces the seller's signature.
 */
import type { SignatureDiagnosisRecord } from '../signing/diagnosis-record.js';
import type { CheckResult } from '../result.js';
import { toDebugCanonical } from '../signing/index.js';

export const OPENAPI_SIGNATURE = 'openapi.signature';

/** One refused call of the seller, from the journal. */
export interface RefusedSignature {
  readonly operation: string;
  /** HTTP status and platform code of the answer, e.g. 401 / APIG.0301. */
  readonly status?: number;
  readonly code?: string;
  readonly diagnosis: SignatureDiagnosisRecord;
}

const EXPECTED: Readonly<Record<SignatureDiagnosisRecord['scheme'], string>> = {
  apig: 'Open API calls signed with SDK-HMAC-SHA256 and the seller AK/SK over the canonical request below (open-api.md §2)',
  usage: 'usage push signature = base64(HMAC-SHA256(usage key, "ts={ts}&nonce={nonce}&body={raw body}")) (docs/fidelity.md#d26)',
};

// Not the canonical request: it holds X-Sdk-Date, which changes with every attempt.
const keyOf = (r: RefusedSignature): string => JSON.stringify([r.operation, r.diagnosis.scheme, r.diagnosis.mistakes.map((m) => m.id)]);

function toCheck(first: RefusedSignature, count: number): CheckResult {
  const { diagnosis } = first;
  const answer = [first.status === undefined ? undefined : `HTTP ${first.status}`, first.code].filter((s) => s !== undefined).join(' ');
  const ids = diagnosis.mistakes.map((m) => m.id);
  const matches = ids.length === 0 ? 'no known mistake reproduces the signature sent' : `the signature sent matches ${ids.join(' or ')}`;
  const signed =
    diagnosis.scheme === 'apig'
      ? `canonical request koomock built (line breaks shown as |): ${toDebugCanonical(diagnosis.canonical)}`
      : `text koomock signed: ${diagnosis.canonical}`;
  const advice =
    ids.length === 0
      ? [diagnosis.scheme === 'apig' ? 'compare your canonical request with koomock\'s line by line (koomock sign apig prints it), and sign with the SK as the HMAC key' : 'sign exactly the bytes you send, with the usage key, and Base64 the HMAC']
      : diagnosis.mistakes.map((m) => `likely mistake ${m.id}: ${m.en} (${m.zh})`);
  return {
    id: OPENAPI_SIGNATURE,
    ok: false,
    expected: EXPECTED[diagnosis.scheme],
    received: `${first.operation} refused${answer === '' ? '' : ` (${answer})`}${count > 1 ? ` ${count} times` : ''}: ${matches}`,
    hint: [...advice, signed].join('; '),
  };
}

/**
 * One failed check per distinct refusal (a retrying seller repeats the same mistake); nothing when
 * every call verified.
 * @example
 *   checkOpenApiSignatures([{ operation: 'order.query', status: 401, code: 'APIG.0301', diagnosis }])
 *   // [{ id: 'openapi.signature', ok: false, received: 'order.query refused (HTTP 401 APIG.0301): the signature sent matches missing-trailing-slash', … }]
 */
export function checkOpenApiSignatures(refused: readonly RefusedSignature[]): CheckResult[] {
  const groups = new Map<string, { first: RefusedSignature; count: number }>();
  for (const r of refused) {
    const key = keyOf(r);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { first: r, count: 1 });
    else group.count += 1;
  }
  return [...groups.values()].map((g) => toCheck(g.first, g.count));
}
