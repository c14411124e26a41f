/** The timeline: exchanges in both directions, newest first, live, filtered. */
import { api, subscribe } from '../api.js';
import { clear, h, time } from '../dom.js';
import { t } from '../i18n.js';
import type { Summary } from '../types.js';
import { errorBox, verdictMark } from './common.js';

const FILTER_KEY = 'koomock.timelineFilter';

type Filter = Record<'orderId' | 'instanceId' | 'operation' | 'direction' | 'verdict', string>;

const readFilter = (): Filter => ({ orderId: '', instanceId: '', operation: '', direction: '', verdict: '', ...(JSON.parse(sessionStorage.getItem(FILTER_KEY) ?? '{}') as Partial<Filter>) });

const matches = (s: Summary, f: Filter): boolean =>
  (f.orderId === '' || s.orderId === f.orderId) &&
  (f.instanceId === '' || s.instanceId === f.instanceId) &&
  (f.operation === '' || s.operation === f.operation) &&
  (f.direction === '' || s.direction === f.direction) &&
  (f.verdict === '' || s.verdict === f.verdict);

function row(s: Summary): HTMLElement {
  return h(
    'tr',
    { 'data-id': String(s.id), 'data-activity': s.operation, class: `clickable ${s.verdict}`, onclick: () => { location.hash = `#/exchange/${s.id}`; } },
    h('td', {}, time(s.startedAt)),
    h('td', { class: 'dir' }, t(s.direction === 'inbound' ? 'dir.inbound' : 'dir.outbound')),
    h('td', {}, h('a', { href: `#/exchange/${s.id}` }, s.operation)),
    h('td', {}, s.status === undefined ? '—' : String(s.status)),
    h('td', {}, s.resultCode ?? '—'),
    h("td", {}, `${Math.round(s.durationMs)} ms`),
    h('td', { class: 'verdict' }, verdictMark(s.verdict)),
  );
}

export function renderTimeline(main: HTMLElement): () => void {
  const filter = readFilter();
  const field = (name: keyof Filter, label: Parameters<typeof t>[0]) =>
    h('label', {}, t(label), h('input', { name, value: filter[name], size: 18 }));
  const select = (name: keyof Filter, label: Parameters<typeof t>[0], options: [string, string][]) => {
    const el = h('select', { name }, h('option', { value: '' }, t('filter.any')), options.map(([v, l]) => h('option', { value: v }, l)));
    el.value = filter[name];
    return h('label', {}, t(label), el);
  };
  const form = h(
    'form',
    { class: 'filters', onsubmit: (e: Event) => {
      e.preventDefault();
      const data = new FormData(form);
      sessionStorage.setItem(FILTER_KEY, JSON.stringify(Object.fromEntries([...data.entries()].map(([k, v]) => [k, String(v).trim()]))));
      stop();
      clear(main);
      stop = renderTimeline(main);
    } },
    field('orderId', 'filter.order'),
    field('instanceId', 'filter.instance'),
    field('operation', 'filter.activity'),
    select('direction', 'filter.direction', [['inbound', t('dir.inbound')], ['outbound', t('dir.outbound')]]),
    select('verdict', 'filter.verdict', [['passed', t('verdict.passed')], ['failed', t('verdict.failed')], ['warning', t('verdict.warning')]]),
    h('button', { type: 'submit' }, t('filter.apply')),
  );
  const body = h('tbody', {});
  const empty = h('p', { class: 'muted', id: 'timeline-empty' }, t('timeline.empty'));
  const live = h('span', { class: 'live' }, '● ', t('timeline.live'));
  const tableEl = h(
    'table',
    { id: 'timeline' },
    h('thead', {}, h('tr', {}, [t('col.time'), t('col.direction'), t('col.activity'), t('col.status'), t('col.resultCode'), t('col.duration'), t('col.checks')].map((c) => h('th', {}, c)))),
    body,
  );
  main.append(h('section', {}, h('h1', {}, t('nav.timeline'), ' ', live), form, empty, tableEl));

  let lastId = 0;
  const add = (s: Summary, atTop: boolean) => {
    lastId = Math.max(lastId, s.id);
    if (!matches(s, filter) || body.querySelector(`tr[data-id="${s.id}"]`) !== null) return;
    if (atTop) body.prepend(row(s));
    else body.append(row(s));
    empty.hidden = true;
  };
  let unsubscribe = (): void => {};
  const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== ''));
  api<{ exchanges: Summary[] }>('GET', `/timeline?${query}`)
    .then(({ exchanges }) => {
      for (const s of exchanges) add(s, false);
      lastId = Math.max(lastId, ...exchanges.map((s) => s.id));
      unsubscribe = subscribe(() => lastId, (event, data) => {
        if (event === 'exchange') add(data as Summary, true);
      });
    })
    .catch((e: unknown) => main.append(errorBox(e)));
  let stop = (): void => unsubscribe();
  return () => stop();
}
