import type { CatalogProduct } from '../core/market/catalog.js';
import type { FidelityProfile } from '../core/profile.js';
import type { OAuthClient } from '../core/openapi/oauth-clients.js';
import type { OAuthClientInput } from '../core/openapi/oauth-client-input.js';
import type { AgentTarget } from '../core/agent/request.js';
import type { AgentPrices } from '../core/agent/billing-items.js';

/** Where the emulator keeps its state: a SQLite file (absolute path) or memory only. */
export type DbLocation = { readonly kind: 'memory' } | { readonly kind: 'file'; readonly path: string };

export interface ServerConfig {
  readonly host: string;
  /** 0 lets the OS pick a free port (tests). */
  readonly port: number;
  readonly db: DbLocation;
  /** Bearer token the admin API (/_koomock) requires; absent = admin API open on the listen address. */
  readonly adminToken?: string;
  /** Whether the web console is served. */
  readonly console: boolean;
  /** Extra host names the emulator answers for (APIG signatures cover `host`), e.g. `mkt.myhuaweicloud.com`. */
  readonly hostNames: readonly string[];
}

/** One access key per interface category (produce-api.md §1.3, §9); category keys must differ. */
export interface SellerKeys {
  /** 基础接口: V2 basic produce calls (URL-parameter signature). */
  readonly basic: string;
  /** 联营SaaS同步接口: kit calls `/produceAPI/v2/*Sync` (x-sign headers). */
  readonly kit: string;
  /** 通用接口: `orderNotify`. */
  readonly general: string;
  /** License授权码交付接口. */
  readonly license: string;
  /** The ISV key of the usage push body signature (docs/fidelity.md#d26); the basic key unless set. */
  readonly usage: string;
  /** The V1 seller Key (authToken, Body-Sign, AES of sensitive fields). */
  readonly v1: string;
}

export interface SellerConfig {
  readonly name: string;
  /** Huawei Cloud account id (32 hex), the `{partner_id}` of Open API paths. */
  readonly accountId: string;
  /** APIG access key id / secret access key the seller signs Open API calls with. */
  readonly ak: string;
  readonly sk: string;
  readonly keys: SellerKeys;
  /** The seller's 生产接口地址; V2 basic calls go to it verbatim, kit calls to `+ /produceAPI/v2/<op>`. */
  readonly productionUrl: string;
  /** PEM of the seller's RSA public key (>= 3072 bits) for the kit `clientSecret` (docs/fidelity.md#d18). */
  readonly kitPublicKey?: string;
  /** The seller's single sign-on entry the SSO step opens (docs/oauth.md); no SSO scenario runs without it. */
  readonly loginUrl?: string;
  /** The seller's logout address the SSO step opens after the login. */
  readonly logoutUrl?: string;
}

/** The fake OneAccess OAuth server (docs/oauth.md). */
export interface OAuthConfig {
  /** Clients known from the start; applicationSync and the admin API add more at run time. */
  readonly clients: readonly OAuthClient[];
}

/** Journal retention (docs/config.md): `0` turns a limit off. */
export interface JournalConfig {
  readonly maxExchanges: number;
  readonly maxAgeMs: number;
}

/**
 * The seller's Agents backend (docs/agents.md): `url`, `ak` and `sk` are empty until configured;
 * the rest has defaults (docs/config.md).
 */
export type AgentConfig = AgentTarget;

/** The fully resolved configuration: every value present, durations in ms, paths absolute. */
export interface KoomockConfig {
  readonly server: ServerConfig;
  readonly journal: JournalConfig;
  readonly seller: SellerConfig;
  readonly oauth: OAuthConfig;
  readonly agent: AgentConfig;
  readonly catalog: readonly CatalogProduct[];
  readonly profile: FidelityProfile;
}

/** A duration as written in a config: ms, or a string such as `20s`, `3m`, `3h`. */
export type DurationInput = number | string;

type DurationKeys = 'callTimeoutMs' | 'pollIntervalMs' | 'pollWindowMs' | 'retryIntervalMs';

/** The profile as written in a config file: any option may be left out. */
export type ProfileInput = {
  readonly [K in Exclude<keyof FidelityProfile, DurationKeys | 'retryWindowMs'>]?: FidelityProfile[K];
} & {
  readonly [K in DurationKeys]?: DurationInput;
} & {
  readonly retryWindowMs?: { readonly [activity: string]: DurationInput };
};

/** The shape of `koomock.config.yaml` / `.json` (schemas/config.schema.json); every key is optional. */
export interface KoomockConfigInput {
  readonly server?: {
    readonly host?: string;
    readonly port?: number;
    /** `memory` or a file path. */
    readonly db?: string;
    readonly adminToken?: string;
    readonly console?: boolean;
    readonly hostNames?: readonly string[];
  };
  readonly seller?: {
    readonly name?: string;
    readonly accountId?: string;
    readonly ak?: string;
    readonly sk?: string;
    readonly keys?: { readonly [K in keyof SellerKeys]?: string };
    readonly productionUrl?: string;
    readonly kitPublicKey?: string;
    readonly kitPublicKeyFile?: string;
    readonly loginUrl?: string;
    readonly logoutUrl?: string;
  };
  readonly oauth?: { readonly clients?: readonly OAuthClientInput[] };
  readonly journal?: { readonly maxExchanges?: number; readonly maxAge?: DurationInput };
  readonly agent?: {
    readonly url?: string;
    readonly method?: 'GET' | 'POST';
    readonly ak?: string;
    readonly sk?: string;
    readonly customerId?: string;
    readonly customerName?: string;
    readonly jwtHeader?: string;
    readonly jwtPrefix?: string;
    readonly timeout?: DurationInput;
    readonly prices?: AgentPrices;
  };
  readonly catalog?: readonly CatalogProduct[];
  readonly profile?: ProfileInput;
}

/** Where a value came from. */
export type ValueSource =
  | { readonly kind: 'default' }
  | { readonly kind: 'file'; readonly file: string; readonly line?: number }
  | { readonly kind: 'env'; readonly variable: string }
  | { readonly kind: 'flag'; readonly flag: string }
  | { readonly kind: 'object'; readonly label: string }
  /** Taken from another key, e.g. the usage key from the basic key (docs/fidelity.md#d26). */
  | { readonly kind: 'derived'; readonly from: string; readonly source: ValueSource };

/** The credentials whose origin `loadConfig` reports (for printing; values are never printed). */
export const CREDENTIAL_PATHS = [
  'seller.ak',
  'seller.sk',
  'seller.keys.basic',
  'seller.keys.kit',
  'seller.keys.general',
  'seller.keys.license',
  'seller.keys.usage',
  'seller.keys.v1',
  'seller.kitPublicKey',
  'server.adminToken',
  'agent.ak',
  'agent.sk',
] as const;

export type CredentialPath = (typeof CREDENTIAL_PATHS)[number];

export interface LoadedConfig {
  readonly config: KoomockConfig;
  /** Where each credential came from; absent for optional credentials that are not set. */
  readonly sources: Readonly<Partial<Record<CredentialPath, ValueSource>>>;
  /** The config file that was read, if any (absolute path). */
  readonly file?: string;
}
