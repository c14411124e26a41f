import { describe, expect, test } from 'vitest';
import { toUnmetExpectations } from '../../../../mock-server/adapters/pact/openapi-report.js';
import { toVerifierOutcome } from '../../../../mock-server/adapters/pact/verifier-outcome.js';

describe('expectations the emulated platform does not meet', () => {
  test('a missing field is named with its path, one line per field', () => {
    const unmet = toUnmetExpectations([
      { interaction: 'order query', mismatches: [{ type: 'BodyMismatch', path: '$.orderInfo', mismatch: 'Actual map is missing the following keys: discountAmount, couponId' }] },
    ]);
    expect(unmet.map((u) => u.expectation)).toEqual(['field orderInfo.discountAmount', 'field orderInfo.couponId']);
    expect(unmet[0]?.detail).toContain('does not send orderInfo.discountAmount');
  });

  test('a status the platform does not answer', () => {
    expect(toUnmetExpectations([{ interaction: 'x', mismatches: [{ type: 'StatusMismatch', expected: 200, actual: 401 }] }])).toEqual([
      { interaction: 'x', expectation: 'HTTP 200', detail: 'the emulated platform answers HTTP 401 to this request' },
    ]);
  });

  test("Pact's summary is read from a resolved value or a rejection, prefixes removed", () => {
    const summary = JSON.stringify({
      interactionResults: [{ description: 'order query', result: 'OK' }],
      errors: [{ interaction: 'Verifying a pact between a and b Given s - order query', mismatch: { mismatches: [{ type: 'StatusMismatch', expected: 200, actual: 500 }] } }],
    });
    const outcome = toVerifierOutcome(new Error(summary), false);
    expect(outcome.ok).toBe(false);
    expect(outcome.failures.map((f) => f.interaction)).toEqual(['order query']);
    expect(toVerifierOutcome('not json', true)).toMatchObject({ ok: false, failures: [{ interaction: '(verification)', error: 'not json' }] });
  });
});
