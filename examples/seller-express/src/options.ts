import type { KeyObject } from 'node:crypto';

/**
 * One access key per interface category (Seller Console → 应用工具 → 密钥管理). The categories must
 * use different keys in production; general/kit/usage fall back to the basic key for quick starts.
 */
export interface SellerKeys {
  /** 基础接口: newInstance, queryInstance, refreshInstance, ... */
  readonly basic: string;
  /** 通用接口: orderNotify. */
  readonly general?: string;
  /** 联营SaaS同步接口: the /produceAPI/v2/*Sync kit calls. */
  readonly kit?: string;
  /** The ISV key that signs usage-push bodies. */
  readonly usage?: string;
  /** The V1 Key (legacy V1 products, GET calls with authToken): authToken, Body-Sign and the AES fields. */
  readonly v1?: string;
}

export interface SellerOptions {
  readonly keys: SellerKeys;
  /** Account AK/SK (我的凭证 → 访问密钥) for the APIG-signed Open API calls. */
  readonly ak: string;
  readonly sk: string;
  /** Open API base URLs, tried in order when a host cannot be reached. Default ['http://127.0.0.1:7070']. */
  readonly orderApiUrls?: readonly string[];
  /** Path of the production interface (生产接口地址). Default '/produce'; kit calls go to `${producePath}/produceAPI/v2/*`. */
  readonly producePath?: string;
  readonly host?: string;
  /** Default 0: any free port. */
  readonly port?: number;
  /** RSA private key (PEM or KeyObject) that decrypts applicationSync `clientSecret` (RSA-OAEP, SHA-256). */
  readonly kitPrivateKey?: string | KeyObject;
  /** changeInstanceCheck refuses a `linearValue` above this. Default 1 000 000 (no service here serves more users). */
  readonly maxLinearValue?: number;
  /** Base of the frontEndUrl/adminUrl handed to buyers. */
  readonly appBaseUrl?: string;
  /** Accepted signature timestamp skew, both ways. Default 60 000 ms. */
  readonly signatureWindowMs?: number;
  /** Background provisioning time when an order asks for async mode. Default 200 ms. */
  readonly defaultProvisionDelayMs?: number;
  readonly openApi?: { readonly attempts?: number; readonly backoffMs?: readonly number[]; readonly timeoutMs?: number };
  /** How often on-demand instances are metered and their usage pushed. Default 3 600 000 ms (hourly, as the marketplace asks); 0 turns metering off. */
  readonly usageIntervalMs?: number;
  /** Where the buyer's single sign-on lives: `${ssoPath}/login`, `/callback`, `/logout` (docs/oauth.md). Default '/sso'. */
  readonly ssoPath?: string;
  /** koomock's own tests only: a seller that breaks its single sign-on in one way. Never set it. */
  readonly ssoDefect?: 'skip-code-exchange' | 'ignore-token-errors';
  /** Receives one line per event; never secrets. Default: silent. */
  readonly log?: (line: string) => void;
  /** Clock for checking signature timestamps (tests). Default Date.now. */
  readonly now?: () => number;
  /** How V1 answers encrypt userName/password when the call gave no hint: "1" AES-256 (default), "2" AES-128. */
  readonly v1EncryptType?: '1' | '2';
}

export interface ResolvedOptions {
  readonly keys: Required<SellerKeys>;
  readonly ak: string;
  readonly sk: string;
  readonly orderApiUrls: readonly string[];
  readonly producePath: string;
  readonly host: string;
  readonly port: number;
  readonly kitPrivateKey: string | KeyObject | undefined;
  readonly maxLinearValue: number;
  readonly appBaseUrl: string;
  readonly signatureWindowMs: number;
  readonly defaultProvisionDelayMs: number;
  readonly openApi: NonNullable<SellerOptions['openApi']>;
  readonly usageIntervalMs: number;
  readonly ssoPath: string;
  readonly ssoDefect: SellerOptions['ssoDefect'];
  readonly log: (line: string) => void;
  readonly now: () => number;
  readonly v1EncryptType: '1' | '2';
}

/**
 * Fills in defaults and rejects settings the seller cannot run with. The error names the setting,
 * never its value.
 * @example
 *   resolveOptions({ keys: { basic: 'k' }, ak: 'AK', sk: 'SK' }).producePath; // '/produce'
 */
export function resolveOptions(o: SellerOptions): ResolvedOptions {
  for (const [name, value] of [['keys.basic', o.keys.basic], ['ak', o.ak], ['sk', o.sk]] as const) {
    if (typeof value !== 'string' || value.length === 0) throw new Error(`seller option ${name} is required`);
  }
  const producePath = o.producePath ?? '/produce';
  if (!producePath.startsWith('/')) throw new Error(`seller option producePath must start with "/", received "${producePath}"`);
  const orderApiUrls = o.orderApiUrls ?? ['http://127.0.0.1:7070'];
  if (orderApiUrls.length === 0) throw new Error('seller option orderApiUrls needs at least one URL');
  return {
    keys: {
      basic: o.keys.basic,
      general: o.keys.general ?? o.keys.basic,
      kit: o.keys.kit ?? o.keys.basic,
      usage: o.keys.usage ?? o.keys.basic,
      v1: o.keys.v1 ?? o.keys.basic,
    },
    ak: o.ak,
    sk: o.sk,
    orderApiUrls,
    producePath: producePath.length > 1 ? producePath.replace(/\/+$/, '') : producePath,
    host: o.host ?? '127.0.0.1',
    port: o.port ?? 0,
    kitPrivateKey: o.kitPrivateKey,
    maxLinearValue: o.maxLinearValue ?? 1_000_000,
    appBaseUrl: (o.appBaseUrl ?? 'https://saas.example.com').replace(/\/+$/, ''),
    signatureWindowMs: o.signatureWindowMs ?? 60_000,
    defaultProvisionDelayMs: o.defaultProvisionDelayMs ?? 200,
    openApi: o.openApi ?? {},
    usageIntervalMs: o.usageIntervalMs ?? 3_600_000,
    ssoPath: (o.ssoPath ?? '/sso').replace(/\/+$/, ''),
    ssoDefect: o.ssoDefect,
    log: o.log ?? (() => {}),
    now: o.now ?? Date.now,
    v1EncryptType: o.v1EncryptType ?? '1',
  };
}
