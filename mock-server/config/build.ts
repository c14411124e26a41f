import { createPublicKey } from 'node:crypto';
import { resolve } from 'node:path';
import type { CatalogProduct } from '../core/market/catalog.js';
import type { FidelityProfile } from '../core/profile.js';
import { DEFAULT_AGENT } from './defaults.js';
import { parseDuration } from './duration.js';
import type { MergedLayers } from './layers.js';
import type { PathSegment } from '../core/schemas/located-yaml.js';
import { renderValue, type ConfigProblem } from './problems.js';
import type { OAuthClientInput } from '../core/openapi/oauth-client-input.js';
import { toOAuthClient } from '../core/openapi/oauth-client-input.js';

/** A clientId given twice is a mistake: the second would silently replace the first. */
function duplicateClientProblems(clients: readonly OAuthClientInput[]): ConfigProblem[] {
  const seen = new Set<string>();
  return clients.flatMap((c, i): ConfigProblem[] => {
    if (!seen.has(c.clientId)) {
      seen.add(c.clientId);
      return [];
    }
    return [{ path: ['oauth', 'clients', i, 'clientId'], kind: 'invalid', expected: 'a clientId not used by an earlier client of oauth.clients', received: renderValue(c.clientId, '') }];
  });
}
import { type AgentConfig, CREDENTIAL_PATHS, type CredentialPath, type KoomockConfig, type KoomockConfigInput, type ValueSource } from './types.js';

const MIN_KIT_KEY_BITS = 3072;

/** The Agents gateway waits at most 300 s for a backend (open-api.md §5.1, docs/agents.md). */
const MAX_AGENT_TIMEOUT_MS = 300_000;

/** Why a PEM cannot serve as the kit public key (docs/fidelity.md#d18), or undefined when it can. */
function kitKeyFault(pem: string): string | undefined {
  // createPublicKey would happily derive a public key from a private one; a private key must not
  // sit in the config at all.
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) {
    return 'a public key, got a private key: give only the public half (`openssl rsa -in key.pem -pubout`)';
  }
  try {
    const key = createPublicKey(pem);
    if (key.asymmetricKeyType !== 'rsa') return `an RSA public key, got a ${key.asymmetricKeyType ?? 'non-RSA'} key`;
    const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
    return bits < MIN_KIT_KEY_BITS ? `an RSA public key of at least ${MIN_KIT_KEY_BITS} bits (docs/fidelity.md#d18), got ${bits} bits` : undefined;
  } catch {
    return 'an RSA public key in PEM form (`-----BEGIN PUBLIC KEY-----` ... `-----END PUBLIC KEY-----`) that parses';
  }
}

export function sourceAt(merged: MergedLayers, path: readonly PathSegment[]): ValueSource {
  const layer = merged.layerAt(path);
  if (layer.source.kind !== 'file') return layer.source;
  const line = layer.locate?.(path)?.line;
  return line === undefined ? layer.source : { ...layer.source, line };
}

const toProfile = (p: NonNullable<KoomockConfigInput['profile']>): FidelityProfile => {
  const ms = (v: unknown): number => parseDuration(v) ?? 0;
  return Object.freeze({
    ...p,
    callTimeoutMs: ms(p.callTimeoutMs),
    pollIntervalMs: ms(p.pollIntervalMs),
    pollWindowMs: ms(p.pollWindowMs),
    retryIntervalMs: ms(p.retryIntervalMs),
    retryWindowMs: Object.freeze(Object.fromEntries(Object.entries(p.retryWindowMs ?? {}).map(([k, v]) => [k, ms(v)]))),
  }) as FidelityProfile;
};

const toAgent = (a: NonNullable<KoomockConfigInput['agent']>, timeoutMs: number): AgentConfig => ({
  url: a.url ?? DEFAULT_AGENT.url,
  method: a.method ?? DEFAULT_AGENT.method,
  ak: a.ak ?? DEFAULT_AGENT.ak,
  sk: a.sk ?? DEFAULT_AGENT.sk,
  customerId: a.customerId ?? DEFAULT_AGENT.customerId,
  customerName: a.customerName ?? DEFAULT_AGENT.customerName,
  jwtHeader: a.jwtHeader ?? DEFAULT_AGENT.jwtHeader,
  jwtPrefix: a.jwtPrefix ?? DEFAULT_AGENT.jwtPrefix,
  timeoutMs,
  prices: { ...a.prices },
});

export interface BuiltConfig {
  readonly config?: KoomockConfig;
  readonly sources: Partial<Record<CredentialPath, ValueSource>>;
  readonly problems: readonly ConfigProblem[];
}

