import type { ChargingMode, PeriodType } from '../../market/catalog.js';
import type { OrderType } from '../../market/order.js';
import type { CallFinal } from '../../produce/call-outcome.js';
import { CHARGING_MODES } from './validate-order.js';
import { kindOf } from './validate-scenario.js';
import { formatDuration, parseDuration } from '../../duration.js';
import type {
  Expectation,
  FieldExpectation,
  FieldMatcher,
  MockOrderId,
  OrderStep,
  ProductSelector,
  ProfileOverrides,
  Scenario,
  SendStep,
  SourcePosition,
  Step,
  TemplateValue,
} from './model.js';
import type { AttackName } from '../../checks/attack-names.js';
import { toFollowedStep } from './references.js';
import type { RawExpect, RawExtendParam, RawOrder, RawScenario, RawStep } from './raw.js';
import { toFaultRule, toFaultsTitle } from './faults-step.js';
import { parsePath } from './references.js';
import { toPointer } from '../../schemas/located-yaml.js';
import { isObject } from '../../is-object.js';

/** How long a `usage` step waits for the seller's push by default (real time). */
export const DEFAULT_USAGE_WAIT_MS = 30_000;

const DURATION_OPTIONS = new Set(['callTimeoutMs', 'pollIntervalMs', 'pollWindowMs', 'retryIntervalMs']);

/** Profile overrides with every duration in ms (the schema admitted only valid durations). */
function toProfile(raw: Readonly<Record<string, unknown>> | undefined): ProfileOverrides {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw ?? {})) {
    if (key === 'retryWindowMs') {
      out[key] = Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([a, d]) => [a, parseDuration(d) ?? 0]));
    } else {
      out[key] = DURATION_OPTIONS.has(key) ? (parseDuration(value) ?? 0) : value;
    }
  }
  return out as ProfileOverrides;
}

const toParams = (list: readonly RawExtendParam[] | undefined) => (list ?? []).map((p) => ({ name: p.name, value: String(p.value) }));

const toSelector = (s: string): ProductSelector =>
  (CHARGING_MODES as readonly string[]).includes(s) ? { kind: 'chargingMode', chargingMode: s as ChargingMode } : { kind: 'productId', productId: s };

function toOrder(raw: RawOrder): OrderStep['order'] {
  if (raw.mock !== undefined) return { source: 'mock', orderId: raw.mock as MockOrderId };
  return {
    source: 'catalog',
    products: (raw.products ?? (raw.product === undefined ? [] : [raw.product])).map(toSelector),
    orderType: (raw.orderType ?? 'NEW') as OrderType,
    ...(raw.follows === undefined ? {} : { follows: toFollowedStep(raw.follows) }),
    ...(raw.periodType === undefined ? {} : { periodType: raw.periodType as PeriodType }),
    ...(raw.periodNumber === undefined ? {} : { periodNumber: raw.periodNumber }),
    ...(raw.linearValue === undefined ? {} : { linearValue: raw.linearValue }),
    extendParams: toParams(raw.extendParams),
    lineExtendParams: toParams(raw.lineExtendParams),
  };
}

function toMatcher(v: unknown): FieldMatcher {
  if (isObject(v)) {
    if (typeof v['present'] === 'boolean') return { kind: 'present', present: v['present'] };
    if (typeof v['matches'] === 'string') return { kind: 'matches', pattern: v['matches'] };
    return { kind: 'equals', value: v['equals'] as TemplateValue };
  }
  return { kind: 'equals', value: v as TemplateValue };
}

function toExpectation(raw: RawExpect | undefined): Expectation {
  const fields: FieldExpectation[] = Object.entries(raw?.fields ?? {}).map(([path, v]) => ({
    path,
    segments: parsePath(path) ?? [path],
    matcher: toMatcher(v),
  }));
  const codes = raw?.resultCode;
  return {
    ...(codes === undefined ? {} : { resultCode: typeof codes === 'string' ? [codes] : [...codes] }),
    fields,
    pass: [...(raw?.pass ?? [])],
    fail: [...(raw?.fail ?? [])],
    outcome: (raw?.outcome ?? 'success') as CallFinal,
    ...(raw?.attempts === undefined ? {} : { attempts: raw.attempts }),
    sameAs: (raw?.sameAs ?? {}) as Readonly<Record<string, TemplateValue>>,
    ...(raw?.openApi === undefined ? {} : { openApi: { ...raw.openApi } }),
    ...(raw?.noSideEffectOf === undefined ? {} : { noSideEffectOf: raw.noSideEffectOf }),
  };
}

