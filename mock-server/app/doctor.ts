/**
 * `koomock doctor`: quick answers to "will KooGallery be able to call my production interface?",
 * one line each, with the fix for every problem. Nothing here changes the seller's state: the
 * signed call is a queryInstance for an instance that does not exist.
 */
import { isIP } from 'node:net';
import { parseBoundedJsonObject } from '../core/bounded-json.js';
import { buildV2Request } from '../core/produce/build-v2.js';
import { signProduceRequest } from '../core/produce/sign-request.js';
import type { TransportResult } from '../core/ports.js';
import type { KoomockConfig } from '../config/types.js';
import { createFetchTransport } from '../adapters/seller/fetch-transport.js';
import { createSystemClock } from './clock.js';
import { inspectTls, isModernTls } from './doctor-tls.js';
import { checkSellerReachable, parseSellerUrl } from './preflight.js';
import { createCryptoRandom } from './random.js';

export type DoctorStatus = 'ok' | 'fail' | 'note' | 'skipped';

export interface DoctorLine {
  readonly id: string;
  readonly status: DoctorStatus;
  readonly text: string;
  /** What to do about it (every `fail`, and `note`s). */
  readonly fix?: string;
}

/** How far the seller's clock may be from ours: the platform's timestamp window is 60 s. */
export const MAX_CLOCK_SKEW_MS = 60_000;
const CALL_TIMEOUT_MS = 10_000;

const decoder = new TextDecoder();

interface JsonAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly json?: Record<string, unknown>;
  readonly date?: string;
  readonly looksHtml: boolean;
}

function toAnswer(result: TransportResult): JsonAnswer | string {
  if (result.kind === 'error') return `${result.error}: ${result.message}`;
  const text = decoder.decode(result.body);
  const parsed = parseBoundedJsonObject(result.body);
  const json = parsed.ok ? parsed.value : undefined;
  const contentType = result.headers['content-type'] ?? '';
  return {
    status: result.status,
    contentType,
    ...(json === undefined ? {} : { json }),
    ...(result.headers['date'] === undefined ? {} : { date: result.headers['date'] }),
    looksHtml: /html/i.test(contentType) || /^\s*<(!doctype|html)/i.test(text),
  };
}

function keyLine(config: KoomockConfig): DoctorLine {
  const { basic, general, kit } = config.seller.keys;
  const keys = [['basic (--key)', basic], ['general (--general-key)', general], ['kit (--kit-key)', kit]] as const;
  const clash = keys.flatMap(([a, ka], i) => keys.slice(i + 1).filter(([, kb]) => kb === ka).map(([b]) => `${a} = ${b}`));
  return clash.length === 0
    ? { id: 'keys', status: 'ok', text: 'the keys of the basic, general and kit interface categories are distinct' }
    : { id: 'keys', status: 'fail', text: `the same key is used for two interface categories: ${clash.join(', ')}`, fix: 'KooGallery binds a different key to each category in the seller console (密钥管理): use each category’s own key' };
}

async function tlsLines(url: URL): Promise<DoctorLine[]> {
  if (url.protocol === 'http:') {
    return [{
      id: 'https', status: 'note',
      text: `${url.origin} is plain http: fine for testing on your machine, but KooGallery calls only HTTPS production interfaces`,
      fix: 'before you register the address in the seller console, serve it over HTTPS (TLS 1.2 or newer) with a certificate a public CA issued for your domain name',
    }];
  }
  const lines: DoctorLine[] = [];
  if (isIP(url.hostname.replace(/^\[|\]$/g, '')) !== 0) {
    lines.push({ id: 'domain', status: 'fail', text: `${url.hostname} is an IP address: KooGallery calls a domain name with a certificate issued for it`, fix: 'register a domain name for the service and use it in the production interface address' });
  } else {
    lines.push({ id: 'domain', status: 'ok', text: `${url.hostname} is a domain name` });
  }
  const tls = await inspectTls(url);
  if (tls.error !== undefined) {
    lines.push({ id: 'tls', status: 'fail', text: `no TLS handshake with ${url.host}: ${tls.error}`, fix: 'serve HTTPS on that port (TLS 1.2 or newer)' });
    return lines;
  }
  lines.push(tls.authorized
    ? { id: 'certificate', status: 'ok', text: 'the certificate is issued by a trusted CA for this host name' }
    : { id: 'certificate', status: 'fail', text: `the certificate is not trusted: ${tls.authorizationError ?? 'unknown reason'}${tls.authorizationError === 'DEPTH_ZERO_SELF_SIGNED_CERT' || tls.authorizationError === 'SELF_SIGNED_CERT_IN_CHAIN' ? ' (self-signed)' : ''}`, fix: 'use a certificate a public CA issued for the domain name (and send the intermediate certificates too)' });
  lines.push(isModernTls(tls.protocol)
    ? { id: 'tls-version', status: 'ok', text: `TLS version ${tls.protocol ?? '?'} (1.2 or newer, as required)` }
    : { id: 'tls-version', status: 'fail', text: `TLS version ${tls.protocol ?? 'unknown'}: KooGallery requires TLS 1.2 or newer`, fix: 'enable TLS 1.2 or 1.3 on the server and disable older versions' });
  return lines;
}

