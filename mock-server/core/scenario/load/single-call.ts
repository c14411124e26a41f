/**
 * One signed call as a scenario (`koomock send`, `POST /_koomock/send`, replays): the engine then
 * judges it exactly as in a run. An activity that names an order gets a fresh one when none is given.
 */
import type { AttackName } from '../../checks/attack-names.js';
import type { FieldSpec } from '../../produce/field-spec.js';
import { fieldSpecsOf } from './activities.js';
import type { Expectation, OrderStep, Scenario, SendStep, Step, TemplateValue } from './model.js';

export interface SingleCallInput {
  readonly activity: string;
  /** Builder fields (CallSpec.fields). */
  readonly fields?: Readonly<Record<string, unknown>>;
  /** Raw body overrides after building (CallSpec.overrides). */
  readonly overrides?: Readonly<Record<string, unknown>>;
  readonly signOverrides?: Readonly<Record<string, string | null>>;
  /** `--order ID`: orderId, and orderLineId `<ID>-000001` unless given. */
  readonly order?: string;
  /** `--instance ID`. */
  readonly instance?: string;
  /** Retry per the profile's window (docs/fidelity.md#d12); default: one attempt. */
  readonly retry?: boolean;
  /** Send testFlag=1. */
  readonly debug?: boolean;
  readonly generation?: 'v1' | 'v2';
  /** Step id in reports (default `send`). */
  readonly stepId?: string;
  /** Send the call broken one way (docs/security.md), judged by `security.<attack>`. */
  readonly attack?: AttackName;
}

/** The order a call gets when it names none: what the marketplace would have placed first. */
const ORDER_TYPES: Readonly<Record<string, OrderStep['order'] & { source: 'catalog' }>> = {
  newInstance: { source: 'catalog', products: [{ kind: 'chargingMode', chargingMode: 'PERIOD' }], orderType: 'NEW', periodType: 'month', periodNumber: 1, extendParams: [], lineExtendParams: [] },
  orderNotify: { source: 'catalog', products: [{ kind: 'chargingMode', chargingMode: 'PERIOD' }], orderType: 'NEW', periodType: 'month', periodNumber: 1, extendParams: [], lineExtendParams: [] },
  upgradeInstance: { source: 'catalog', products: [{ kind: 'chargingMode', chargingMode: 'PERIOD' }], orderType: 'CHANGE', periodType: 'month', periodNumber: 1, extendParams: [], lineExtendParams: [] },
  refreshInstance: { source: 'catalog', products: [{ kind: 'chargingMode', chargingMode: 'PERIOD' }], orderType: 'RENEW', periodType: 'month', periodNumber: 1, extendParams: [], lineExtendParams: [] },
};

/** The group of a one-call scenario: its field mistakes are the command line's, not a file's. */
export const SINGLE_CALL_GROUP = 'send';

/** Whether a call without `order` gets a fresh order placed first. */
export const getsFreshOrder = (activity: string, generation: 'v1' | 'v2' = 'v2'): boolean => generation === 'v2' && ORDER_TYPES[activity] !== undefined;

const POSITION = { line: 1, column: 1 } as const;

const has = (specs: readonly FieldSpec[] | undefined, name: string): boolean => specs?.some((s) => s.name === name) === true;

// A value a user typed is data, never a reference: `${` is escaped as `$${`.
const literal = (v: unknown): TemplateValue => {
  if (typeof v === 'string') return v.replaceAll('${', () => '$${');
  if (Array.isArray(v)) return v.map(literal);
  if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, literal(x)]));
  return v as TemplateValue;
};

const literalMap = (m: Readonly<Record<string, unknown>> | undefined): Record<string, TemplateValue> =>
  Object.fromEntries(Object.entries(m ?? {}).map(([k, v]) => [k, literal(v)]));

/**
 * The scenario of one call.
 * @example
 *   toSingleCallScenario({ activity: 'newInstance' }).steps.map((s) => s.kind); // ['order', 'send']
 *   toSingleCallScenario({ activity: 'queryInstance', instance: 'i-1' }).steps.map((s) => s.kind); // ['send']
 */
export function toSingleCallScenario(input: SingleCallInput): Scenario {
  const generation = input.generation ?? 'v2';
  const specs = fieldSpecsOf(input.activity, generation);
  const given = input.fields ?? {};
  const fields: Record<string, TemplateValue> = literalMap(given);
  const steps: Step[] = [];
  const needsOrder = has(specs, 'orderId') && given['orderId'] === undefined;
  if (needsOrder && input.order !== undefined) {
    fields['orderId'] = literal(input.order);
    if (has(specs, 'orderLineId') && given['orderLineId'] === undefined) fields['orderLineId'] = literal(`${input.order}-000001`);
  } else if (needsOrder && ORDER_TYPES[input.activity] !== undefined && generation === 'v2') {
    const order: OrderStep = { kind: 'order', id: 'order', named: true, title: `order ${ORDER_TYPES[input.activity]?.orderType ?? 'NEW'} PERIOD`, position: POSITION, order: ORDER_TYPES[input.activity] as OrderStep['order'] };
    steps.push(order);
    fields['orderId'] = '${order.orderId}';
    if (has(specs, 'orderLineId') && given['orderLineId'] === undefined) fields['orderLineId'] = '${order.orderLineId}';
    if (input.activity === 'refreshInstance' && given['expireTime'] === undefined) fields['expireTime'] = '${order.expireAt}';
  }
  if (input.activity === 'refreshInstance' && given['scene'] === undefined) fields['scene'] = 'RENEWAL';
  if (input.instance !== undefined && has(specs, 'instanceId') && given['instanceId'] === undefined) fields['instanceId'] = literal(input.instance);
  const expect: Expectation = { fields: [], pass: [], fail: [], outcome: 'success', sameAs: {} };
  const stepId = input.stepId ?? 'send';
  const send: SendStep = {
    kind: 'send',
    id: stepId,
    named: true,
    title: `send ${input.activity}`,
    position: POSITION,
    activity: input.activity,
    with: fields,
    set: literalMap(input.overrides),
    sign: Object.fromEntries(Object.entries(input.signOverrides ?? {}).map(([k, v]) => [k, v === null ? null : (literal(v) as string)])),
    retry: input.retry === true,
    debug: input.debug === true,
    dropAnswers: 0,
    ...(input.attack === undefined ? {} : { attack: input.attack }),
    expect,
  };
  steps.push(send);
  return {
    id: `send-${input.activity}`,
    title: `send ${input.activity}`,
    group: SINGLE_CALL_GROUP,
    file: '(command line)',
    profile: generation === 'v1' ? { generation: 'v1' } : {},
    steps,
  };
}

