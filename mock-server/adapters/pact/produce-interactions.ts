/**
 * The produce contract (KooGallery -> seller) as data: one interaction per activity and scene of
 * the single-call steps of the suite, the provider state that must exist first, which request
 * fields come from that state, and what the answer must hold. Pact-free, so docs, tests and the
 * generator read the same list. docs/pact.md explains each part.
 */

/** Provider states a seller's verification must support (koomock's verifier sets them up itself). */
export const PRODUCE_STATES = {
  order: 'a monthly PERIOD order line exists',
  instance: 'an instance exists',
  frozen: 'a frozen instance exists',
  trialConversion: 'a trial instance exists and a TRIAL_TO_FORMAL order line for it',
  renewal: 'an instance exists and a RENEW order line for it',
  unsubscribe: 'an instance exists and an UNSUBSCRIBE order line for it',
  change: 'an instance exists and a CHANGE order line for it',
  wrongKey: 'the call is signed with a key that is not the seller\'s',
  staleTimestamp: 'the call is signed with a timestamp 10 minutes old',
} as const;
export type ProduceState = (typeof PRODUCE_STATES)[keyof typeof PRODUCE_STATES];

/** A request field whose value the provider state supplies: `${name}` (or a template around it). */
export interface FromState {
  readonly fromState: string;
  /** The example written into the pact (and sent by the consumer test). */
  readonly example: string;
}

/** What the seller's answer must hold. */
export interface AnswerRule {
  /** Exact: the platform acts on these codes. A list: any of them (first is the example). */
  readonly resultCode: string | readonly string[];
  /** Fields the seller chooses: present, of this type, any value (example given). */
  readonly sellerChooses?: Readonly<Record<string, string>>;
  /** queryInstance: `info` is a list of instances each with these members. */
  readonly infoList?: boolean;
}

export interface ProduceInteraction {
  /** Stable id (file-name safe), e.g. `newInstance`, `refreshInstance-RENEWAL`. */
  readonly id: string;
  readonly description: string;
  readonly activity: string;
  readonly states: readonly ProduceState[];
  readonly fields: Readonly<Record<string, unknown | FromState>>;
  readonly answer: AnswerRule;
  /** The koomock release that added this interaction; newer than a seller's pact: pending. */
  readonly since: string;
}

const EXAMPLE_ORDER_ID = 'CS2612070000KOOMK';
const EXAMPLE_LINE_ID = `${EXAMPLE_ORDER_ID}-000001`;
const EXAMPLE_INSTANCE_ID = '5b6f2c1e-8d7a-4e3b-9c0f-1a2b3c4d5e6f';
const EXAMPLE_EXPIRE = '20270107155959';
const EXAMPLE_PRODUCT = 'OFFI900000000000000001';

const fromState = (name: string, example: string, template = `\${${name}}`): FromState => ({ fromState: template, example });
const ORDER_ID = fromState('orderId', EXAMPLE_ORDER_ID);
const LINE_ID = fromState('orderLineId', EXAMPLE_LINE_ID);
const INSTANCE_ID = fromState('instanceId', EXAMPLE_INSTANCE_ID);
const EXPIRE = fromState('expireTime', EXAMPLE_EXPIRE);

const OK: AnswerRule = { resultCode: '000000', sellerChooses: { resultMsg: 'success' } };
const CREATED: AnswerRule = { resultCode: '000000', sellerChooses: { resultMsg: 'success', instanceId: EXAMPLE_INSTANCE_ID } };
/** Authentication failed: the platform treats 000001 as "signature rejected". */
const REJECTED: AnswerRule = { resultCode: '000001', sellerChooses: { resultMsg: 'authentication failed' } };

const V = '0.1.0';

const refresh = (scene: string, state: ProduceState, extra: Readonly<Record<string, unknown>> = {}): ProduceInteraction => ({
  id: `refreshInstance-${scene}`,
  description: `refreshInstance, scene ${scene}`,
  activity: 'refreshInstance',
  states: [state],
  fields: { scene, instanceId: INSTANCE_ID, orderId: ORDER_ID, orderLineId: LINE_ID, expireTime: EXPIRE, ...extra },
  answer: OK,
  since: V,
});

/** One call in one provider state; the activity is the id up to its first `-`. */
const call = (id: string, description: string, state: ProduceState, fields: Readonly<Record<string, unknown>>, answer: AnswerRule = OK): ProduceInteraction => ({
  id,
  description,
  activity: id.split('-')[0] ?? id,
  states: [state],
  fields,
  answer,
  since: V,
});

/** A kit operation for an existing instance, always answered 000000. */
const kit = (operation: string, description: string, fields: Readonly<Record<string, unknown>>): ProduceInteraction => ({
  id: operation,
  description,
  activity: operation,
  states: [PRODUCE_STATES.instance],
  fields: { instanceId: INSTANCE_ID, tenantId: 'tenant-koomock-1', ...fields },
  answer: OK,
  since: V,
});