/**
 * Runs every check against the configured seller.
 * @example
 *   for (const line of await runDoctor(config)) console.log(line.status, line.text);
 */
export async function runDoctor(config: KoomockConfig, now: () => number = Date.now): Promise<DoctorLine[]> {
  const address = config.seller.productionUrl;
  const url = parseSellerUrl(address);
  const lines: DoctorLine[] = [];
  try {
    await checkSellerReachable(address);
    lines.push({ id: 'reachable', status: 'ok', text: `${url.host} accepts connections` });
  } catch (e) {
    lines.push({ id: 'reachable', status: 'fail', text: e instanceof Error ? e.message : String(e), fix: 'start the seller, or fix --seller-url' });
    for (const id of ['https', 'signed-call', 'unsigned-call', 'clock']) lines.push({ id, status: 'skipped', text: `${id}: not checked, the seller is not reachable` });
    lines.push(keyLine(config));
    return lines;
  }
  lines.push(...(await tlsLines(url)));

  const transport = createFetchTransport({ insecure: true });
  try {
    const ctx = { profile: config.profile, clock: createSystemClock(), random: createCryptoRandom() };
    const request = buildV2Request('queryInstance', { activity: 'queryInstance', url: address, fields: { instanceId: `koomock-doctor-${ctx.random.uuid()}` } }, ctx);
    const send = async (overrides?: Readonly<Record<string, string | null>>) => {
      const signed = signProduceRequest(request, config.seller.keys, ctx, overrides);
      return toAnswer(await transport.send({ method: signed.method, url: signed.url, headers: signed.headers, ...(signed.body === undefined ? {} : { body: signed.body }) }, { timeoutMs: CALL_TIMEOUT_MS }));
    };
    const sentAt = now();
    const signed = await send();
    const receivedAt = now();
    if (typeof signed === 'string') {
      lines.push({ id: 'signed-call', status: 'fail', text: `a signed queryInstance got no answer: ${signed}`, fix: 'the production interface must answer every POST within 20 s' });
    } else if (signed.looksHtml || signed.json === undefined) {
      lines.push({ id: 'signed-call', status: 'fail', text: `a signed queryInstance for an unknown instance got ${signed.looksHtml ? 'an HTML page' : 'a body that is not a JSON object'} (HTTP ${signed.status}, ${signed.contentType || 'no Content-Type'})`, fix: 'answer every produce call with a JSON object {"resultCode": "…", "resultMsg": "…"} and Content-Type: application/json, even for errors (a proxy or framework error page is not an answer KooGallery reads)' });
    } else if (typeof signed.json['resultCode'] !== 'string' || !/^\d{6}$/.test(signed.json['resultCode'])) {
      lines.push({ id: 'signed-call', status: 'fail', text: `a signed queryInstance got JSON without a six-digit resultCode string (received ${JSON.stringify(signed.json['resultCode']) ?? 'none'})`, fix: 'put resultCode as a string such as "000000" in every answer (docs/checks.md)' });
    } else {
      lines.push({ id: 'signed-call', status: 'ok', text: `a signed queryInstance for an unknown instance got a JSON answer (HTTP ${signed.status}, resultCode ${signed.json['resultCode']})` });
    }
    if (typeof signed !== 'string') {
      const date = signed.date === undefined ? Number.NaN : Date.parse(signed.date);
      if (Number.isNaN(date)) {
        lines.push({ id: 'clock', status: 'fail', text: 'the answer has no Date header, so its clock cannot be compared', fix: 'send a Date header (most servers do by default) and keep the clock synchronised (NTP)' });
      } else {
        // Date has whole seconds: compare with the time the request was on its way.
        const skew = date < sentAt - 1000 ? sentAt - 1000 - date : date > receivedAt ? date - receivedAt : 0;
        lines.push(skew <= MAX_CLOCK_SKEW_MS
          ? { id: 'clock', status: 'ok', text: `the seller's clock is within ${Math.max(1, Math.ceil(skew / 1000))} s of ours` }
          : { id: 'clock', status: 'fail', text: `the seller's clock is ${Math.round(skew / 1000)} s away from ours: signatures carry a timestamp that must be within 60 s`, fix: 'synchronise the server clock (NTP)' });
      }
    }
    const unsigned = await send({ signature: null });
    if (typeof unsigned === 'string') {
      lines.push({ id: 'unsigned-call', status: 'fail', text: `an unsigned call got no answer: ${unsigned}`, fix: 'reject it with a JSON answer, resultCode 000001' });
    } else if (unsigned.json?.['resultCode'] === '000000' || (unsigned.status >= 200 && unsigned.status < 300 && unsigned.json?.['resultCode'] === undefined)) {
      lines.push({ id: 'unsigned-call', status: 'fail', text: 'a queryInstance without a signature was accepted', fix: 'verify the signature URL parameter of every call with the key of its category and answer 000001 when it is missing or wrong (docs/signing.md)' });
    } else {
      lines.push({ id: 'unsigned-call', status: 'ok', text: `a call without a signature is rejected (HTTP ${unsigned.status}${unsigned.json?.['resultCode'] === undefined ? '' : `, resultCode ${String(unsigned.json['resultCode'])}`})` });
    }
  } finally {
    await transport.close();
  }
  lines.push(keyLine(config));
  return lines;
}
