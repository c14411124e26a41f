import { renderQueryPairs } from './canonical.js';
import {
  type ApigDiagnosisContext,
  type ApigMistakeRule,
  type ApigVariant,
  headersWith,
  signedHeaderLines,
  toHeaderBlock,
} from './mistake-rule.js';
import { decodeUriComponentSafe, encodeRfc3986 } from './rfc3986.js';

/** Known mistakes in the method, URI, query and header parts of the canonical request. */

const uriWith = (ctx: ApigDiagnosisContext, encode: (segment: string) => string, slash = true): string => {
  const uri = ctx.req.path.split('/').map(encode).join('/');
  return slash && !uri.endsWith('/') ? `${uri}/` : uri;
};
const decoded = (encode: (s: string) => string) => (segment: string) => encode(decodeUriComponentSafe(segment));

/** Encoders that are not quite RFC 3986. */
const LOOSE_ENCODERS: readonly ((s: string) => string)[] = [
  // encodeURIComponent leaves ! ' ( ) * alone
  (s) => encodeRfc3986(s).replace(/%(21|27|28|29|2A)/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
  // Python urllib.parse.quote default: '/' is safe
  (s) => encodeRfc3986(s).replaceAll('%2F', '/'),
  (s) => encodeRfc3986(s).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase()),
];

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const titleCase = (name: string): string =>
  name
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('-');

const MARKET_HOSTS = ['mkt.myhuaweicloud.com', 'mkt.myhuaweicloud.cn', 'mkt-intl.myhuaweicloud.com', 'mkt.myhuaweicloud.eu'];

