/** Scenarios: the shipped and user files, run one or a group against the configured seller, watch, read the report. */
import { api, subscribe } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { titleOf } from '../messages.js';
import type { RunReport, Summary } from '../types.js';
import { checksTable, errorBox, verdictMark } from './common.js';

interface Listing {
  id: string;
  title: string;
  titleZh?: string;
  group: string;
  file: string;
  source: string;
}

/** A run as `/_koomock/runs` answers it and `run` events carry it (docs/admin-api.md). */
interface Progress {
  id: string;
  status: 'running' | 'finished' | 'error';
  passed?: boolean;
  scenarios: { id: string; title: string; status: string; steps: { id: string; title: string; status: string }[] }[];
}

const markOf = (status: string): HTMLElement | string =>
  status === 'passed' ? verdictMark('passed') : status === 'failed' || status === 'error' ? verdictMark('failed') : status === 'skipped' ? verdictMark('warning') : status === 'running' ? '…' : '·';

export function renderScenarios(main: HTMLElement): () => void {
  const section = h('section', { id: 'scenarios' }, h('h1', {}, t('nav.scenarios')));
  const progress = h('div', { id: 'run-progress' });
  /** `title_zh` of each listed scenario: run progress carries the English title only. */
  const zhTitles = new Map<string, string>();
  const report = h('div', { id: 'run-report' });
  main.append(section);
  let runId: string | undefined;

  const showReport = (id: string) =>
    api<Progress & { report?: RunReport; error?: { code: string; message: string } }>('GET', `/runs/${id}`).then((run) => {
      if (run.report === undefined) {
        report.replaceChildren(...(run.error === undefined ? [] : [errorBox(new Error(run.error.message))]));
        return;
      }
      report.replaceChildren(
        h('h2', {}, t('scen.report')),
        ...run.report.scenarios.map((s) => {
          const failing = s.checks.filter((c) => !c.ok);
          const passing = s.checks.filter((c) => c.ok);
          return h(
            'div',
            { class: 'card', 'data-scenario': s.id, 'data-status': s.status },
            h('h3', {}, markOf(s.status), ` ${titleOf(s)}`),
            failing.length === 0 ? null : checksTable(failing),
            h('details', {}, h('summary', {}, `✔ ${passing.length}`), checksTable(passing)),
          );
        }),
      );
    });

  const draw = (p: Progress) => {
    if (p.id !== runId) return;
    const verdict = p.status === 'finished' ? (p.passed === true ? 'passed' : 'failed') : p.status;
    progress.replaceChildren(
      h('h2', {}, t('scen.progress'), ' ', markOf(verdict), ` ${verdict}`),
      h('ol', {}, p.scenarios.map((s) => h('li', { 'data-scenario': s.id, 'data-status': s.status }, markOf(s.status), ` ${titleOf({ ...s, titleZh: zhTitles.get(s.id) })} `, h('span', { class: 'muted' }, s.status), s.steps.length === 0 ? null : h('ul', {}, s.steps.map((st) => h('li', {}, markOf(st.status), ` ${titleOf(st)}`)))))),
    );
    if (p.status !== 'running') void showReport(p.id);
  };
  // Calls of the running scenario, as they happen: the step-by-step view between scenario ends.
  const live = h('ol', { id: 'run-live', class: 'live-calls' });
  let inRun = new Set<string>();
  const unsubscribe = subscribe(() => undefined, (event, data) => {
    if (event === 'run') {
      const p = data as Progress;
      if (p.id === runId) inRun = new Set(p.scenarios.map((s) => s.id));
      draw(p);
      progress.append(live);
    } else if (event === 'exchange') {
      const x = data as Summary;
      if (runId === undefined || x.scenario === undefined || !inRun.has(x.scenario)) return;
      live.append(h('li', { 'data-id': String(x.id) }, verdictMark(x.verdict), ' ', h('a', { href: `#/exchange/${x.id}` }, `${x.scenario} · ${x.operation}`), ` ${x.status ?? '—'} ${x.resultCode ?? ''}`));
    }
  });

  api<{ scenarios: Listing[] }>('GET', '/scenarios')
    .then(({ scenarios }) => {
      for (const s of scenarios) if (s.titleZh !== undefined) zhTitles.set(s.id, s.titleZh);
      const rows = scenarios.map((s) =>
        h(
          'tr',
          {},
          h('td', {}, h('input', { type: 'checkbox', name: 'scenario', value: s.id, id: `scenario-${s.id}` })),
          h('td', {}, h('label', { for: `scenario-${s.id}` }, titleOf(s)), h('div', { class: 'muted' }, h('code', {}, s.id))),
          h('td', {}, s.group),
          h('td', {}, `${s.source} · ${s.file}`),
        ),
      );
      const run = h('button', { type: 'submit', id: 'run-selected' }, t('scen.run'));
      const form = h(
        'form',
        {
          onsubmit: (e: Event) => {
            e.preventDefault();
            const ids = [...form.querySelectorAll<HTMLInputElement>('input[name=scenario]:checked')].map((i) => i.value);
            if (ids.length === 0) return;
            report.replaceChildren();
            api<Progress>('POST', '/runs', { scenarios: ids })
              .then((p) => {
                runId = p.id;
                inRun = new Set(p.scenarios.map((s) => s.id));
                live.replaceChildren();
                draw(p);
                progress.append(live);
              })
              .catch((err: unknown) => progress.replaceChildren(errorBox(err)));
          },
        },
        h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, ''), h('th', {}, 'Scenario'), h('th', {}, t('scen.group')), h('th', {}, t('scen.source')))), h('tbody', {}, rows)),
        run,
      );
      section.append(form, progress, report);
    })
    .catch((e: unknown) => section.append(errorBox(e)));
  return unsubscribe;
}