/**
 * The resolved config from a merged, schema- and semantics-checked input: durations in ms, the
 * database path absolute, the usage key defaulted to the basic key (docs/fidelity.md#d26), the kit PEM read and checked.
 */
export function buildConfig(merged: MergedLayers, readText: (absolutePath: string) => string): BuiltConfig {
  const input = merged.value as KoomockConfigInput;
  const server = input.server ?? {};
  const seller = input.seller ?? {};
  const keys = seller.keys ?? {};
  const problems: ConfigProblem[] = [];
  const sources: Partial<Record<CredentialPath, ValueSource>> = {};
  for (const path of CREDENTIAL_PATHS) {
    const segments = path.split('.');
    const value = segments.reduce<unknown>((node, s) => (node as Record<string, unknown> | undefined)?.[s], input);
    if (value !== undefined) sources[path] = sourceAt(merged, segments);
  }

  let kitPublicKey = seller.kitPublicKey;
  let kitPath: PathSegment[] = ['seller', 'kitPublicKey'];
  if (seller.kitPublicKeyFile !== undefined) {
    kitPath = ['seller', 'kitPublicKeyFile'];
    const file = resolve(merged.layerAt(kitPath).baseDir, seller.kitPublicKeyFile);
    try {
      kitPublicKey = readText(file);
      sources['seller.kitPublicKey'] = sourceAt(merged, kitPath);
    } catch (e) {
      const why = e instanceof Error && 'code' in e ? ` (${String(e.code)})` : '';
      problems.push({ path: kitPath, kind: 'invalid', expected: `a readable PEM file${why}`, received: renderValue(file, '') });
    }
  }
  const fault = kitPublicKey === undefined ? undefined : kitKeyFault(kitPublicKey);
  if (fault !== undefined) problems.push({ path: kitPath, kind: 'invalid', expected: fault, received: 'a key that does not qualify' });

  const basic = keys.basic ?? '';
  if (keys.usage === undefined) {
    sources['seller.keys.usage'] = { kind: 'derived', from: 'seller.keys.basic', source: sources['seller.keys.basic'] ?? { kind: 'default' } };
  }
  problems.push(...duplicateClientProblems(input.oauth?.clients ?? []));
  const agentTimeoutMs = parseDuration(input.agent?.timeout) ?? DEFAULT_AGENT.timeoutMs;
  if (agentTimeoutMs > MAX_AGENT_TIMEOUT_MS) {
    problems.push({ path: ['agent', 'timeout'], kind: 'invalid', expected: 'at most 300s: the Agents gateway waits no longer for a backend (docs/agents.md)', received: renderValue(input.agent?.timeout, '') });
  }
  if (problems.length > 0) return { sources, problems };

  // The defaults layer sets every key below; the fallbacks only satisfy the optional input types.
  const dbPath = server.db ?? 'memory';
  const config: KoomockConfig = {
    server: {
      host: server.host ?? '',
      port: server.port ?? 0,
      db: dbPath === 'memory' ? { kind: 'memory' } : { kind: 'file', path: resolve(merged.layerAt(['server', 'db']).baseDir, dbPath) },
      ...(server.adminToken === undefined ? {} : { adminToken: server.adminToken }),
      console: server.console ?? true,
      hostNames: [...(server.hostNames ?? [])],
    },
    seller: {
      name: seller.name ?? '',
      accountId: seller.accountId ?? '',
      ak: seller.ak ?? '',
      sk: seller.sk ?? '',
      keys: {
        basic,
        kit: keys.kit ?? '',
        general: keys.general ?? '',
        license: keys.license ?? '',
        usage: keys.usage ?? basic,
        v1: keys.v1 ?? '',
      },
      productionUrl: seller.productionUrl ?? '',
      ...(kitPublicKey === undefined ? {} : { kitPublicKey }),
      ...(seller.loginUrl === undefined ? {} : { loginUrl: seller.loginUrl }),
      ...(seller.logoutUrl === undefined ? {} : { logoutUrl: seller.logoutUrl }),
    },
    oauth: { clients: (input.oauth?.clients ?? []).map(toOAuthClient) },
    agent: toAgent(input.agent ?? {}, agentTimeoutMs),
    journal: { maxExchanges: input.journal?.maxExchanges ?? 0, maxAgeMs: parseDuration(input.journal?.maxAge) ?? 0 },
    catalog: (input.catalog ?? []).map((p): CatalogProduct => structuredClone(p)),
    profile: toProfile(input.profile ?? {}),
  };
  return { config, sources, problems };
}