function defaultTitle(raw: RawStep): string {
  if (raw.order !== undefined) {
    const o = raw.order;
    if (o.mock !== undefined) return `order mock ${o.mock}`;
    const products = (o.products ?? (o.product === undefined ? [] : [o.product])).join(' + ');
    const follows = o.follows === undefined ? '' : ` following ${toFollowedStep(o.follows)}`;
    return `order ${o.orderType ?? 'NEW'}${products === '' ? '' : ` ${products}`}${follows}`;
  }
  if (raw.send !== undefined) {
    const detail = [raw.with?.['scene'], raw.with?.['status']].find((v) => typeof v === 'string' && !v.includes('${'));
    const title = detail === undefined ? `send ${raw.send}` : `send ${raw.send} ${String(detail)}`;
    return raw.attack === undefined ? title : `${title}, forged: ${raw.attack}`;
  }
  if (raw.faults !== undefined) return toFaultsTitle(raw.faults);
  if (raw.usage !== undefined) return `await the seller's usage push for ${raw.usage.instanceId}`;
  if (raw.agent !== undefined) return `agent call, ${raw.agent.stream === true ? 'stream' : 'JSON'}, ${raw.agent.jwt ?? 'valid'} JWT`;
  if (raw.sso !== undefined) return 'single sign-on as the buyer';
  return `wait ${formatDuration(parseDuration(raw.wait) ?? 0)}`;
}

function toStep(raw: RawStep, index: number, scenarioDebug: boolean, position: SourcePosition): Step {
  const kind = kindOf(raw);
  const base = {
    id: raw.id ?? `${kind}@${index + 1}`,
    named: raw.id !== undefined,
    title: raw.title ?? defaultTitle(raw),
    ...(raw.title_zh === undefined ? {} : { titleZh: raw.title_zh }),
    position,
  };
  if (raw.order !== undefined) return { ...base, kind: 'order', order: toOrder(raw.order) };
  if (raw.send !== undefined) {
    const send: SendStep = {
      ...base,
      kind: 'send',
      activity: raw.send,
      with: (raw.with ?? {}) as Readonly<Record<string, TemplateValue>>,
      set: (raw.set ?? {}) as Readonly<Record<string, TemplateValue>>,
      sign: raw.sign ?? {},
      // A forged call is sent once: the marketplace never retries what it did not send.
      retry: raw.retry ?? raw.attack === undefined,
      debug: raw.debug ?? scenarioDebug,
      ...(raw.attack === undefined ? {} : { attack: raw.attack as AttackName }),
      dropAnswers: raw.dropAnswers ?? 0,
      ...(raw.onlyIf === undefined
        ? {}
        : { onlyIf: { resultCode: typeof raw.onlyIf.resultCode === 'string' ? [raw.onlyIf.resultCode] : [...raw.onlyIf.resultCode], otherwise: raw.onlyIf.otherwise } }),
      expect: toExpectation(raw.expect),
    };
    return send;
  }
  if (raw.faults !== undefined) return { ...base, kind: 'faults', rules: raw.faults.map(toFaultRule) };
  if (raw.agent !== undefined) {
    return { ...base, kind: 'agent', stream: raw.agent.stream ?? false, jwt: raw.agent.jwt ?? 'valid', ...(raw.agent.body === undefined ? {} : { body: JSON.stringify(raw.agent.body) }) };
  }
  if (raw.usage !== undefined) return { ...base, kind: 'usage', instanceId: raw.usage.instanceId, withinMs: parseDuration(raw.usage.within) ?? DEFAULT_USAGE_WAIT_MS };
  if (raw.sso !== undefined) {
    const { order, tenant, application } = raw.sso;
    return { ...base, kind: 'sso', order, tenant, application, reuse: raw.sso.reuse ?? true, logout: raw.sso.logout ?? true };
  }
  return { ...base, kind: 'wait', ms: parseDuration(raw.wait) ?? 0 };
}

/** The model of a scenario that passed the schema and the semantic checks, defaults filled in. */
export function toScenario(raw: RawScenario, file: string, locate: (pointer: string) => SourcePosition): Scenario {
  return {
    id: raw.id,
    title: raw.title,
    ...(raw.title_zh === undefined ? {} : { titleZh: raw.title_zh }),
    ...(raw.description === undefined ? {} : { description: raw.description.trim() }),
    group: raw.group ?? 'core',
    file,
    profile: toProfile(raw.profile),
    ...(raw.requires === undefined || raw.requires.length === 0 ? {} : { requires: raw.requires as NonNullable<Scenario['requires']> }),
    steps: raw.steps.map((s, i) => toStep(s, i, raw.debug ?? false, locate(toPointer(['steps', i])))),
  };
}
