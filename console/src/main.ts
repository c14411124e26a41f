/**
 * The koomock web console: a hash-routed page over the admin API. Pages: timeline (live), exchange
 * detail, send, scenarios, state.
 */
import './style.css';
import { forgetToken, getToken, setToken, whenUnauthorized } from './api.js';
import { clear, h } from './dom.js';
import { getLang, setLang, t } from './i18n.js';
import { renderExchange } from './pages/exchange.js';
import { renderScenarios } from './pages/scenarios.js';
import { renderSend } from './pages/send.js';
import { renderState } from './pages/state.js';
import { renderTimeline } from './pages/timeline.js';

const app = document.getElementById('app') as HTMLElement;
let cleanup: (() => void) | undefined;

function nav(): HTMLElement {
  const here = location.hash.split('/')[1] ?? '';
  const link = (route: string, label: Parameters<typeof t>[0]) =>
    h('a', { href: `#/${route}`, class: here === route || (route === '' && here === 'exchange') ? 'active' : '', 'data-nav': route || 'timeline' }, t(label));
  return h(
    'header',
    {},
    h('strong', { class: 'brand' }, t('title')),
    h('nav', {}, link('', 'nav.timeline'), link('send', 'nav.send'), link('scenarios', 'nav.scenarios'), link('state', 'nav.state')),
    h('span', { class: 'spacer' }),
    getToken() === null ? null : h('button', { type: 'button', class: 'link', onclick: () => { forgetToken(); route(); } }, t('token.forget')),
    h('button', { type: 'button', id: 'lang', onclick: () => { setLang(getLang() === 'zh' ? 'en' : 'zh'); route(); } }, t('lang.switch')),
  );
}

function askToken(): void {
  cleanup?.();
  cleanup = undefined;
  const input = h('input', { type: 'password', id: 'token', autocomplete: 'off', required: true });
  const form = h(
    'form',
    { class: 'card token', onsubmit: (e: Event) => { e.preventDefault(); setToken(input.value); route(); } },
    h('h2', {}, t('token.title')),
    h('p', {}, t('token.explain')),
    input,
    h('button', { type: 'submit' }, t('token.submit')),
  );
  clear(app);
  app.append(nav(), h('main', {}, form));
}

function route(): void {
  cleanup?.();
  cleanup = undefined;
  document.documentElement.lang = getLang() === 'zh' ? 'zh-CN' : 'en';
  document.title = t('title');
  const main = h('main', {});
  clear(app);
  app.append(nav(), main);
  const [, page, arg] = location.hash.split('/');
  if (page === 'exchange' && arg !== undefined) cleanup = renderExchange(main, Number(arg));
  else if (page === 'send') cleanup = renderSend(main);
  else if (page === 'scenarios') cleanup = renderScenarios(main);
  else if (page === 'state') cleanup = renderState(main);
  else cleanup = renderTimeline(main);
}

whenUnauthorized(askToken);
window.addEventListener('hashchange', route);
route();
