/** One exchange: request, response, checks, the signed string, copy as curl, replay fresh or broken. */
import { api } from '../api.js';
import { h, pretty, time } from '../dom.js';
import { toCurl } from '../curl.js';
import { t } from '../i18n.js';
import type { Exchange, SendResult, Signing } from '../types.js';
import { checksTable, errorBox, verdictMark } from './common.js';

const BREAKS = ['tamper', 'stale', 'wrong-key', 'replay'] as const;

/** The replay breaks the server defines for this call: a kit or V1 call has no `tamper`. */
interface Breaks {
  family: 'v2' | 'kit' | 'v1' | null;
  breaks: string[];
}

function headersList(headers: unknown): HTMLElement {
  const entries = Object.entries((headers ?? {}) as Record<string, unknown>);
  return h('dl', { class: 'headers' }, entries.flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, String(v))]));
}

/** Inbound bodies are `{text}` / `{json}` / `{base64}` records; outbound ones text. */
function bodyText(body: unknown): string {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return pretty(body);
  const b = body as Record<string, unknown>;
  if ('json' in b) return JSON.stringify(b['json'], null, 2);
  if (typeof b['text'] === 'string') return pretty(b['text']);
  return JSON.stringify(body, null, 2);
}

function requestUrl(req: Record<string, unknown>): string {
  if (typeof req['url'] === 'string') return req['url'];
  const query = typeof req['query'] === 'string' && req['query'] !== '' ? `?${req['query']}` : '';
  return `${String(req['path'] ?? '')}${query}`;
}

function resultBox(result: SendResult): HTMLElement {
  const checks = result.report.scenarios.flatMap((s) => s.checks);
  const code = result.result?.['resultCode'];
  return h(
    'div',
    { class: 'card result', 'data-status': result.status },
    h('h3', {}, t('result.status'), ': ', verdictMark(result.status === 'passed' ? 'passed' : 'failed'), ' ', result.status, typeof code === 'string' ? ` · resultCode ${code}` : ''),
    result.exchangeIds.map((id) => h('a', { href: `#/exchange/${id}`, class: 'open' }, `${t('result.open')} #${id}`)),
    checksTable(checks),
  );
}

