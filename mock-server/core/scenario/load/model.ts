/**
 * The scenario model: what a scenario file (docs/scenarios.md, schemas/scenario.schema.json)
 * means once parsed. Everything is plain data (JSON-serialisable) with every default filled in,
 * so the engine never looks at YAML and never guesses.
 */
import type { ChargingMode, PeriodType } from '../../market/catalog.js';
import type { OrderType } from '../../market/order.js';
import type { FaultRuleInput } from '../../openapi/fault-rule.js';
import type { CallFinal } from '../../produce/call-outcome.js';
import type { FidelityProfile } from '../../profile.js';
import type { AttackName } from '../../checks/attack-names.js';

/**
 * A value from the file that may hold references: strings may contain `${step.path}` (see
 * references.ts); objects and lists are walked. Resolve with `resolveTemplate` before use.
 */
export type TemplateValue = string | number | boolean | null | readonly TemplateValue[] | { readonly [key: string]: TemplateValue };

/** Profile options a scenario overrides, durations already in ms. */
export type ProfileOverrides = Partial<Omit<FidelityProfile, 'retryWindowMs'>> & {
  readonly retryWindowMs?: Readonly<Record<string, number>>;
};

/** Where a step starts in its file (1-based), for run-time messages. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

interface StepBase {
  /** The id from the file, or `<kind>@<n>` (n = 1-based position) for steps without one; unique. */
  readonly id: string;
  /** False when the id was generated: only named steps can be referenced. */
  readonly named: boolean;
  /** From the file, or a generated one such as `send refreshInstance RENEWAL`. */
  readonly title: string;
  /** `title_zh` from the file (a generated title is put in Chinese by the reporters). */
  readonly titleZh?: string;
  readonly position: SourcePosition;
}

/** A product of an order: a catalog productId, or the next catalog product charged this way. */
export type ProductSelector =
  | { readonly kind: 'productId'; readonly productId: string }
  | { readonly kind: 'chargingMode'; readonly chargingMode: ChargingMode };

export interface ExtendParamSpec {
  readonly name: string;
  readonly value: string;
}

/** A new order koomock places as the buyer, one line per product (select-products.ts picks them). */
export interface CatalogOrderSpec {
  readonly source: 'catalog';
  /**
   * With `follows`: empty (the followed line's product) or the one new product. Otherwise at
   * least one.
   */
  readonly products: readonly ProductSelector[];
  /**
   * Id of the step whose order line this follow-on order follows (an order step, or the send step
   * that created the instance); its buyer, product, expiry and price carry over (follow-on.ts).
   */
  readonly follows?: string;
  readonly orderType: OrderType;
  readonly periodType?: PeriodType;
  readonly periodNumber?: number;
  readonly linearValue?: number;
  /** `orderInfo.extendParams`; the `koomock.*` names drive a seller's test modes (docs/scenarios.md). */
  readonly extendParams: readonly ExtendParamSpec[];
  /** Put on every order line (`orderLine[].extendParams`). */
  readonly lineExtendParams: readonly ExtendParamSpec[];
}

/** One of the nine fixed debug orders every seller can query (docs/fidelity.md#d25); nothing is created. */
export interface MockOrderSpec {
  readonly source: 'mock';
  readonly orderId: MockOrderId;
}

export const MOCK_ORDER_IDS = [
  'MOCKPERIODYEARNEW',
  'MOCKONETIMENEW',
  'MOCKONDEMAND',
  'MOCKONDEMANDPKG',
  'MOCKPERIODDAYTRIAL',
  'MOCKMONTYTRIALTOFORMAL',
  'MOCKMONTYUNSUBSCRIBE',
  'MOCKMONTYRENEW',
  'MOCKMONTYCHANGE',
] as const;
export type MockOrderId = (typeof MOCK_ORDER_IDS)[number];

export interface OrderStep extends StepBase {
  readonly kind: 'order';
  readonly order: CatalogOrderSpec | MockOrderSpec;
}

/** How a value in the step's result must look. */
export type FieldMatcher =
  | { readonly kind: 'present'; readonly present: boolean }
  | { readonly kind: 'equals'; readonly value: TemplateValue }
  /** A JavaScript regular expression source (checked to compile), matched against the string value. */
  | { readonly kind: 'matches'; readonly pattern: string };

/** One `expect.fields` entry: a path into the step's `SendStepResult` and a matcher. */
export interface FieldExpectation {
  /** As written, e.g. `body.info[0].appInfo.frontEndUrl`. */
  readonly path: string;
  readonly segments: readonly (string | number)[];
  readonly matcher: FieldMatcher;
}

/**
 * `expect.openApi`: what the seller did on the fake Open APIs during the step, read from the
 * journal (inbound exchanges of `operation` between the step's start and end).
 */
