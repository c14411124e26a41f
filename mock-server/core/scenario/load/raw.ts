/**
 * The shape of a scenario file once it passed scenario.schema.json: what the semantic checks and
 * the model builder read. Only parse.ts produces these.
 */
export interface RawExtendParam {
  readonly name: string;
  readonly value: string | number | boolean;
}

export interface RawOrder {
  readonly product?: string;
  readonly products?: readonly string[];
  readonly mock?: string;
  /** `${step}`: the step whose order line a follow-on order follows. */
  readonly follows?: string;
  readonly orderType?: string;
  readonly periodType?: string;
  readonly periodNumber?: number;
  readonly linearValue?: number;
  readonly extendParams?: readonly RawExtendParam[];
  readonly lineExtendParams?: readonly RawExtendParam[];
}

export interface RawExpect {
  readonly resultCode?: string | readonly string[];
  readonly fields?: Readonly<Record<string, unknown>>;
  readonly pass?: readonly string[];
  readonly fail?: readonly string[];
  readonly outcome?: string;
  readonly attempts?: number;
  readonly sameAs?: Readonly<Record<string, unknown>>;
  readonly openApi?: { readonly operation: string; readonly attemptsAtLeast?: number; readonly failedOver?: boolean };
  readonly noSideEffectOf?: string;
}

export interface RawStep {
  readonly id?: string;
  readonly title?: string;
  readonly title_zh?: string;
  readonly order?: RawOrder;
  readonly send?: string;
  readonly wait?: number | string;
  /** Fault rules (checked by validateFaultRule, not only the schema). */
  readonly faults?: readonly Readonly<Record<string, unknown>>[];
  /** Wait for the seller's usage push (needs `requires: [usage-push]`). */
  readonly usage?: { readonly instanceId: string; readonly within?: number | string };
  /** Play the buyer's browser through the seller's single sign-on (docs/oauth.md). */
  readonly sso?: { readonly order: string; readonly tenant: string; readonly application: string; readonly reuse?: boolean; readonly logout?: boolean };
  /** One call of the Agents gateway (needs `requires: [agent-backend]`). */
  readonly agent?: { readonly stream?: boolean; readonly jwt?: 'valid' | 'expired' | 'forged'; readonly body?: Readonly<Record<string, unknown>> };
  readonly with?: Readonly<Record<string, unknown>>;
  readonly set?: Readonly<Record<string, unknown>>;
  readonly sign?: Readonly<Record<string, string | null>>;
  readonly retry?: boolean;
  readonly debug?: boolean;
  readonly attack?: string;
  readonly dropAnswers?: number;
  readonly onlyIf?: { readonly resultCode: string | readonly string[]; readonly otherwise: string };
  readonly expect?: RawExpect;
}

export interface RawScenario {
  readonly id: string;
  readonly title: string;
  readonly title_zh?: string;
  readonly description?: string;
  readonly group?: string;
  readonly debug?: boolean;
  readonly requires?: readonly string[];
  readonly profile?: Readonly<Record<string, unknown>>;
  readonly steps: readonly RawStep[];
}

/** The interface generation a scenario's calls use: its own profile's, else V2 (docs/fidelity.md#d1). */
export const generationOf = (raw: RawScenario): 'v1' | 'v2' => (raw.profile?.['generation'] === 'v1' ? 'v1' : 'v2');