export function renderExchange(main: HTMLElement, id: number): () => void {
  const section = h('section', { id: 'exchange' });
  main.append(section);
  Promise.all([api<Exchange>('GET', `/exchanges/${id}`), api<{ signing: Signing | null }>('GET', `/exchanges/${id}/signing`), api<Breaks>('GET', `/exchanges/${id}/breaks`)])
    .then(([e, { signing }, defined]) => {
      const req = e.request;
      const res = e.response;
      const failed = e.verdicts.filter((v) => !v.ok);
      const verdict = failed.some((v) => v.severity !== 'warn') ? 'failed' : failed.length > 0 ? 'warning' : 'passed';
      section.append(h('h1', {}, verdictMark(verdict), ` ${t('detail.title')} #${e.id} · ${e.operation}`));
      if (failed.length > 0) section.append(h('p', { class: 'error', id: 'failed-checks' }, `✗ ${failed.map((c) => c.id).join(', ')}`));
      section.append(
        h('p', { class: 'muted' }, `${time(e.startedAt)} · ${t(e.direction === 'inbound' ? 'dir.inbound' : 'dir.outbound')} · ${Math.round(e.durationMs)} ms${e.scenario === undefined ? '' : ` · ${e.scenario}/${e.step ?? ''}`}`),
        h(
          'div',
          { class: 'grid' },
          h('div', { class: 'card' }, h('h2', {}, t('detail.request')), h('p', {}, h('code', { class: 'url', id: 'request-url' }, `${String(req['method'] ?? '')} ${requestUrl(req)}`)), headersList(req['headers']), bodyText(req['body']) === '' ? null : h('pre', { id: 'request-body' }, bodyText(req['body']))),
          h(
            'div',
            { class: 'card' },
            h('h2', {}, t('detail.response')),
            res === undefined
              ? h('p', {}, t('detail.noResponse'))
              : typeof res['status'] !== 'number'
                ? h('p', { class: 'error' }, `${t('detail.noResponse')}: ${String(res['error'] ?? '')} ${String(res['message'] ?? '')}`)
                : [h('p', {}, h('strong', {}, `HTTP ${res['status']}`)), headersList(res['headers']), h('pre', { id: 'response-body' }, bodyText(res['body']))],
          ),
        ),
        h('div', { class: 'card' }, h('h2', {}, t('detail.checks')), checksTable(e.verdicts)),
        h(
          'div',
          { class: 'card', id: 'signing' },
          h('h2', {}, t('detail.signing')),
          signing === null
            ? h('p', { class: 'muted' }, t('detail.signingNone'))
            : [
                h('div', { class: 'kv' }, h('span', {}, 'timestamp'), h('code', {}, signing.timestamp)),
                h('div', { class: 'kv' }, h('span', {}, 'nonce'), h('code', {}, signing.nonce)),
                h('div', { class: 'kv' }, h('span', {}, t('detail.payload')), h('code', {}, signing.payload)),
                h('div', { class: 'kv' }, h('span', {}, t('detail.stringToSign')), h('code', { id: 'string-to-sign' }, signing.stringToSign)),
                h('div', { class: 'kv' }, h('span', {}, t('detail.signature')), h('code', {}, signing.signature)),
              ],
        ),
      );
      if (e.direction !== 'outbound') return;
      const copied = h('span', { class: 'muted', id: 'copied' });
      const copy = (text: string) => {
        void navigator.clipboard?.writeText(text).then(() => {
          copied.textContent = t('detail.copied');
        });
      };
      const asSent = h('textarea', { id: 'curl', readonly: true, rows: 4 });
      asSent.value = toCurl(req);
      const now = h('textarea', { id: 'curl-now', readonly: true, rows: 4, hidden: true });
      const signNow = () =>
        api<Record<string, unknown>>('POST', `/exchanges/${id}/sign`)
          .then((signed) => {
            now.value = toCurl(signed);
            now.hidden = false;
            copy(now.value);
          })
          .catch((err: unknown) => now.after(errorBox(err)));
      const results = h('div', { id: 'replay-results' });
      const replay = (how?: string) => {
        for (const b of buttons) b.disabled = true;
        api<SendResult>('POST', `/exchanges/${id}/replay`, how === undefined ? {} : { break: how })
          .then((r) => results.prepend(h('div', { 'data-break': how ?? 'fresh' }, h('h3', {}, how === undefined ? t('detail.replayFresh') : t(`break.${how}` as 'break.tamper')), resultBox(r))))
          .catch((err: unknown) => results.prepend(h('div', { 'data-break': how ?? 'fresh' }, errorBox(err))))
          .finally(enable);
      };
      // A break the call's family lacks stays visible but disabled, its tooltip saying why.
      const offered = (b: string) => defined.family === null || defined.breaks.includes(b);
      const why = defined.family === 'kit' ? t('break.notForKit') : t('break.notForV1');
      const buttons = [
        h('button', { type: 'button', 'data-break': 'fresh', onclick: () => replay() }, t('detail.replayFresh')),
        ...BREAKS.map((b) => h('button', { type: 'button', class: 'danger', 'data-break': b, onclick: () => replay(b), ...(offered(b) ? {} : { title: why }) }, t(`break.${b}`))),
      ];
      const enable = () => {
        for (const b of buttons) b.disabled = b.dataset['break'] !== 'fresh' && !offered(b.dataset['break'] ?? '');
      };
      enable();
      section.append(
        h(
          'div',
          { class: 'card' },
          h('h2', {}, t('detail.curl')),
          h('p', { class: 'muted' }, t('detail.curlAsSent')),
          asSent,
          h('div', { class: 'buttons' }, h('button', { type: 'button', id: 'copy-curl', onclick: () => copy(asSent.value) }, t('detail.copy')), h('button', { type: 'button', id: 'copy-curl-now', onclick: () => void signNow() }, t('detail.curlNow')), copied),
          now,
        ),
        h('div', { class: 'card' }, h('h2', {}, t('detail.replay')), h('div', { class: 'buttons' }, buttons), BREAKS.every(offered) ? null : h('p', { class: 'muted', id: 'breaks-note' }, why), results),
      );
    })
    .catch((e: unknown) => section.append(errorBox(e)));
  return () => {};
}
