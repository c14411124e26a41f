/**
 * What a `send` step may name, per interface generation, and which fields and signature
 * parameters each activity takes: read from the produce builders' field lists, so a scenario
 * and the builder can never disagree.
 */
import type { FieldSpec } from '../../produce/field-spec.js';
import { KIT_FIELDS } from '../../produce/kit-fields.js';
import { KIT_OPERATIONS, type KitOperation, V1_ACTIVITIES, type V1Activity, V2_ACTIVITIES, type V2Activity } from '../../produce/types.js';
import { V1_FIELDS } from '../../produce/v1-fields.js';
import { V2_FIELDS } from '../../produce/v2-fields.js';

/** Every activity name a `send` step accepts (the schema's enum). */
export const ACTIVITY_NAMES: readonly string[] = [...new Set<string>([...V2_ACTIVITIES, ...KIT_OPERATIONS, ...V1_ACTIVITIES])];

const has = (list: readonly string[], name: string): boolean => list.includes(name);

// The same scenario under the other generation's name (produce-api.md §2).
const V1_TO_V2: Readonly<Record<string, string>> = {
  expireInstance: 'updateInstanceStatus with status FREEZE',
  upgrade: 'upgradeInstance',
  instanceStatus: 'updateInstanceStatus',
};
const V2_TO_V1: Readonly<Record<string, string>> = {
  updateInstanceStatus: 'instanceStatus (or expireInstance)',
  upgradeInstance: 'upgrade',
};

/**
 * Why `activity` cannot be sent under `generation`, or undefined when it can.
 * Kit operations exist in both (they are always V2-style calls).
 * @example
 *   generationProblem('expireInstance', 'v2'); // { problem: '`expireInstance` is a V1 activity', hint: '…' }
 */
export function generationProblem(activity: string, generation: 'v1' | 'v2'): { problem: string; hint: string } | undefined {
  if (has(KIT_OPERATIONS, activity)) return undefined;
  if (generation === 'v2' && !has(V2_ACTIVITIES, activity)) {
    return {
      problem: `\`${activity}\` is a V1 activity`,
      hint: `add \`profile: { generation: v1 }\` to the scenario, or send ${V1_TO_V2[activity] ?? 'a V2 activity'}`,
    };
  }
  if (generation === 'v1' && !has(V1_ACTIVITIES, activity)) {
    const other = V2_TO_V1[activity];
    return {
      problem: `\`${activity}\` does not exist in V1 (the scenario sets profile generation v1)`,
      hint: other === undefined ? `V1 activities: ${V1_ACTIVITIES.join(', ')}` : `V1 calls it ${other}`,
    };
  }
  return undefined;
}

/** The builder's input fields of an activity under a generation (the keys `with` may use). */
export function fieldSpecsOf(activity: string, generation: 'v1' | 'v2'): readonly FieldSpec[] | undefined {
  if (has(KIT_OPERATIONS, activity)) return KIT_FIELDS[activity as KitOperation];
  if (generation === 'v1') return has(V1_ACTIVITIES, activity) ? V1_FIELDS[activity as V1Activity] : undefined;
  return has(V2_ACTIVITIES, activity) ? V2_FIELDS[activity as V2Activity] : undefined;
}

/** Signature parameters a `sign` override may name, per wire family (produce/sign-request.ts). */
export function signParamsOf(activity: string, generation: 'v1' | 'v2'): readonly string[] {
  if (has(KIT_OPERATIONS, activity)) return ['x-sign', 'x-timestamp', 'x-nonce'];
  return generation === 'v1' ? ['timeStamp', 'authToken'] : ['signature', 'timestamp', 'nonce'];
}