export interface OpenApiExpectation {
  /** An Open API operation id, e.g. `order.query`. */
  readonly operation: string;
  /** At least this many requests (answered, failed or dropped): the seller retried. */
  readonly attemptsAtLeast?: number;
  /** `true`: a request succeeded on a host other than the primary one (the seller failed over); `false`: none did. */
  readonly failedOver?: boolean;
}

export interface Expectation {
  /** Allowed `resultCode`s of the activity's last answer; undefined = the checks' own rule (result.code). */
  readonly resultCode?: readonly string[];
  readonly fields: readonly FieldExpectation[];
  /** Check ids that must have run in the step with their latest result passing. */
  readonly pass: readonly string[];
  /** Check ids that must have failed in at least one attempt; such failures are expected, not reported as failures. */
  readonly fail: readonly string[];
  /** How the call must end; default `success`. */
  readonly outcome: CallFinal;
  /** Exact number of attempts of the activity itself (queryInstance polls after a 000004 not counted). */
  readonly attempts?: number;
  /**
   * Result fields that must equal a value from earlier steps. `instanceId` on newInstance is an
   * idempotency probe: the engine passes it as the previously issued instanceId (instance.idempotent).
   */
  readonly sameAs: Readonly<Record<string, TemplateValue>>;
  /** What the seller must have done on the fake Open APIs during the step. */
  readonly openApi?: OpenApiExpectation;
  /**
   * The id of an earlier attack step: this valid call proves the forged one had no effect. Its
   * failures are also reported as that attack's `security.<attack>` check (docs/security.md).
   */
  readonly noSideEffectOf?: string;
}

export interface SendStep extends StepBase {
  readonly kind: 'send';
  readonly activity: string;
  /** Builder input fields (CallSpec.fields); the builder adds `activity`, `businessId` and `testFlag`. */
  readonly with: Readonly<Record<string, TemplateValue>>;
  /** Raw body overrides after building (CallSpec.overrides): dotted paths, `null` deletes. */
  readonly set: Readonly<Record<string, TemplateValue>>;
  /** Signature parameter overrides (CallSpec.signOverrides): a string replaces, `null` omits. */
  readonly sign: Readonly<Record<string, string | null>>;
  /** Retry per the profile's window for the activity (docs/fidelity.md#d12); false = one attempt only. */
  readonly retry: boolean;
  /** Send `testFlag=1` (a debugging call, docs/fidelity.md#d6). */
  readonly debug: boolean;
  /**
   * Send a forged call instead (docs/security.md): the valid request, built and signed, then broken
   * by this attack; sent once, judged by `security.<attack>`, never booked into the marketplace
   * state. `replay` sends the valid call first, then the same bytes again.
   */
  readonly attack?: AttackName;
  /**
   * A marketplace-side timeout made by koomock (docs/fidelity.md, "Answer rules and timing"): the
   * answers of the first `dropAnswers` attempts are received, then dropped as if they came too late,
   * and the call is retried with a new businessId.
   */
  readonly dropAnswers: number;
  /** The step applies only to sellers whose answer has one of these result codes; otherwise it is skipped with `otherwise`. */
  readonly onlyIf?: { readonly resultCode: readonly string[]; readonly otherwise: string };
  readonly expect: Expectation;
}

export interface WaitStep extends StepBase {
  readonly kind: 'wait';
  /** Virtual milliseconds to advance the clock by; costs no wall time. */
  readonly ms: number;
}

/**
 * Fault rules for the steps that follow (docs/scenarios.md): added when the step runs, scoped to the
 * scenario, removed when it ends.
 */
export interface FaultsStep extends StepBase {
  readonly kind: 'faults';
  /** As written; the engine adds `scenario`. */
  readonly rules: readonly FaultRuleInput[];
}

/**
 * Waits, in real time, for the seller to push usage for an on-demand instance, and checks that
 * the marketplace accepted at least one record for it (`usage.pushed`).
 */
export interface UsageStep extends StepBase {
  readonly kind: 'usage';
  /** A template such as `${create.instanceId}`. */
  readonly instanceId: TemplateValue;
  /** Wall-clock time to wait; the seller meters on its own clock. */
  readonly withinMs: number;
}

/**
 * Plays the buyer's browser through the seller's single sign-on (docs/oauth.md) and checks the
 * `oauth.*` steps of the flow. Needs `seller.loginUrl`; a run without it skips the scenario.
 */
export interface SsoStep extends StepBase {
  readonly kind: 'sso';
  /** The order step whose buyer signs in. */
  readonly order: string;
  /** The tenantSync step of the buyer's tenant. */
  readonly tenant: string;
  /** The applicationSync step whose client the seller must use. */
  readonly application: string;
  /** Replay the spent code in a second browser (`oauth.code-reuse`). */
  readonly reuse: boolean;
  /** Open `seller.logoutUrl` after the login, when it is set (`oauth.logout`). */
  readonly logout: boolean;
}

