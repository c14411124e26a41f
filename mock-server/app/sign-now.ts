/**
 * A journaled outbound call built and signed again now, without sending it: what "copy as curl,
 * signed now" gives, so a seller's engineer can fire the call from a terminal while its timestamp
 * is fresh (a call as sent carries a nonce the seller already accepted).
 */
import type { Clock, Random } from '../core/ports.js';
import { buildProduceRequest } from '../core/produce/activities.js';
import { signProduceRequest } from '../core/produce/sign-request.js';
import type { KoomockConfig } from '../config/types.js';
import { toSellerKeys } from './engine-deps.js';
import type { JournaledCall } from './journal-sink.js';

export interface SignedNow {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Wall-clock ms the signature was made. */
  readonly signedAt: number;
}

/**
 * @example signNow(call, runtime.config, runtime.context.clock, runtime.context.random).url; // '…?signature=…&timestamp=…&nonce=…'
 */
export function signNow(call: JournaledCall, config: KoomockConfig, clock: Clock, random: Random): SignedNow {
  const ctx = { profile: config.profile, clock, random };
  const built = buildProduceRequest(
    {
      activity: call.activity,
      url: call.url,
      ...(call.fields === undefined ? {} : { fields: call.fields }),
      ...(call.overrides === undefined ? {} : { overrides: call.overrides }),
      ...(call.debugFlag === undefined ? {} : { debugFlag: call.debugFlag }),
      ...(call.generation === undefined ? {} : { generation: call.generation }),
    },
    ctx,
  );
  const signed = signProduceRequest(built, toSellerKeys(config), ctx, call.signOverrides);
  return { method: signed.method, url: signed.url, headers: signed.headers, ...(signed.body === undefined ? {} : { body: signed.body }), signedAt: clock.wallNow() };
}