/** Every produce interaction, in the order the pact lists them. */
export const PRODUCE_INTERACTIONS: readonly ProduceInteraction[] = [
  {
    id: 'newInstance',
    description: 'newInstance for a monthly PERIOD order line',
    activity: 'newInstance',
    states: [PRODUCE_STATES.order],
    fields: { orderId: ORDER_ID, orderLineId: LINE_ID },
    answer: CREATED,
    since: V,
  },
  {
    id: 'newInstance-unknown-order-line',
    description: 'newInstance naming an order line the order does not have',
    activity: 'newInstance',
    states: [PRODUCE_STATES.order],
    // The seller must read the order line it was given from the order query, not just the order.
    fields: { orderId: ORDER_ID, orderLineId: fromState('orderId', `${EXAMPLE_ORDER_ID}-000009`, '${orderId}-000009') },
    answer: { resultCode: ['000002', '000003', '000005'], sellerChooses: { resultMsg: 'invalid parameter' } },
    since: V,
  },
  refresh('TRIAL_TO_FORMAL', PRODUCE_STATES.trialConversion, { productId: fromState('productId', EXAMPLE_PRODUCT) }),
  refresh('RENEWAL', PRODUCE_STATES.renewal),
  refresh('UNSUBSCRIBE_RENEWAL_PERIOD', PRODUCE_STATES.unsubscribe),
  refresh('RENEWAL_CHANGE', PRODUCE_STATES.change),
  call('updateInstanceStatus-FREEZE', 'updateInstanceStatus FREEZE', PRODUCE_STATES.instance, { instanceId: INSTANCE_ID, status: 'FREEZE' }),

  call('updateInstanceStatus-UNFREEZE', 'updateInstanceStatus UNFREEZE', PRODUCE_STATES.frozen, { instanceId: INSTANCE_ID, status: 'UNFREEZE' }),

  call('upgradeInstance', 'upgradeInstance with a CHANGE order line', PRODUCE_STATES.change, { instanceId: INSTANCE_ID, orderId: ORDER_ID, orderLineId: LINE_ID }),

  call('changeInstanceCheck', 'changeInstanceCheck for a larger quantity', PRODUCE_STATES.instance, {
    instanceId: INSTANCE_ID,
    productInfo: { productId: fromState('productId', EXAMPLE_PRODUCT), skuCode: fromState('skuCode', '9a2c1f3e-0b4d-4e6f-8a7b-c5d4e3f2a1b0'), linearValue: 20, productName: 'koomock example product' },
  }),

  call('queryInstance', 'queryInstance for an instance', PRODUCE_STATES.instance, { instanceId: INSTANCE_ID }, { resultCode: '000000', sellerChooses: { resultMsg: 'success' }, infoList: true }),

  call('releaseInstance', 'releaseInstance', PRODUCE_STATES.instance, { instanceId: INSTANCE_ID }),

  {
    id: 'orderNotify',
    description: 'orderNotify for a monthly PERIOD order line (general key)',
    activity: 'orderNotify',
    states: [PRODUCE_STATES.order],
    fields: { orderId: ORDER_ID, orderLineId: LINE_ID },
    answer: OK,
    since: V,
  },
  kit('tenantSync', 'kit tenantSync adds a tenant', { orderId: ORDER_ID, tenantCode: 'koomock-tenant', name: 'koomock tenant', domainName: 'tenant.example.com', flag: 1 }),
  kit('applicationSync', 'kit applicationSync adds an application', {
    appId: 'app-koomock-1',
    clientId: 'client-koomock-1',
    clientSecret: 'c2VjcmV0LWVuY3J5cHRlZC13aXRoLXRoZS1zZWxsZXItcHVibGljLWtleQ==',
    flag: 1,
  }),
  kit('authSync', 'kit authSync adds a user', {
    appId: 'app-koomock-1',
    userList: [{ userName: 'zhangsan', name: 'Zhang San', orgCode: 'root', role: 'USER', enable: 'true' }],
    flag: 1,
  }),
  kit('singleOrgSync', 'kit singleOrgSync adds an organisation', { orgCode: 'org-1', orgName: 'Sales', parentCode: 'root', flag: 1 }),
  kit('allOrgSync', 'kit allOrgSync replaces the organisations', {
    orgInfoList: [
      { orgCode: 'root', orgName: 'Headquarters' },
      { orgCode: 'org-1', orgName: 'Sales', parentCode: 'root' },
    ],
  }),
  {
    id: 'releaseInstance-wrong-key',
    description: 'releaseInstance signed with a key that is not the seller\'s',
    activity: 'releaseInstance',
    states: [PRODUCE_STATES.instance, PRODUCE_STATES.wrongKey],
    fields: { instanceId: INSTANCE_ID },
    answer: REJECTED,
    since: V,
  },
  {
    id: 'newInstance-stale-timestamp',
    description: 'newInstance signed 10 minutes ago',
    activity: 'newInstance',
    states: [PRODUCE_STATES.order, PRODUCE_STATES.staleTimestamp],
    fields: { orderId: ORDER_ID, orderLineId: LINE_ID },
    answer: REJECTED,
    since: V,
  },
];

export const isFromState = (v: unknown): v is FromState =>
  typeof v === 'object' && v !== null && typeof (v as FromState).fromState === 'string' && typeof (v as FromState).example === 'string';

/** The request fields with every provider-state value replaced by its example (what the builders get). */
export function toExampleFields(fields: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (isFromState(v)) out[k] = v.example;
    else if (typeof v === 'object' && v !== null && !Array.isArray(v)) out[k] = toExampleFields(v as Record<string, unknown>);
    else out[k] = v;
  }
  return out;
}