/**
 * One call of the Agents gateway to the seller's Agents backend (docs/agents.md): a valid JWT is
 * judged by `agent.answer`, `agent.sse` and `agent.usage`, an expired or forged one by its rejection check.
 */
export interface AgentStep extends StepBase {
  readonly kind: 'agent';
  readonly stream: boolean;
  readonly jwt: 'valid' | 'expired' | 'forged';
  /** The request body as sent; koomock's default question when absent. */
  readonly body?: string;
}

/** What a scenario needs the seller to do or have; a run skips it unless told the seller does. */
export type ScenarioRequirement = 'usage-push' | 'agent-backend';

export type Step = OrderStep | SendStep | WaitStep | FaultsStep | UsageStep | AgentStep | SsoStep;
export type StepKind = Step['kind'];

export interface Scenario {
  /** kebab-case, unique across the files of a run. */
  readonly id: string;
  readonly title: string;
  readonly titleZh?: string;
  /** What the scenario proves, in a sentence or two. */
  readonly description?: string;
  /** `core`, `security`, ... (free kebab-case; the CLI can select by group). */
  readonly group: string;
  /** The file it came from, as named in messages. */
  readonly file: string;
  readonly profile: ProfileOverrides;
  /** What the seller must do by itself (docs/scenarios.md, `requires`). */
  readonly requires?: readonly ScenarioRequirement[];
  readonly steps: readonly Step[];
}

// ---- What steps produce (the engine fills these; references and `expect.fields` read them) ----

/** One order line as an order step's result. */
export interface OrderLineResult {
  readonly orderLineId: string;
  readonly chargingMode: ChargingMode;
  readonly productId: string;
  readonly skuCode: string;
  readonly productName: string;
  readonly linearValue?: number;
  readonly periodType?: PeriodType;
  readonly periodNumber?: number;
  /** UTC `yyyyMMddHHmmss` as in the order query. */
  readonly expireTime?: string;
  /** The same instant in epoch ms: a `time` field given a number is written per docs/fidelity.md#d8. */
  readonly expireAt?: number;
}

/** An order step's result: the first line's fields at the top, every line in `lines`. */
export interface OrderStepResult extends OrderLineResult {
  readonly orderId: string;
  readonly orderType: OrderType;
  readonly lines: readonly OrderLineResult[];
}

/** A send step's result. */
export interface SendStepResult {
  readonly activity: string;
  readonly outcome: CallFinal;
  /** Attempts of the activity itself (polls not counted). */
  readonly attempts: number;
  /** From the activity's last answer (for newInstance: the newInstance answer, not a poll). */
  readonly resultCode?: string;
  readonly resultMsg?: string;
  /** newInstance: the instanceId the seller issued; other activities: the one sent. */
  readonly instanceId?: string;
  /** newInstance: from its answer or from the queryInstance poll; queryInstance: `info[0].appInfo`. */
  readonly appInfo?: Readonly<Record<string, unknown>>;
  /** The businessId of the last attempt (newInstance). */
  readonly businessId?: string;
  /** The activity's last answer body as JSON. */
  readonly body?: Readonly<Record<string, unknown>>;
  /** The last request body (or V1 parameters) as sent. */
  readonly request?: Readonly<Record<string, unknown>>;
  /** The nonce of the last request as sent (V2 `nonce`, kit `x-nonce`): a later call may reuse it to prove no trace of it was kept. */
  readonly nonce?: string;
}

/** Fields of each entry of an order step's `lines`. */
export const ORDER_LINE_RESULT_FIELDS = [
  'orderLineId',
  'chargingMode',
  'productId',
  'skuCode',
  'productName',
  'linearValue',
  'periodType',
  'periodNumber',
  'expireTime',
  'expireAt',
] as const satisfies readonly (keyof OrderLineResult)[];

/** Result names an order step offers to `${step.name}`: the order's, its first line's, and `lines`. */
export const ORDER_RESULT_FIELDS = ['orderId', 'orderType', ...ORDER_LINE_RESULT_FIELDS, 'lines'] as const satisfies readonly (keyof OrderStepResult)[];

/** Result names a send step offers to `${step.name}` and `expect.fields`. */
export const SEND_RESULT_FIELDS = [
  'activity',
  'outcome',
  'attempts',
  'resultCode',
  'resultMsg',
  'instanceId',
  'appInfo',
  'businessId',
  'body',
  'request',
  'nonce',
] as const satisfies readonly (keyof SendStepResult)[];

/** Results whose inner fields are free (seller data), so paths below them are not checked. */
export const OPEN_RESULT_FIELDS: ReadonlySet<string> = new Set(['appInfo', 'body', 'request']);

