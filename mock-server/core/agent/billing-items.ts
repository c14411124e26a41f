/**
 * The billing items of an Agents product and where the gateway reads each quantity
 * (open-api.md §5.2 as written in docs/agents.md#billing, docs/fidelity.md#d57).
 */

export const BILLING_ITEMS = ['inputTokens', 'outputTokens', 'images', 'videoSeconds', 'speechSeconds', 'inputChars', 'inputBytes'] as const;
export type BillingItem = (typeof BILLING_ITEMS)[number];

/** Unit prices by item, for one unit each (one token, one image, one second, one character, one byte). */
export type AgentPrices = Readonly<Partial<Record<BillingItem, number>>>;

export interface ResponseItem {
  /** Paths into the answer, the first present one counts; the first is the name used in messages. */
  readonly paths: readonly (readonly string[])[];
  /** Multiplies the value read (speech: milliseconds to seconds). */
  readonly scale: number;
}

/** Items read from the backend's answer. */
export const RESPONSE_ITEMS: Readonly<Partial<Record<BillingItem, ResponseItem>>> = {
  inputTokens: { paths: [['usage', 'prompt_tokens'], ['usage', 'input_tokens']], scale: 1 },
  outputTokens: { paths: [['usage', 'completion_tokens'], ['usage', 'output_tokens']], scale: 1 },
  images: { paths: [['usage', 'image_count']], scale: 1 },
  videoSeconds: { paths: [['usage', 'video_duration']], scale: 1 },
  speechSeconds: { paths: [['transcripts', 'content_duration_in_milliseconds']], scale: 1 / 1000 },
};

/** With no prices configured, the items of the gateway's own example: tokens in and out. */
export const DEFAULT_ITEMS: readonly BillingItem[] = ['inputTokens', 'outputTokens'];

/** The items a run bills: those priced, else the default token items. */
export const billedItems = (prices: AgentPrices): BillingItem[] => {
  const priced = BILLING_ITEMS.filter((item) => prices[item] !== undefined);
  return priced.length > 0 ? priced : [...DEFAULT_ITEMS];
};

/** `usage.prompt_tokens (or usage.input_tokens)`: the field(s) of an item as messages name them. */
export const fieldNames = (item: ResponseItem): string => {
  const [first, ...rest] = item.paths.map((p) => p.join('.'));
  return rest.length === 0 ? (first ?? '') : `${first ?? ''} (or ${rest.join(' or ')})`;
};
