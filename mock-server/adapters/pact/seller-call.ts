/**
 * One produce call to the seller, built, signed and sent by koomock's own code: provider states
 * use it to create the instances an interaction needs.
 */
import { createCryptoRandom } from '../../app/random.js';
import { KoomockError } from '../../core/errors.js';
import { buildProduceRequest } from '../../core/produce/activities.js';
import { signProduceRequest } from '../../core/produce/sign-request.js';
import type { SellerKeys } from '../../core/produce/types.js';
import { DEFAULT_PROFILE, type FidelityProfile } from '../../core/profile.js';
import { parseBoundedJsonObject } from '../../core/bounded-json.js';
import type { CreatePactTransport } from './ports.js';

export interface SellerCallTarget {
  /** The seller's production interface address. */
  readonly sellerUrl: string;
  readonly keys: SellerKeys;
  readonly profile?: FidelityProfile;
  readonly timeoutMs?: number;
  readonly createTransport: CreatePactTransport;
}

/**
 * Sends one signed call and returns the answer object; throws a KoomockError saying what the
 * seller did when it is not a JSON object with `resultCode`.
 * @example
 *   const answer = await callSeller(target, 'newInstance', { orderId, orderLineId });
 *   answer.instanceId; // 'a1b2…'
 */
export async function callSeller(target: SellerCallTarget, activity: string, fields: Readonly<Record<string, unknown>>): Promise<Record<string, unknown>> {
  const profile = target.profile ?? DEFAULT_PROFILE;
  const ctx = { profile, clock: { wallNow: Date.now, now: Date.now, advance: () => {} }, random: createCryptoRandom() };
  const signed = signProduceRequest(buildProduceRequest({ activity, url: target.sellerUrl, fields }, ctx), target.keys, ctx);
  const transport = target.createTransport();
  try {
    const result = await transport.send(
      { method: signed.method, url: signed.url, headers: signed.headers, ...(signed.body === undefined ? {} : { body: signed.body }) },
      { timeoutMs: target.timeoutMs ?? profile.callTimeoutMs },
    );
    if (result.kind !== 'response') throw new KoomockError('SELLER_UNREACHABLE', `${activity} to ${target.sellerUrl} failed: ${result.message}`);
    // A seller's answer is untrusted: parsed within koomock's size and depth limits.
    const parsed = parseBoundedJsonObject(result.body);
    if (!parsed.ok || typeof parsed.value.resultCode !== 'string') {
      throw new KoomockError('INPUT_INVALID', `${activity}: the seller answered HTTP ${result.status} without a JSON resultCode`);
    }
    return parsed.value;
  } finally {
    await transport.close();
  }
}
