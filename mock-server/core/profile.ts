/**
 * The fidelity profile: one named option for every point docs/fidelity.md had to decide.
 * Every report states the profile values a run used.
 */
export interface FidelityProfile {
  /** docs/fidelity.md#d1 interface generation. */
  readonly generation: 'v2' | 'v1';
  /** docs/fidelity.md#d3 unit of the `timestamp` URL parameter. */
  readonly timestampUnit: 'ms' | 'seconds';
  /** docs/fidelity.md#d4 nonce shape. */
  readonly nonce: 'alnum32' | 'hex64';
  /** docs/fidelity.md#d5 case of the hex signature sent to the seller. */
  readonly signatureCase: 'upper' | 'lower';
  /** docs/fidelity.md#d6 `testFlag`: omitted in normal runs, or always "0"/"1". */
  readonly testFlag: 'omit' | 'zero';
  /** docs/fidelity.md#d7 call timeout, ms. */
  readonly callTimeoutMs: number;
  /** docs/fidelity.md#d8 digits of `refreshInstance.expireTime`. */
  readonly expireTimeDigits: 14 | 17;
  /** docs/fidelity.md#d10 async provisioning polling. */
  readonly pollIntervalMs: number;
  readonly pollWindowMs: number;
  /**
   * Response Body-Sign in V2 (docs/fidelity.md#answer-rules-and-timing): `present` = not
   * required, a wrong one is a warning (V2 answers are unsigned); `strict` = required and verified.
   * V1 always requires it.
   */
  readonly bodySign: 'present' | 'strict';
  /**
   * newInstance result codes 000100-000107 (definitive business refusals, produce-api.md §5):
   * `retry` = a failed attempt like any other non-000000 answer, retried within the window (the
   * spec's rule, the default); `final` = the call ends at once, refused, and the order fails.
   */
  readonly definitiveCodes: 'retry' | 'final';
  /** docs/fidelity.md#d12 retry window per activity, ms (0 = no automatic retry). */
  readonly retryWindowMs: Readonly<Record<string, number>>;
  /** docs/fidelity.md#d13 retry interval, ms. */
  readonly retryIntervalMs: number;
  /** docs/joint-operation.md#the-oaep-variant: the RSA-OAEP variant of the kit clientSecret. */
  readonly oaepHash: 'sha256' | 'sha256-mgf1-sha1' | 'sha1';
  /**
   * docs/fidelity.md#d40 how V1 `mobilePhone` / `email` are encrypted: `aes256` (encryptType 1, the
   * platform's default) or `aes128` (encryptType 2).
   */
  readonly v1EncryptType: 'aes256' | 'aes128';
  /** docs/fidelity.md#d20 APIG AK/SK verification. */
  readonly apigAuth: 'on' | 'off';
  /** docs/fidelity.md#d26 usage push body signature: raw bytes only, or also a key-sorted re-serialisation. */
  readonly usageSignature: 'raw' | 'canonical';
  /** docs/fidelity.md#d30 per-seller rate limit, requests per second (0 = none). */
  readonly rateLimitPerSecond: number;
  /** docs/fidelity.md#d21 debug mode: error bodies include the canonical request the emulator built. */
  readonly debug: boolean;
  /**
   * Bounded wall time: after this many attempts of one call in a row fail with the same transport
   * error (timeout, refused, reset), stop retrying and report the rest of the platform's retries
   * instead of waiting them (0 = retry as long as the platform does). docs/config.md.
   */
  readonly transportGiveUpAfter: number;
  /** APIG locks an AK for 5 minutes after 5 failed signatures in a row (APIG.0301); `off` never locks. */
  readonly apigLockout: 'on' | 'off';
  /** docs/fidelity.md#d32 when a converted trial's paid period starts: at the conversion, or when the trial ends. */
  readonly trialPaidFrom: 'conversion' | 'trial-end';
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const DEFAULT_PROFILE: FidelityProfile = Object.freeze({
  generation: 'v2',
  timestampUnit: 'ms',
  nonce: 'alnum32',
  signatureCase: 'upper',
  testFlag: 'omit',
  callTimeoutMs: 20_000,
  expireTimeDigits: 14,
  pollIntervalMs: 10_000,
  pollWindowMs: 3 * HOUR,
  bodySign: 'present',
  definitiveCodes: 'retry',
  retryWindowMs: Object.freeze({
    newInstance: 3 * HOUR,
    upgradeInstance: 3 * HOUR,
    orderNotify: 3 * HOUR,
    refreshInstance: HOUR,
    updateInstanceStatus: HOUR,
    releaseInstance: HOUR,
    changeInstanceCheck: HOUR,
    queryInstance: 0,
    tenantSync: 0,
    applicationSync: 0,
    authSync: 0,
    singleOrgSync: 0,
    allOrgSync: 0,
  }),
  retryIntervalMs: 3 * MINUTE,
  oaepHash: 'sha256',
  v1EncryptType: 'aes256',
  apigAuth: 'on',
  usageSignature: 'raw',
  rateLimitPerSecond: 0,
  debug: false,
  transportGiveUpAfter: 3,
  apigLockout: 'on',
  trialPaidFrom: 'conversion',
}) as FidelityProfile;

/**
 * Profile with some options changed; unknown option names are the caller's bug (typed).
 * @internal Exported for the tests.
 */
export const withProfile = (overrides: Partial<FidelityProfile>): FidelityProfile => ({
  ...DEFAULT_PROFILE,
  ...overrides,
  retryWindowMs: { ...DEFAULT_PROFILE.retryWindowMs, ...overrides.retryWindowMs },
});
