/** Send one signed call: activity, order or instance, body fields validated as they are typed. */
import { api } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import type { FieldInfo, SendResult } from '../types.js';
import { validateBody } from '../validate.js';
import { checksTable, errorBox, verdictMark } from './common.js';

interface Activity {
  name: string;
  fields: FieldInfo[];
}

const describe = (f: FieldInfo): string => `${f.name}${f.required ? '*' : ''}: ${f.kind}${f.values === undefined ? '' : ` (${f.values.join('|')})`}`;

export function renderSend(main: HTMLElement): () => void {
  const section = h('section', { id: 'send' }, h('h1', {}, t('nav.send')));
  main.append(section);
  api<{ activities: Activity[] }>('GET', '/activities')
    .then(({ activities }) => {
      const params = new URLSearchParams(location.hash.split('?')[1] ?? '');
      const activity = h('select', { name: 'activity', id: 'send-activity' }, activities.map((a) => h('option', { value: a.name }, a.name)));
      activity.value = params.get('activity') ?? 'newInstance';
      const order = h('input', { name: 'order', id: 'send-order', value: params.get('order') ?? '', size: 24 });
      const instance = h('input', { name: 'instance', id: 'send-instance', value: params.get('instance') ?? '', size: 40 });
      const body = h('textarea', { name: 'body', id: 'send-body', rows: 8, spellcheck: 'false' });
      body.value = '{}';
      const fields = h('ul', { class: 'fields muted' });
      const problems = h('ul', { class: 'problems', id: 'send-problems', 'aria-live': 'polite' });
      const output = h('div', { id: 'send-result' });
      const submit = h('button', { type: 'submit' }, t('send.submit'));
      const specs = () => activities.find((a) => a.name === activity.value)?.fields ?? [];
      const check = () => {
        fields.replaceChildren(...specs().map((f) => h('li', {}, describe(f))));
        const list = validateBody(body.value, specs());
        problems.replaceChildren(...(list.length === 0 ? [h('li', { class: 'ok' }, '✔ ', t('send.valid'))] : list.map((p) => h('li', { class: 'fail' }, p))));
        submit.disabled = list.some((p) => p.startsWith('JSON') || p.startsWith('the body'));
      };
      activity.addEventListener('change', check);
      body.addEventListener('input', check);
      const form = h(
        'form',
        {
          class: 'card',
          onsubmit: (e: Event) => {
            e.preventDefault();
            const parsed = body.value.trim() === '' ? {} : (JSON.parse(body.value) as Record<string, unknown>);
            const names = new Set(specs().map((f) => f.name));
            const builder = Object.fromEntries(Object.entries(parsed).filter(([k]) => names.has(k)));
            const extra = Object.fromEntries(Object.entries(parsed).filter(([k]) => !names.has(k)));
            submit.disabled = true;
            api<SendResult>('POST', '/send', {
              activity: activity.value,
              ...(order.value.trim() === '' ? {} : { order: order.value.trim() }),
              ...(instance.value.trim() === '' ? {} : { instance: instance.value.trim() }),
              ...(Object.keys(builder).length === 0 ? {} : { fields: builder }),
              ...(Object.keys(extra).length === 0 ? {} : { set: extra }),
            })
              .then((r) => {
                const code = r.result?.['resultCode'];
                const instanceId = r.result?.['instanceId'];
                output.replaceChildren(
                  h(
                    'div',
                    { class: 'card result', 'data-status': r.status },
                    h('h3', {}, verdictMark(r.status === 'passed' ? 'passed' : 'failed'), ` ${r.status}`, typeof code === 'string' ? ` · resultCode ${code}` : '', typeof instanceId === 'string' ? ` · instanceId ${instanceId}` : ''),
                    r.exchangeIds.map((id) => h('a', { href: `#/exchange/${id}`, class: 'open' }, `${t('result.open')} #${id}`)),
                    checksTable(r.report.scenarios.flatMap((s) => s.checks)),
                  ),
                );
              })
              .catch((err: unknown) => output.replaceChildren(errorBox(err)))
              .finally(() => {
                submit.disabled = false;
              });
          },
        },
        h('label', {}, t('send.activity'), activity),
        h('label', {}, t('send.order'), order),
        h('label', {}, t('send.instance'), instance),
        h('label', { class: 'wide' }, t('send.body'), body),
        problems,
        h('details', {}, h('summary', {}, t('send.fields')), fields),
        submit,
      );
      section.append(form, output);
      check();
    })
    .catch((e: unknown) => section.append(errorBox(e)));
  return () => {};
}
