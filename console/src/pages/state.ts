/** State: orders, instances, usage, files; create an order, advance the clock, reset with a confirmation. */
import { api } from '../api.js';
import { h, time } from '../dom.js';
import { t } from '../i18n.js';
import { errorBox, table } from './common.js';

interface Order {
  orderInfo: { orderId: string; orderType: string; orderLine: { orderLineId: string; productInfo: { productId: string; productName: string }[]; expireTime?: string }[] };
  status: string;
  createdAt: number;
}
interface Instance {
  instanceId: string;
  orderId: string;
  productId: string;
  state: string;
  history: { at: number; event?: string; to: string }[];
}
interface Product {
  productId: string;
  productName: string;
  chargingMode: string;
  periodTypes?: string[];
}
interface Clock {
  now: number;
  iso: string;
  offsetMs: number;
}

const ORDER_TYPES = ['NEW', 'TRIAL', 'TRIAL_TO_FORMAL', 'RENEW', 'CHANGE', 'UNSUBSCRIBE'];

export function renderState(main: HTMLElement): () => void {
  const section = h('section', { id: 'state' }, h('h1', {}, t('nav.state')));
  main.append(section);
  const load = () =>
    Promise.all([
      api<{ orders: Order[] }>('GET', '/orders'),
      api<{ instances: Instance[] }>('GET', '/instances'),
      api<{ records: Record<string, string>[] }>('GET', '/usage'),
      api<{ files: Record<string, unknown>[] }>('GET', '/files'),
      api<{ products: Product[] }>('GET', '/catalog'),
      api<Clock>('GET', '/clock'),
    ])
      .then(([{ orders }, { instances }, { records }, { files }, { products }, clock]) => {
        const notice = h('p', { class: 'notice', id: 'state-notice', 'aria-live': 'polite' });
        const product = h('select', { name: 'productId', id: 'order-product' }, products.map((p) => h('option', { value: p.productId }, `${p.productName} · ${p.chargingMode}`)));
        const orderType = h('select', { name: 'orderType' }, ORDER_TYPES.map((o) => h('option', { value: o }, o)));
        const periodNumber = h('input', { name: 'periodNumber', type: 'number', min: 1, value: 1 });
        // RENEW, CHANGE, TRIAL_TO_FORMAL and UNSUBSCRIBE orders follow an instance's order line.
        const follows = h('select', { name: 'follows', id: 'order-follows' }, h('option', { value: '' }, '—'), instances.map((i) => h('option', { value: i.instanceId }, `${i.instanceId} · ${i.orderId}`)));
        const create = h(
          'form',
          {
            class: 'card',
            id: 'create-order',
            onsubmit: (e: Event) => {
              e.preventDefault();
              const period = products.find((p) => p.productId === product.value)?.chargingMode === 'PERIOD' ? { periodNumber: Number(periodNumber.value) } : {};
              const input = follows.value === '' ? { productId: product.value, orderType: orderType.value, ...period } : { orderType: orderType.value, follows: { instanceId: follows.value } };
              api<Order>('POST', '/orders', input)
                .then((o) => load().then(() => { const n = document.getElementById('state-notice'); if (n !== null) n.textContent = `${t('state.created')}: ${o.orderInfo.orderId}`; }))
                .catch((err: unknown) => create.append(errorBox(err)));
            },
          },
          h('h2', {}, t('state.createOrder')),
          h('label', {}, t('state.product'), product),
          h('label', {}, t('state.orderType'), orderType),
          h('label', {}, t('state.periodNumber'), periodNumber),
          h('label', {}, t('state.follows'), follows),
          h('button', { type: 'submit' }, t('state.createOrder')),
        );
        const duration = h('input', { name: 'duration', value: '1d', size: 6, id: 'advance-by' });
        const clockCard = h(
          'form',
          { class: 'card', id: 'clock', onsubmit: (e: Event) => { e.preventDefault(); api('POST', '/clock/advance', { duration: duration.value.trim() }).then(load).catch((err: unknown) => clockCard.append(errorBox(err))); } },
          h('h2', {}, t('state.clock')),
          h('p', {}, h('code', { id: 'clock-now' }, clock.iso), ` (+${Math.round(clock.offsetMs / 1000)} s)`),
          duration,
          ' ',
          h('button', { type: 'submit' }, t('state.advance')),
        );
        const dialog = h('dialog', { id: 'reset-dialog' });
        dialog.append(
          h('p', {}, t('state.resetConfirm')),
          h('button', { type: 'button', class: 'danger', id: 'reset-yes', onclick: () => { dialog.close(); api('POST', '/reset', { scope: 'state' }).then(load).catch((err: unknown) => section.append(errorBox(err))); } }, t('state.resetYes')),
          ' ',
          h('button', { type: 'button', onclick: () => dialog.close() }, t('state.cancel')),
        );
        const reset = h('div', { class: 'card' }, h('h2', {}, t('state.reset')), h('p', { class: 'muted' }, t('state.resetConfirm')), h('button', { type: 'button', class: 'danger', id: 'reset', onclick: () => dialog.showModal() }, t('state.reset')), dialog);
        section.replaceChildren(
          h('h1', {}, t('nav.state')),
          notice,
          h('div', { class: 'grid3' }, create, clockCard, reset),
          h('h2', {}, t('state.orders')),
          table(
            [t('col.orderId'), t('col.type'), t('col.status'), t('col.product'), 'expireTime', t('col.time')],
            orders.slice().reverse().map((o) => {
              const line = o.orderInfo.orderLine[0];
              return [
                h('a', { href: `#/send?activity=newInstance&order=${encodeURIComponent(o.orderInfo.orderId)}` }, o.orderInfo.orderId),
                o.orderInfo.orderType,
                o.status,
                line?.productInfo.map((p) => p.productName).join(', ') ?? '',
                line?.expireTime ?? '—',
                time(o.createdAt),
              ];
            }),
            { id: 'orders' },
          ),
          h('h2', {}, t('state.instances')),
          table(
            [t('col.instanceId'), t('col.orderId'), t('col.product'), t('col.state'), t('col.history')],
            instances.map((i) => [h('a', { href: `#/send?activity=queryInstance&instance=${encodeURIComponent(i.instanceId)}` }, i.instanceId), i.orderId, i.productId, i.state, i.history.map((e) => `${e.event ?? ''}→${e.to}`).join(' · ')]),
            { id: 'instances' },
          ),
          h('h2', {}, t('state.usage')),
          table([t('col.instanceId'), t('col.value'), 'begin', 'end', 'metering_sn'], records.map((r) => [r['instance_id'] ?? '', r['usage_value'] ?? '', r['begin_time'] ?? '', r['end_time'] ?? '', r['metering_sn'] ?? '']), { id: 'usage' }),
          h('h2', {}, t('state.files')),
          table(['eventId', t('col.type'), t('col.file'), 'size'], files.map((f) => [String(f['eventId'] ?? ''), String(f['type'] ?? ''), String(f['fileName'] ?? f['characters'] ?? ''), String(f['size'] ?? '')]), { id: 'files' }),
        );
      })
      .catch((e: unknown) => section.append(errorBox(e)));
  void load();
  return () => {};
}
