/**
 * Plays a run inside the emulator's own process, over its store: how `/_koomock/runs` plays when
 * the emulator runs without `koomock serve` (the library's server, the console's tests). The seller
 * is checked first, as `koomock run` does.
 */
import { runScenarios } from '../core/scenario/run/engine.js';
import { createFetchTransport } from '../adapters/seller/fetch-transport.js';
import type { EmulatorRuntime } from './emulator-runtime.js';
import { toEngineDeps } from './engine-deps.js';
import { createOpenApiControl, toRuntimeSource } from './open-api-control.js';
import { checkSellerReachable, waitForSeller } from './preflight.js';
import { createStoreBackend } from './store-backend.js';
import type { RunPlayer } from './suite-runs.js';
import { KOOMOCK_VERSION } from './version.js';

/**
 * @example createRunService({ config: runtime.config, play: createInProcessPlayer(runtime) });
 */
export function createInProcessPlayer(runtime: EmulatorRuntime): RunPlayer {
  return async ({ config, scenarios, request, baseUrl, onEvent }) => {
    const sellerUrl = config.seller.productionUrl;
    await (request.waitForSellerMs === undefined ? checkSellerReachable(sellerUrl) : waitForSeller(sellerUrl, request.waitForSellerMs));
    const backend = createStoreBackend({ url: baseUrl, store: runtime.store, clock: runtime.context.clock, sellerId: runtime.seller.id, catalog: config.catalog });
    const transport = createFetchTransport();
    try {
      const deps = toEngineDeps(config, { ...backend, openApi: createOpenApiControl(toRuntimeSource(runtime)) }, transport, onEvent, undefined, request.sellerPushesUsage === true ? { pushesUsage: true } : {});
      return await runScenarios(scenarios, deps, { version: KOOMOCK_VERSION });
    } finally {
      await transport.close();
    }
  };
}
