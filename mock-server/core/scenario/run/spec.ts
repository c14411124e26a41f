/**
 * A send step as a produce call: references resolved against earlier results, the scenario's
 * generation and debug flag, and the profile the call runs under (`retry: false` = one attempt).
 */
import { getMockOrder } from '../../market/mock-orders.js';
import type { FidelityProfile } from '../../profile.js';
import { toV1OrderFields } from '../../produce/v1-order-fields.js';
import type { CallSpec } from '../../produce/types.js';
import type { SendStep, TemplateValue } from '../load/model.js';
import { resolveTemplate } from '../load/references.js';
import type { ScenarioState } from './state.js';

export type PreparedCall =
  | {
      readonly ok: true;
      readonly spec: CallSpec;
      readonly profile: FidelityProfile;
      /** `expect.sameAs` with references resolved. */
      readonly sameAs: Readonly<Record<string, unknown>>;
    }
  /** A reference has no value (an earlier step failed or its answer lacked the field). */
  | { readonly ok: false; readonly reference: string; readonly problem: string };

type Resolved = { ok: true; value: Record<string, unknown> } | { ok: false; reference: string; problem: string };

function resolveMap(map: Readonly<Record<string, TemplateValue>>, results: Readonly<Record<string, unknown>>): Resolved {
  const r = resolveTemplate(map as TemplateValue, results);
  if (!r.ok) return r;
  return { ok: true, value: r.value as Record<string, unknown> };
}

/** V1 calls carry their order's data (produce-api.md §4): filled from the order the call names, under the given fields. */
function withV1OrderFields(activity: string, fields: Record<string, unknown>, state: ScenarioState): Record<string, unknown> {
  const orderId = fields['orderId'];
  if (state.profile.generation !== 'v1' || typeof orderId !== 'string') return fields;
  const order = state.orders.get(orderId) ?? getMockOrder(orderId, state.deps.sellerId);
  return order === undefined ? fields : { ...toV1OrderFields(activity, order), ...fields };
}

/**
 * Resolves a send step into the call to make.
 * @example
 *   const call = prepareCall(step, state);
 *   if (call.ok) await runProduceCall(call.spec, { ...deps, profile: call.profile });
 */
export function prepareCall(step: SendStep, state: ScenarioState): PreparedCall {
  const { results } = state;
  const fields = resolveMap(step.with, results);
  if (!fields.ok) return fields;
  const overrides = resolveMap(step.set, results);
  if (!overrides.ok) return overrides;
  const sign = resolveMap(step.sign as Readonly<Record<string, TemplateValue>>, results);
  if (!sign.ok) return sign;
  const sameAs = resolveMap(step.expect.sameAs, results);
  if (!sameAs.ok) return sameAs;
  const signOverrides = Object.fromEntries(
    Object.entries(sign.value).map(([k, v]) => [k, v === null ? null : typeof v === 'string' ? v : JSON.stringify(v)]),
  ) as Record<string, string | null>;
  const spec: CallSpec = {
    activity: step.activity,
    url: state.deps.sellerUrl,
    fields: withV1OrderFields(step.activity, fields.value, state),
    ...(Object.keys(overrides.value).length === 0 ? {} : { overrides: overrides.value }),
    ...(Object.keys(signOverrides).length === 0 ? {} : { signOverrides }),
    ...(step.debug ? { debugFlag: true } : {}),
    generation: state.profile.generation,
  };
  const profile = step.retry ? state.profile : { ...state.profile, retryWindowMs: { ...state.profile.retryWindowMs, [step.activity]: 0 } };
  return { ok: true, spec, profile, sameAs: sameAs.value };
}
