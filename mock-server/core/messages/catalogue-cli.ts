/** CLI usage errors a seller reads most (missing flags, an unreachable seller, a language); see catalogue.ts for the template syntax. */
import type { MessageEntry } from './message-entry.js';

export const CLI_SENTENCES: Readonly<Record<string, MessageEntry>> = {
  'cli.flag-missing': { en: '{flag} is missing; pass {~what}', zh: '缺少 {flag}；请传入{~what}' },
  'cli.what.v2-key': {
    en: 'the 基础接口 (basic interface) access key; orderNotify uses the 通用接口 (general) key',
    zh: '基础接口密钥；orderNotify 使用通用接口密钥',
    nested: true,
  },
  'cli.what.kit-key': { en: 'the 联营SaaS同步接口 (joint-operation kit) key', zh: '联营SaaS同步接口密钥', nested: true },
  'cli.what.v1-key': { en: 'the V1 seller Key (服务商信息 / interface addresses)', zh: 'V1 服务商 Key（服务商信息 / 接口地址）', nested: true },
  'cli.what.usage-key': { en: 'the ISV 对接密钥 (usage key) the usage push is signed with', zh: '话单上报签名所用的 ISV 对接密钥', nested: true },
  'cli.what.basic-key': { en: 'the 基础接口 access key', zh: '基础接口密钥', nested: true },
  'cli.what.ak': { en: 'the access key id (AK) of the seller account', zh: '卖家账号的访问密钥 ID（AK）', nested: true },
  'cli.what.sk': { en: 'the secret access key (SK) of the seller account', zh: '卖家账号的秘密访问密钥（SK）', nested: true },
  'cli.what.sk-signed': { en: 'the secret access key (SK) the request was signed with', zh: '请求签名所用的秘密访问密钥（SK）', nested: true },
  'cli.what.body-sent': { en: 'the body sent, e.g. {example}', zh: '发送的请求体，例如 {example}', nested: true },
  'cli.what.body': { en: 'the body, e.g. {example}', zh: '请求体，例如 {example}', nested: true },
  'cli.what.response-body': { en: 'the response body, e.g. {example}', zh: '应答体，例如 {example}', nested: true },
  'cli.what.nonce-header': { en: 'the nonce header', zh: 'nonce 请求头', nested: true },
  'cli.what.nonce': { en: 'the nonce sent', zh: '发送的 nonce', nested: true },
  'cli.what.timestamp': { en: 'the timestamp sent (Unix ms)', zh: '发送的 timestamp（Unix 毫秒）', nested: true },
  'cli.what.ts': { en: 'the ts header (Unix ms)', zh: 'ts 请求头（Unix 毫秒）', nested: true },
  'cli.what.cipher': { en: 'the encrypted value (IV + Base64)', zh: '加密后的值（IV + Base64）', nested: true },
  'cli.what.plain': { en: 'the plaintext to encrypt', zh: '要加密的明文', nested: true },
  'cli.unreachable': {
    en: 'cannot reach the seller at {url}: {reason} — start the seller, or fix --seller-url',
    zh: '无法连接卖家服务 {url}：{reason}——请启动卖家服务，或修正 --seller-url',
  },
  'cli.unknown-lang-near': {
    en: 'unknown language {text} for --lang: expected one of {list} (did you mean {near}?)',
    zh: '--lang 的语言 {text} 无法识别：应为 {list} 之一（是否想用 {near}？）',
  },
  'cli.unknown-lang': { en: 'unknown language {text} for --lang: expected one of {list}', zh: '--lang 的语言 {text} 无法识别：应为 {list} 之一' },
};
