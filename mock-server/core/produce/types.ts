/**
 * The shapes of one produce call (marketplace -> seller): what a builder makes, what the signing
 * step adds, and which key signs it. Keys never appear in any of these.
 */

/** V2 basic activities (POST JSON to the production address) and the general-key order notification. */
export const V2_ACTIVITIES = [
  'newInstance',
  'queryInstance',
  'refreshInstance',
  'updateInstanceStatus',
  'releaseInstance',
  'upgradeInstance',
  'changeInstanceCheck',
  'orderNotify',
] as const;
export type V2Activity = (typeof V2_ACTIVITIES)[number];

/** Joint-operation (联营) kit operations, each on `/produceAPI/v2/<op>`. */
export const KIT_OPERATIONS = ['tenantSync', 'applicationSync', 'authSync', 'singleOrgSync', 'allOrgSync'] as const;
export type KitOperation = (typeof KIT_OPERATIONS)[number];

/** V1 (deprecated) GET activities. */
export const V1_ACTIVITIES = [
  'newInstance',
  'refreshInstance',
  'expireInstance',
  'releaseInstance',
  'upgrade',
  'instanceStatus',
  'queryInstance',
] as const;
export type V1Activity = (typeof V1_ACTIVITIES)[number];

/** Which wire format a call uses: V2 basic/general, V2 kit, or V1 GET. */
export type ProduceFamily = 'v2' | 'kit' | 'v1';

/** The seller key category that signs a call (produce-api.md §1.3: one key per category). */
export type KeyCategory = 'basic' | 'general' | 'kit' | 'v1';

/** The seller's keys, by category. Only `basic` is always needed. */
export interface SellerKeys {
  readonly basic: string;
  /** 通用接口 key: signs `orderNotify`. */
  readonly general?: string;
  /** 联营SaaS同步接口 key: signs kit calls. */
  readonly kit?: string;
  /** V1 "Key": authToken, Body-Sign and AES fields. */
  readonly v1?: string;
  /** Not a signing key: PEM of the seller's RSA public key that encrypts the kit `clientSecret`. */
  readonly kitPublicKey?: string;
}

/**
 * Field overrides applied after the builder filled the fields and before signing, so the signature
 * still covers what is sent. Keys are field names or dotted paths (`productInfo.skuCode`); a `null`
 * value deletes the field.
 */
export type FieldOverrides = Readonly<Record<string, unknown>>;

/** What to build: an activity, its ids/fields, and optional overrides. */
export interface CallSpec {
  readonly activity: string;
  /** The seller's production address, exactly as configured. */
  readonly url: string;
  /** Ids and fields the activity needs (`orderId`, `instanceId`, ...). */
  readonly fields?: Readonly<Record<string, unknown>>;
  readonly overrides?: FieldOverrides;
  /** Overrides of the signature parameters after signing (`signature`, `nonce`, `x-sign`, `authToken`, ...); `null` deletes. */
  readonly signOverrides?: Readonly<Record<string, string | null>>;
  /** A debugging run (`--debug-flag`): `testFlag` is "1". */
  readonly debugFlag?: boolean;
  /** Interface generation of this call (docs/fidelity.md#d1); default: the profile's. Kit operations are always V2. */
  readonly generation?: 'v1' | 'v2';
}

/** A built, unsigned request. `body` is the exact string to send (V2/kit), undefined for V1 GET. */
export interface ProduceRequest {
  readonly activity: string;
  readonly family: ProduceFamily;
  readonly method: 'POST' | 'GET';
  /** The production address as configured (the base every URL is built on). */
  readonly address: string;
  /** Unsigned URL: the production address (V2), address + kit sub-path (kit), or address + query without timeStamp/authToken (V1). */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
  readonly keyCategory: KeyCategory;
  /** V1 only: the decoded query parameters (without timeStamp and authToken). */
  readonly params?: Readonly<Record<string, string>>;
  /** The fresh businessId of this attempt, when the activity carries one. */
  readonly businessId?: string;
}

/** The signature material of a signed request (values as sent; never the key). */
export interface SigningInfo {
  readonly timestamp: string;
  readonly nonce?: string;
  readonly signature: string;
}

/** A signed request, ready for the transport. */
export interface SignedRequest extends ProduceRequest {
  readonly signing: SigningInfo;
}
