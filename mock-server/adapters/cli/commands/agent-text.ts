/**
 * The text `koomock agent call` prints: each call as sent and answered, its ✔/✗ checks in English
 * or Chinese, and the bill. Imported by the command when it runs, with the message catalogue.
 */
import type { AgentCallReport } from '../../../core/agent/call.js';
import { CHECK_MESSAGES_ZH } from '../../../core/checks/messages-zh.js';
import { CHECKS } from '../../../core/checks/catalog.js';
import { localise } from '../../../core/messages/localise.js';
import type { AgentRun } from '../../../app/agent-call.js';
import type { Lang } from '../i18n.js';
import { toSafeText } from '../reporters/safe-text.js';

/** Lines of an answer printed (a stream has one per event). */
const MAX_ANSWER_LINES = 20;

const LABELS = {
  en: { expected: 'expected', received: 'received', hint: 'hint', total: 'total' },
  zh: { expected: '期望', received: '收到', hint: '建议', total: '合计' },
} as const;

const title = (id: string, lang: Lang): string => (lang === 'zh' ? (CHECK_MESSAGES_ZH[id]?.title ?? CHECKS[id] ?? id) : (CHECKS[id] ?? id));

function callText(call: AgentCallReport, lang: Lang): string[] {
  const t = (s: string): string => toSafeText(localise(s, lang));
  const head = `${call.jwt === 'valid' ? 'valid JWT' : call.jwt === 'expired' ? 'expired JWT' : 'JWT signed with another SK'} (${call.mode})`;
  // Every English line below is in the message catalogue (core/messages/catalogue-agent.ts).
  const lines = [`── ${t(head)}`, `${call.request.method} ${toSafeText(call.request.url)}`];
  for (const [name, value] of Object.entries(call.request.headers)) lines.push(`  ${name}: ${toSafeText(value)}`);
  if (call.request.body !== undefined) lines.push(`  ${toSafeText(call.request.body, { max: 400 })}`);
  lines.push(call.error === undefined ? `→ HTTP ${call.status ?? '?'} ${toSafeText(call.contentType ?? '')} (${call.durationMs} ms)` : `→ ${toSafeText(call.error)}`);
  const answerLines = (call.answer ?? '').split(/\r\n|\r|\n/).filter((l) => l !== '');
  for (const line of answerLines.slice(0, MAX_ANSWER_LINES)) lines.push(`  ${toSafeText(line, { max: 300 })}`);
  if (answerLines.length > MAX_ANSWER_LINES) lines.push(`  … (+${answerLines.length - MAX_ANSWER_LINES})`);
  for (const c of call.checks) {
    lines.push(`${c.ok ? '✔' : '✗'} ${c.id}  ${toSafeText(title(c.id, lang))}`);
    if (!c.ok) {
      if (c.expected !== undefined) lines.push(`    ${LABELS[lang].expected}: ${t(c.expected)}`);
      if (c.received !== undefined) lines.push(`    ${LABELS[lang].received}: ${t(c.received)}`);
      if (c.hint !== undefined) lines.push(`    ${LABELS[lang].hint}: ${t(c.hint)}`);
    }
  }
  if (call.bill !== undefined) {
    lines.push(t('bill'));
    for (const l of call.bill.lines) {
      const price = l.unitPrice === undefined ? t('no price') : `× ${l.unitPrice} = ${l.amount ?? '?'}`;
      lines.push(`  ${l.item.padEnd(14)} ${String(l.quantity ?? '—').padEnd(10)} ${price}`);
    }
    lines.push(`  ${LABELS[lang].total.padEnd(14)} ${call.bill.total === undefined ? t('no prices configured (agent.prices)') : String(call.bill.total)}`);
  }
  return lines;
}

/** The whole run as text. */
export const toText = (run: AgentRun, lang: Lang): string => [...run.calls.flatMap((c) => [...callText(c, lang), '']), run.ok ? `✔ ${localise('all agent checks passed', lang)}` : `✗ ${localise('some agent checks failed', lang)}`].join('\n');
