import type { OrderQueryResult } from '../order-client.js';
import { invalidParam, reply, RESULT, type ProduceResponse } from '../result-codes.js';

/**
 * Maps a failed order query to the produce answer. An order the marketplace does not know is a bad
 * parameter; anything else is our problem right now, and a non-success answer makes the
 * marketplace send the call again later (it retries for hours), which is what we want.
 */
export function toOrderFailure(result: Extract<OrderQueryResult, { ok: false }>): ProduceResponse {
  if (result.kind === 'not-found') return invalidParam(result.detail);
  return reply(RESULT.INTERNAL_ERROR, `could not fetch the order yet, please retry: ${result.detail}`);
}
