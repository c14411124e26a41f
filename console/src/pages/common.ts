import type { ApiError } from '../api.js';
import { h } from '../dom.js';
import { getLang, t } from '../i18n.js';
import { say } from '../messages.js';
import type { Check } from '../types.js';

export const verdictMark = (v: string): HTMLElement =>
  h('span', { class: `mark ${v}`, title: v }, v === 'passed' ? '✔' : v === 'failed' ? '✗' : '⚠');

export const errorBox = (e: unknown): HTMLElement => h('p', { class: 'error', role: 'alert' }, `${t('error')}: ${(e as ApiError).message ?? String(e)}`);

/** The signature debugger's record of a failed inbound signature: what koomock signed, and which known mistakes reproduce the seller's. */
function diagnosisBox(d: NonNullable<Check['diagnosis']>): HTMLElement {
  const zh = getLang() === 'zh';
  return h(
    'div',
    { class: 'diagnosis' },
    h('div', { class: 'kv' }, h('span', {}, t('detail.canonical')), h('pre', {}, d.canonical)),
    d.mistakes.length === 0 ? null : h('div', { class: 'kv' }, h('span', {}, t('detail.mistakes')), h('ul', {}, d.mistakes.map((m) => h('li', {}, h('code', {}, m.id), ' ', zh ? m.zh : m.en)))),
  );
}

export function checksTable(checks: readonly Check[]): HTMLElement {
  if (checks.length === 0) return h('p', { class: 'muted' }, t('detail.noChecks'));
  return h(
    'ul',
    { class: 'checks' },
    checks.map((c) =>
      h(
        'li',
        { class: c.ok ? 'ok' : c.severity === 'warn' ? 'warn' : 'fail', 'data-check': c.id },
        h('div', {}, verdictMark(c.ok ? 'passed' : c.severity === 'warn' ? 'warning' : 'failed'), ' ', h('code', {}, c.id)),
        c.expected === undefined ? null : h('div', { class: 'kv' }, h('span', {}, t('check.expected')), h('span', {}, say(c.expected))),
        c.received === undefined ? null : h('div', { class: 'kv' }, h('span', {}, t('check.received')), h('span', {}, say(c.received))),
        c.hint === undefined ? null : h('div', { class: 'kv' }, h('span', {}, t('check.hint')), h('span', {}, say(c.hint))),
        c.diagnosis === undefined ? null : diagnosisBox(c.diagnosis),
      ),
    ),
  );
}

export const table = (head: string[], rows: (Node | string)[][], attrs: Record<string, string> = {}): HTMLElement =>
  rows.length === 0
    ? h('p', { class: 'muted' }, t('state.empty'))
    : h('table', attrs, h('thead', {}, h('tr', {}, head.map((c) => h('th', {}, c)))), h('tbody', {}, rows.map((r) => h('tr', {}, r.map((c) => h('td', {}, c))))));