export const APIG_REQUEST_MISTAKES: readonly ApigMistakeRule[] = [
  {
    id: 'missing-trailing-slash',
    en: 'The canonical URI must always end with "/" (…/order/query → …/order/query/), unlike AWS SigV4. Append "/" in the canonical request only; send the URL unchanged.',
    zh: '规范URI必须始终以"/"结尾（…/order/query → …/order/query/），这一点与AWS SigV4不同。只在规范请求中追加"/"，实际请求的URL不变。',
    variants: (ctx) => [{ parts: { uri: uriWith(ctx, decoded(encodeRfc3986), false) } }],
  },
  {
    id: 'path-encoded-twice',
    en: 'The path was percent-encoded again although it was already encoded (%20 became %2520). Decode each path segment, then encode it once with RFC 3986.',
    zh: '路径在已编码的基础上又被编码了一次（%20变成%2520）。请先对每个路径段解码，再按RFC 3986编码一次。',
    variants: (ctx) => [{ parts: { uri: uriWith(ctx, encodeRfc3986) } }],
  },
  {
    id: 'path-not-encoded',
    en: 'The path was signed decoded (raw spaces or non-ASCII). Encode each path segment with RFC 3986 (unreserved A-Z a-z 0-9 - _ . ~, everything else %XX upper-case).',
    zh: '签名时使用了未编码的路径（含空格或非ASCII字符）。请按RFC 3986对每个路径段编码（A-Z a-z 0-9 - _ . ~ 保留，其余转为大写%XX）。',
    variants: (ctx) => [{ parts: { uri: uriWith(ctx, decodeUriComponentSafe) } }],
  },
  {
    id: 'encoding-not-rfc3986',
    en: 'Path or query was encoded with a non-RFC 3986 encoder (encodeURIComponent keeps !\'()*, Python quote keeps "/", or hex in lower case). Encode everything except A-Z a-z 0-9 - _ . ~ as upper-case %XX.',
    zh: '路径或查询参数的编码不符合RFC 3986（encodeURIComponent不编码!\'()*，Python quote不编码"/"，或十六进制用了小写）。除A-Z a-z 0-9 - _ . ~ 外一律编码为大写%XX。',
    variants: (ctx) =>
      LOOSE_ENCODERS.map((encode) => ({
        parts: { uri: uriWith(ctx, decoded(encode)), query: renderQueryPairs(ctx.queryPairs, encode) },
      })),
  },
  {
    id: 'query-not-sorted',
    en: 'Query parameters were signed in the order sent. Sort them by encoded name (and by value for a repeated name) in the canonical query string.',
    zh: '查询参数按发送顺序参与了签名。规范查询字符串中应按编码后的参数名排序（同名参数再按值排序）。',
    variants: (ctx) => [{ parts: { query: renderQueryPairs(ctx.queryPairs, encodeRfc3986, false) } }],
  },
  {
    id: 'query-sorted-before-encoding',
    en: 'Query parameters were sorted by their raw (decoded) names. Sort by the encoded names.',
    zh: '查询参数按编码前的名称排序了。请按编码后的名称排序。',
    variants: (ctx) => {
      const raw = [...ctx.queryPairs].sort((a, b) => compare(a.key, b.key) || compare(a.value, b.value));
      return [{ parts: { query: renderQueryPairs(raw, encodeRfc3986, false) } }];
    },
  },
  {
    id: 'query-not-encoded',
    en: 'Query names/values were signed without RFC 3986 encoding (raw values, or as they appeared in the URL). Decode each parameter, then encode name and value with RFC 3986.',
    zh: '查询参数名或值未按RFC 3986编码就参与了签名（原始值，或URL中的原样文本）。请先解码每个参数，再对名和值按RFC 3986编码。',
    variants: (ctx) => {
      const asSent = ctx.req.query === '' ? [] : ctx.req.query.split('&').map((p) => (p.includes('=') ? p : `${p}=`));
      return [{ parts: { query: renderQueryPairs(ctx.queryPairs, (s) => s) } }, { parts: { query: asSent.sort().join('&') } }];
    },
  },
  {
    id: 'query-encoded-plus',
    en: 'A space in the query was signed as "+" (form encoding). In the canonical query a space is %20.',
    zh: '查询参数中的空格被编码成了"+"（表单编码）。规范查询字符串中空格应为%20。',
    variants: (ctx) => [{ parts: { query: renderQueryPairs(ctx.queryPairs, (s) => encodeRfc3986(s).replaceAll('%20', '+')) } }],
  },
  {
    id: 'method-not-uppercased',
    en: 'The HTTP method was signed in lower case. Use the upper-case method (GET, POST) in the canonical request.',
    zh: 'HTTP方法以小写参与了签名。规范请求中应使用大写方法名（GET、POST）。',
    variants: (ctx) => [{ parts: { method: ctx.req.method.toLowerCase() } }],
  },
  {
    id: 'header-not-trimmed',
    en: 'Header values were signed with their leading/trailing spaces. Trim each value in the canonical headers.',
    zh: '请求头的值带着首尾空格参与了签名。规范头中每个值都要去掉首尾空白。',
    variants: (ctx) => [{ parts: { headers: toHeaderBlock(signedHeaderLines(ctx), false) } }],
  },
  {
    id: 'header-name-not-lowercased',
    en: 'Header names were signed in their original case (Content-Type). Lower-case every name in the canonical headers and in SignedHeaders.',
    zh: '请求头名称以原始大小写参与了签名（如Content-Type）。规范头和SignedHeaders中的名称都必须小写。',
    variants: (ctx) => headerCaseVariants(ctx),
  },
  {
    id: 'signed-headers-not-sorted',
    en: 'Signed headers were used in the order listed, not sorted. Sort the lower-case names for both the canonical headers and SignedHeaders.',
    zh: '签名头按列出顺序参与了签名而未排序。规范头和SignedHeaders中的小写名称都要排序。',
    variants: (ctx) => {
      const order = (ctx.auth?.signedHeaders ?? []).map((n) => n.toLowerCase());
      const byName = new Map(signedHeaderLines(ctx).map((l) => [l.name, l]));
      const lines = order.flatMap((n) => byName.get(n) ?? []);
      return [{ parts: { headers: toHeaderBlock(lines), signedHeaders: order.join(';') } }];
    },
  },
  {
    id: 'signed-header-missing-value',
    en: 'A header listed in SignedHeaders was signed with an empty value (it was set or changed after signing). Set every header before signing and send exactly those values.',
    zh: 'SignedHeaders中某个头以空值参与了签名（签名后才设置或修改了它）。请先设置好所有请求头再签名，并原样发送。',
    variants: (ctx) => ctx.signedHeaders.map((name) => ({ parts: { headers: headersWith(ctx, { [name]: '' }) } })),
  },
  {
    id: 'host-mismatch',
    en: 'The host signed is not the Host header sent (a port added or dropped, or the production host signed while calling koomock). Sign the host[:port] exactly as sent.',
    zh: '签名用的host与实际发送的Host头不一致（多了或少了端口，或调用koomock时签的是生产域名）。请按实际发送的host[:port]签名。',
    variants: (ctx) => {
      const host = ctx.headers.host ?? '';
      const bare = host.replace(/:\d+$/, '');
      const hosts = new Set([bare, `${bare}:443`, `${bare}:80`, ...MARKET_HOSTS]);
      hosts.delete(host);
      return [...hosts].map((h) => ({ parts: { headers: headersWith(ctx, { host: h }) } }));
    },
  },
];

function headerCaseVariants(ctx: ApigDiagnosisContext): ApigVariant[] {
  const lines = signedHeaderLines(ctx);
  const titled = lines.map((l) => ({ ...l, name: titleCase(l.name) }));
  const out: ApigVariant[] = [
    { parts: { headers: toHeaderBlock(titled) } },
    { parts: { headers: toHeaderBlock(titled), signedHeaders: titled.map((l) => l.name).join(';') } },
  ];
  const declared = ctx.auth?.signedHeaders ?? [];
  if (declared.some((n) => n !== n.toLowerCase())) {
    const byName = new Map(lines.map((l) => [l.name, l.value]));
    const asDeclared = declared.map((name) => ({ name, value: byName.get(name.toLowerCase()) ?? '' }));
    out.push({ parts: { headers: toHeaderBlock(asDeclared), signedHeaders: declared.join(';') } });
  }
  return out;
}
