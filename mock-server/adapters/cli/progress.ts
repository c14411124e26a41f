/**
 * One line per scenario while a run goes on (the full checklist comes at the end), and a line for
 * every call that ended as a production interface message, with how to restart it.
 */
import type { ProduceExchange } from '../../core/ports.js';
import type { EngineEvent, JournalContext } from '../../core/scenario/run/engine-types.js';
import { isFailure, isSkippedScenario } from '../../core/scenario/run/report.js';
import type { Lang } from './i18n.js';
import { formatSpan } from './reporters/format.js';
import { toSafeText } from './reporters/safe-text.js';

const TEXT = {
  en: {
    passed: '{mark} [{n}/{total}] {id}  {checks} checks · {span}',
    skipped: '– [{n}/{total}] {id}  skipped: not applicable to this seller or not runnable here (see its steps) · {span}',
    failed: '{mark} [{n}/{total}] {id}  {failed} of {checks} checks failed · {span}',
    message: '  ! {activity} gave up after {attempts} attempt(s): listed as a production interface message (生产接口消息){replay}',
    replay: '; restart it with POST {admin}/_koomock/exchanges/{id}/replay',
    attempt: '  · {scenario} › {step}: {activity} attempt {n}: {result} · {span}',
  },
  zh: {
    passed: '{mark} [{n}/{total}] {id}  {checks} 项检查 · {span}',
    skipped: '– [{n}/{total}] {id}  已跳过：不适用于此卖家或此环境下无法执行（见各步骤） · {span}',
    failed: '{mark} [{n}/{total}] {id}  {checks} 项检查中 {failed} 项失败 · {span}',
    message: '  ! {activity} 重试 {attempts} 次后放弃：已列入生产接口消息{replay}',
    replay: '；可用 POST {admin}/_koomock/exchanges/{id}/replay 重新发起',
    attempt: '  · {scenario} › {step}：{activity} 第 {n} 次尝试：{result} · {span}',
  },
} as const;

const fill = (t: string, v: Readonly<Record<string, string | number>>): string => t.replace(/\{(\w+)\}/g, (w, k: string) => (k in v ? String(v[k]) : w));

/**
 * The progress line for an engine event, or undefined for events that print nothing.
 * @example
 *   toProgressLine({ kind: 'scenario-end', report, index: 0, total: 15 }, { lang: 'en' });
 *   // '✔ [1/15] subscribe-monthly  24 checks · 85ms'
 */
export function toProgressLine(event: EngineEvent, options: { readonly lang: Lang; readonly adminUrl?: string }): string | undefined {
  const t = TEXT[options.lang];
  if (event.kind === 'scenario-end') {
    const { report } = event;
    const failed = report.checks.filter(isFailure).length;
    const values = { n: event.index + 1, total: event.total, id: toSafeText(report.id, { max: 120 }), checks: report.checks.length, failed, span: formatSpan(report.durationMs) };
    if (isSkippedScenario(report)) return fill(t.skipped, values);
    return report.status === 'passed' ? fill(t.passed, { ...values, mark: '✔' }) : fill(t.failed, { ...values, mark: '✗' });
  }
  if (event.kind === 'interface-message') {
    const replay = event.exchangeId === undefined || options.adminUrl === undefined ? '' : fill(t.replay, { admin: options.adminUrl, id: event.exchangeId });
    return fill(t.message, { activity: event.message.activity, attempts: event.message.attempts, replay });
  }
  return undefined;
}

/** What an attempt ended with: the transport error, or the status and resultCode. */
function attemptResult(exchange: ProduceExchange): string {
  if (exchange.error !== undefined) return exchange.error.error === 'timeout' ? 'no answer (timeout)' : `no answer (${exchange.error.error})`;
  const code = /"resultCode"\s*:\s*"([^"]{0,20})"/.exec(exchange.response?.body ?? '')?.[1];
  return `HTTP ${exchange.response?.status ?? '?'}${code === undefined ? '' : ` ${toSafeText(code, { max: 20 })}`} (${exchange.outcome})`;
}

/**
 * One line per attempt of a call, for a terminal: a run against a seller that hangs shows it is
 * alive between the scenario lines.
 * @example
 *   toAttemptLine(exchange, { scenario: 'subscribe-monthly', step: 'create', spec }, { lang: 'en' });
 *   // '  · subscribe-monthly › create: newInstance attempt 2: no answer (timeout) · 20s'
 */
export function toAttemptLine(exchange: ProduceExchange, context: JournalContext, options: { readonly lang: Lang }): string {
  return fill(TEXT[options.lang].attempt, {
    scenario: toSafeText(context.scenario, { max: 120 }),
    step: toSafeText(context.step, { max: 80 }),
    activity: toSafeText(exchange.activity, { max: 40 }),
    n: exchange.attempt,
    result: attemptResult(exchange),
    span: formatSpan(exchange.durationMs),
  });
}
