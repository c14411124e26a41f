import { inputError } from '../errors.js';
import type { BuildContext } from './build-context.js';
import { buildKitRequest } from './build-kit.js';
import { buildV1Request } from './build-v1.js';
import { buildV2Request } from './build-v2.js';
import {
  type CallSpec,
  KIT_OPERATIONS,
  type KitOperation,
  type ProduceRequest,
  V1_ACTIVITIES,
  type V1Activity,
  V2_ACTIVITIES,
  type V2Activity,
} from './types.js';

export const isKitOperation = (a: string): a is KitOperation => (KIT_OPERATIONS as readonly string[]).includes(a);
export const isV2Activity = (a: string): a is V2Activity => (V2_ACTIVITIES as readonly string[]).includes(a);
export const isV1Activity = (a: string): a is V1Activity => (V1_ACTIVITIES as readonly string[]).includes(a);

// The same scenario under the other generation's name, for error messages.
const V2_TO_V1: Readonly<Record<string, string>> = { updateInstanceStatus: 'instanceStatus', upgradeInstance: 'upgrade' };
const V1_TO_V2: Readonly<Record<string, string>> = {
  instanceStatus: 'updateInstanceStatus',
  upgrade: 'upgradeInstance',
  expireInstance: 'updateInstanceStatus with status FREEZE',
};

/** The activity's interface generation for this call: kit operations are V2; others follow the spec or profile (docs/fidelity.md#d1). */
export const generationOf = (spec: CallSpec, ctx: BuildContext): 'v1' | 'v2' =>
  isKitOperation(spec.activity) ? 'v2' : (spec.generation ?? ctx.profile.generation);

/**
 * Builds one unsigned produce request (marketplace -> seller) for any activity: V2 basic and
 * orderNotify, kit operations, or V1 GET activities under the v1 generation. Call it once per
 * attempt: every attempt gets a fresh `businessId` (docs/fidelity.md#d15).
 * @example
 *   const req = buildProduceRequest({ activity: 'newInstance', url: 'https://seller.example/produce',
 *     fields: { orderId: 'CS1', orderLineId: 'CS1-000001' } }, { profile: DEFAULT_PROFILE, clock, random });
 *   req.body; // '{"activity":"newInstance","businessId":"…","orderId":"CS1","orderLineId":"CS1-000001"}'
 */
export function buildProduceRequest(spec: CallSpec, ctx: BuildContext): ProduceRequest {
  const { activity } = spec;
  if (isKitOperation(activity)) return buildKitRequest(activity, spec, ctx);
  if (generationOf(spec, ctx) === 'v1') {
    if (isV1Activity(activity)) return buildV1Request(activity, spec, ctx);
    const other = V2_TO_V1[activity];
    throw inputError(
      `activity ${JSON.stringify(activity)} does not exist in V1${other === undefined ? '' : `; V1 calls it ${other}`}; V1 activities: ${V1_ACTIVITIES.join(', ')}`,
      { activity },
    );
  }
  if (isV2Activity(activity)) return buildV2Request(activity, spec, ctx);
  const other = V1_TO_V2[activity];
  throw inputError(
    `activity ${JSON.stringify(activity)} does not exist in V2${other === undefined ? '' : `; V2 uses ${other}`}; V2 activities: ${[...V2_ACTIVITIES, ...KIT_OPERATIONS].join(', ')}`,
    { activity },
  );
}
