/**
 * `koomock send` without the command line: one signed call against an emulator started here (or a
 * running one), judged like a scenario step.
 */
import type { SingleCallInput } from '../core/scenario/load/single-call.js';
import type { KoomockConfig } from '../config/types.js';
import { createFetchTransport } from '../adapters/seller/fetch-transport.js';
import { type EmulatorChoice, openBackend } from './open-backend.js';
import { checkSellerReachable } from './preflight.js';
import { createRunTransport } from './run-transport.js';
import { runSingleCall, type SingleCallRun } from './single-call.js';

export interface SendSingleCallOptions {
  readonly config: KoomockConfig;
  /** An emulator started here for the call, or a running one. */
  readonly emulator: EmulatorChoice;
  /** Virtual ms per real ms while waiting between retries (`--time-scale`). */
  readonly timeScale?: number;
  /** How missing fields are named (default `cli`: the flags of `koomock send`). */
  readonly terms?: 'cli' | 'api';
}

/**
 * `koomock send`: checks that the seller is there, starts (or connects to) the emulator, sends the
 * call over HTTP and closes everything again.
 * @example
 *   const run = await sendSingleCall({ activity: 'newInstance' }, { config, emulator: {} });
 */
export async function sendSingleCall(input: SingleCallInput, options: SendSingleCallOptions): Promise<SingleCallRun> {
  const { config } = options;
  await checkSellerReachable(config.seller.productionUrl);
  const backend = await openBackend(config, options.emulator);
  const fetchTransport = createFetchTransport();
  try {
    const transport = createRunTransport(fetchTransport, { clock: backend.clock, sync: () => backend.sync(), ...(options.timeScale === undefined ? {} : { timeScale: options.timeScale }) });
    return await runSingleCall(input, config, backend, transport, { terms: options.terms ?? 'cli' });
  } finally {
    await fetchTransport.close();
    await backend.close();
  }
}

