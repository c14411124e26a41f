/**
 * Engine dependencies over an emulator backend and a seller transport; shared by `koomock run`,
 * `koomock send` and the admin API's send and replay.
 */
import type { ExchangeSink, ProduceExchange, SellerTransport } from '../core/ports.js';
import type { SellerKeys } from '../core/produce/types.js';
import type { EngineDeps, EngineEvent, JournalContext } from '../core/scenario/run/engine-types.js';
import type { KoomockConfig } from '../config/types.js';
import { createCryptoRandom } from './random.js';
import { getSchemaRegistry } from '../config/schemas-fs.js';
import type { EmulatorBackend } from './backend.js';

/** The seller's keys per category, as the produce side signs with them. */
export const toSellerKeys = (config: KoomockConfig): SellerKeys => ({
  basic: config.seller.keys.basic,
  general: config.seller.keys.general,
  kit: config.seller.keys.kit,
  v1: config.seller.keys.v1,
  ...(config.seller.kitPublicKey === undefined ? {} : { kitPublicKey: config.seller.kitPublicKey }),
});

/** The config names an Agents backend and its AK/SK: `agent` steps can run (docs/agents.md). */
export const hasAgentBackend = (config: KoomockConfig): boolean => config.agent.url !== '' && config.agent.ak !== '' && config.agent.sk !== '';

/**
 * @example
 *   const deps = toEngineDeps(config, backend, transport, (e) => io.err(toProgressLine(e) ?? ''));
 */
export function toEngineDeps(
  config: KoomockConfig,
  backend: EmulatorBackend,
  transport: SellerTransport,
  onEvent?: (event: EngineEvent) => void,
  onAttempt?: (exchange: ProduceExchange, context: JournalContext) => void,
  seller: { readonly pushesUsage?: boolean; readonly agentTransport?: SellerTransport } = {},
): EngineDeps {
  const journalFor = backend.journal.journalFor;
  // Every attempt is journaled as it ends: the same moment tells a watcher that one more attempt ended.
  const journal =
    onAttempt === undefined
      ? journalFor
      : (context: JournalContext): ExchangeSink => {
          const sink = journalFor(context);
          return {
            async record(exchange) {
              onAttempt(exchange, context);
              await sink.record(exchange);
            },
          };
        };
  return {
    ...(seller.pushesUsage === true ? { sellerPushesUsage: true } : {}),
    ...(seller.agentTransport !== undefined && hasAgentBackend(config) ? { agent: { target: config.agent, transport: seller.agentTransport } } : {}),
    sellerUrl: config.seller.productionUrl,
    sellerId: backend.sellerId,
    catalog: backend.catalog,
    profile: config.profile,
    keys: toSellerKeys(config),
    transport,
    clock: backend.clock,
    random: createCryptoRandom(),
    schemas: getSchemaRegistry(),
    market: backend.market,
    orderQueries: backend.orderQueries,
    usage: backend.usage,
    ...(backend.openApi === undefined ? {} : { openApi: backend.openApi }),
    ...(backend.oauthClients === undefined ? {} : { oauthClients: backend.oauthClients }),
    ...(config.seller.loginUrl === undefined ? {} : { sso: { loginUrl: config.seller.loginUrl, ...(config.seller.logoutUrl === undefined ? {} : { logoutUrl: config.seller.logoutUrl }) } }),
    journal,
    exchangeIdOf: backend.journal.exchangeIdOf,
    ...(onEvent === undefined ? {} : { onEvent }),
  };
}
