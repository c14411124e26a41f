/** What a V1 run says beyond the shared checks (core/checks/v1-result-hint.ts); see catalogue.ts for the template syntax. */
import type { MessageEntry } from './message-entry.js';

export const V1_SENTENCES: Readonly<Record<string, MessageEntry>> = {
  'v1.hint.auth-token': {
    en: "The seller rejected koomock's authToken. Compute Base64(HMAC-SHA256(key = V1 Key + timeStamp, every other query parameter URL-decoded and sorted by name as k=v&…)); mobilePhone and email are signed as their ciphertext, timeStamp is UTC yyyyMMddHHmmssSSS, and the token arrives URL-encoded (docs/v1.md).",
    zh: '卖家服务拒绝了 koomock 的 authToken。计算方法：Base64(HMAC-SHA256(密钥 = V1 Key + timeStamp，除 authToken 外的全部查询参数先 URL 解码、再按参数名排序拼成 k=v&…))；mobilePhone 和 email 按密文参与签名，timeStamp 为 UTC 时间 yyyyMMddHHmmssSSS，authToken 本身在 URL 中是编码后的形式（见 docs/v1.md）。',
  },
  'v1.hint.contact': {
    en: 'If the seller could not read mobilePhone or email: V1 sends them encrypted with the V1 Key as IV + Base64({aes}) (encryptType {code}, the key drawn from SHA1PRNG seeded with the Key); decrypt them before checking them (docs/v1.md).',
    zh: '如果卖家服务读不出 mobilePhone 或 email：V1 用 V1 Key 加密后以 IV + Base64({aes}) 的形式发送（encryptType {code}，AES 密钥由以 Key 为种子的 SHA1PRNG 生成）；请先解密再校验（见 docs/v1.md）。',
  },
  'v1.hint.contact-otherwise': { en: '{~contact} Otherwise: {~hint}', zh: '{~contact} 否则：{~hint}' },
};
