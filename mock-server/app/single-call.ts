/**
 * One signed call, judged like a scenario step: `koomock send`, `POST /_koomock/send` and replays
 * of journaled exchanges all come through here.
 */
import type { SellerTransport } from '../core/ports.js';
import { playScenario } from '../core/scenario/run/engine.js';
import type { SendStepResult } from '../core/scenario/load/model.js';
import { type RunReport, summarise } from '../core/scenario/run/report.js';
import { type SingleCallInput, toSingleCallScenario } from '../core/scenario/load/single-call.js';
import type { KoomockConfig } from '../config/types.js';
import { createFetchTransport } from '../adapters/seller/fetch-transport.js';
import type { EmulatorBackend } from './backend.js';
import { checkComplete, deriveCall } from './derive-call.js';
import type { EmulatorRuntime } from './emulator-runtime.js';
import { toEngineDeps } from './engine-deps.js';
import { createRecordingTransport, type RecordedExchange } from './run-transport.js';
import { createStoreBackend } from './store-backend.js';
import { KOOMOCK_VERSION } from './version.js';

export interface SingleCallRun {
  /** A run of one scenario, for the reporters. */
  readonly report: RunReport;
  readonly result?: SendStepResult;
  /** Every exchange with the seller, in order (the call, and queryInstance polls after a 000004). */
  readonly exchanges: readonly RecordedExchange[];
}

export interface SingleCallOptions {
  /** How a missing field is named: a `koomock send` flag or a `POST /_koomock/send` field (default). */
  readonly terms?: 'cli' | 'api';
}

/**
 * Derives what the platform would fill (docs/cli.md, "koomock send"), then refuses at once a call
 * that still misses required fields, naming them all.
 * @example
 *   const run = await runSingleCall({ activity: 'queryInstance', instance: 'i-1' }, config, backend, transport);
 *   run.report.summary.checksFailed; // 0
 */
export async function runSingleCall(typed: SingleCallInput, config: KoomockConfig, backend: EmulatorBackend, transport: SellerTransport, options: SingleCallOptions = {}): Promise<SingleCallRun> {
  const generation = typed.generation ?? config.profile.generation;
  const input = await deriveCall({ generation, ...typed }, backend.lookup, backend.catalog);
  checkComplete(input, options.terms ?? 'api');
  const recording = createRecordingTransport(transport);
  const deps = toEngineDeps(config, backend, recording);
  const started = deps.clock.wallNow();
  const scenario = toSingleCallScenario(input);
  const { report, results } = await playScenario(scenario, deps);
  const result = results[input.stepId ?? 'send'] as SendStepResult | undefined;
  return {
    report: {
      tool: 'koomock',
      version: KOOMOCK_VERSION,
      startedAt: new Date(started).toISOString(),
      durationMs: Math.max(0, deps.clock.wallNow() - started),
      sellerUrl: config.seller.productionUrl,
      profile: { ...config.profile },
      scenarios: [report],
      summary: summarise([report]),
    },
    ...(result === undefined ? {} : { result }),
    exchanges: recording.exchanges,
  };
}

/**
 * `POST /_koomock/send` and replays: one call made by a running emulator, on its own store and clock.
 * @example
 *   const run = await sendFromEmulator(runtime, { activity: 'queryInstance', instance: 'i-1' }, { url, config: runtime.config });
 */
export async function sendFromEmulator(runtime: EmulatorRuntime, input: SingleCallInput, options: { readonly url: string; readonly config: KoomockConfig }): Promise<SingleCallRun> {
  const backend = createStoreBackend({ url: options.url, store: runtime.store, clock: runtime.context.clock, sellerId: runtime.seller.id, catalog: runtime.config.catalog });
  const transport = createFetchTransport();
  try {
    return await runSingleCall(input, options.config, backend, transport);
  } finally {
    await transport.close();
  }
}
