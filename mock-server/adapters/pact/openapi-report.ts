/**
 * Failed Open API interactions, said as what the emulated platform would not do for the seller:
 * a field it does not send, a value it sends differently, a status it does not answer.
 */
import type { InteractionFailure, PactMismatch } from './verifier-outcome.js';

export interface UnmetExpectation {
  readonly interaction: string;
  /** What the pact expected, e.g. `field orderInfo.discount`, `HTTP 200`. */
  readonly expectation: string;
  readonly detail: string;
}

const fieldPath = (path: string | undefined, key?: string): string => {
  const base = (path ?? '$').replace(/^\$\.?/, '');
  return key === undefined ? base || '(body)' : base === '' ? key : `${base}.${key}`;
};

function describe(m: PactMismatch): { expectation: string; detail: string }[] {
  const text = m.mismatch ?? '';
  const missing = /missing the following keys: (.+)$/.exec(text);
  if (m.type === 'BodyMismatch' && missing?.[1] !== undefined) {
    return missing[1].split(/,\s*/).map((key) => ({
      expectation: `field ${fieldPath(m.path, key.trim())}`,
      detail: `koomock's emulation of KooGallery does not send ${fieldPath(m.path, key.trim())}, and neither does the platform (open-api.md documents every field it sends): do not rely on it`,
    }));
  }
  if (m.type === 'BodyMismatch') return [{ expectation: `field ${fieldPath(m.path)}`, detail: `the emulated platform sends something else: ${text}` }];
  if (m.type === 'StatusMismatch') return [{ expectation: `HTTP ${String(m.expected)}`, detail: `the emulated platform answers HTTP ${String(m.actual)} to this request` }];
  if (m.type === 'HeaderMismatch') return [{ expectation: `header ${m.key ?? ''}`.trim(), detail: text }];
  return [{ expectation: m.type ?? 'response', detail: text }];
}

/**
 * @example
 *   toUnmetExpectations([{ interaction: 'order query', mismatches: [{ type: 'BodyMismatch', path: '$.orderInfo', mismatch: 'Actual map is missing the following keys: discount' }] }]);
 *   // [{ interaction: 'order query', expectation: 'field orderInfo.discount', detail: '…' }]
 */
export function toUnmetExpectations(failures: readonly InteractionFailure[]): UnmetExpectation[] {
  return failures.flatMap((f) =>
    f.mismatches.length === 0
      ? [{ interaction: f.interaction, expectation: 'verification', detail: f.error ?? 'failed' }]
      : f.mismatches.flatMap((m) => describe(m).map((d) => ({ interaction: f.interaction, ...d }))),
  );
}
