import type { AttackName } from './attack-names.js';
import { KIT_V1_ATTACK_TEXTS } from './attack-texts-kit-v1.js';

/** What koomock sends for an attack and what a seller must do about it, in English and Chinese. */
export interface AttackText {
  /** What the check `security.<attack>` verifies, in a line. */
  readonly title: string;
  readonly titleZh: string;
  /** One line: the forged call. */
  readonly sends: string;
  readonly sendsZh: string;
  /** What the seller must verify to reject it. */
  readonly must: string;
  readonly mustZh: string;
}

/** docs/security.md ("Forged produce calls") shows the same table. */
export const ATTACK_TEXTS: Readonly<Record<AttackName, AttackText>> = {
  'body-changed-after-signing': {
    title: 'a call whose body was changed after signing is rejected (000001) and changes nothing',
    titleZh: '签名后被改动请求体的调用被拒绝（000001），且没有任何影响',
    sends: 'a correctly signed request whose instanceId (or orderLineId) was changed after signing',
    sendsZh: '签名正确、但签名后 instanceId（或 orderLineId）被改动过的请求',
    must: 'recompute the signature over the body as received (the raw bytes, or the body with its top-level keys sorted) and compare it with `signature` in constant time; never act on a body you did not verify',
    mustZh: '对收到的请求体（原始字节，或顶层键排序后的 JSON）重新计算签名，并与 signature 做常量时间比较；未经验签的请求体一律不处理',
  },
  'wrong-key': {
    title: 'a call signed with another key is rejected (000001) and changes nothing',
    titleZh: '用其他密钥签名的调用被拒绝（000001），且没有任何影响',
    sends: 'a request signed correctly, but with a key that is not the seller\'s',
    sendsZh: '签名算法正确、但使用了非卖家密钥签名的请求',
    must: 'verify with your own key of the call\'s category (basic interfaces, or general for orderNotify) and answer 000001 when the signature does not match',
    mustZh: '用该调用类别对应的卖家密钥（基础接口，orderNotify 为通用接口）验签，不一致时返回 000001',
  },
  'signature-missing': {
    title: 'a call without signature is rejected (000001) and changes nothing',
    titleZh: '没有 signature 的调用被拒绝（000001），且没有任何影响',
    sends: 'a request without the `signature` URL parameter (timestamp and nonce present)',
    sendsZh: '在 URL 中不带 signature 参数（timestamp 和 nonce 都有）的请求',
    must: 'require `signature` on every call; never skip verification because the parameter is absent',
    mustZh: '每个调用都必须带 signature；缺少该参数时不能跳过验签，应返回 000001',
  },
  'timestamp-missing': {
    title: 'a call without timestamp is rejected (000001) and changes nothing',
    titleZh: '没有 timestamp 的调用被拒绝（000001），且没有任何影响',
    sends: 'a request without `timestamp`, its signature valid for an empty timestamp',
    sendsZh: '没有 timestamp 参数的请求（签名按空 timestamp 计算，是有效的）',
    must: 'require `timestamp`; a call without it cannot be placed in the 60 s window',
    mustZh: '必须要求 timestamp 参数；缺少 timestamp 的调用无法做 60 秒时间窗口校验',
  },
  'nonce-missing': {
    title: 'a call without nonce is rejected (000001) and changes nothing',
    titleZh: '没有 nonce 的调用被拒绝（000001），且没有任何影响',
    sends: 'a request without `nonce`, its signature valid for an empty nonce',
    sendsZh: '没有 nonce 参数的请求（签名按空 nonce 计算，是有效的）',
    must: 'require `nonce`; it is part of the signed text and what replay protection keys on',
    mustZh: '必须要求 nonce 参数；nonce 是签名内容的一部分，也是防重放的依据',
  },
  'timestamp-stale': {
    title: 'a call with a timestamp older than 60 s is rejected (000001) and changes nothing',
    titleZh: 'timestamp 超过 60 秒的调用被拒绝（000001），且没有任何影响',
    sends: 'a correctly signed request whose timestamp is 5 minutes old',
    sendsZh: '签名正确、但 timestamp 是 5 分钟之前的请求',
    must: 'reject a timestamp more than 60 s old: now_ms - timestamp > 60000 (keep the server clock in sync)',
    mustZh: '拒绝超过 60 秒的 timestamp：当前毫秒时间 - timestamp > 60000 即拒绝（并保持服务器时钟同步）',
  },
  'timestamp-in-seconds': {
    title: 'a call with a 10-digit timestamp in seconds is rejected (000001) and changes nothing',
    titleZh: 'timestamp 为 10 位秒级时间戳的调用被拒绝（000001），且没有任何影响',
    sends: 'a correctly signed request with the current time as a 10-digit timestamp in seconds',
    sendsZh: '签名正确、timestamp 为当前时间的 10 位秒级时间戳的请求',
    must: 'read `timestamp` as milliseconds (13 digits, docs/fidelity.md#d3), as the marketplace sends it; do not rescale 10-digit values: read as milliseconds they are in 1970 and fail the 60 s window',
    mustZh: '按毫秒（13 位，docs/fidelity.md#d3）解析 timestamp，与云商店一致；不要把 10 位的值当作秒换算：按毫秒解析它是 1970 年，应判为超出 60 秒窗口',
  },
  'signature-of-other-activity': {
    title: "a call carrying another call's signature is rejected (000001) and changes nothing",
    titleZh: '携带其他调用签名的调用被拒绝（000001），且没有任何影响',
    sends: 'a releaseInstance carrying the signature, timestamp and nonce of a queryInstance for the same instance (for a queryInstance: of a releaseInstance)',
    sendsZh: '携带同一实例 queryInstance 请求的 signature、timestamp 和 nonce 的 releaseInstance 请求（queryInstance 则携带 releaseInstance 的）',
    must: 'recompute the signature over this very body: it covers the whole body, `activity` included, so a signature that was valid for another call proves nothing about this one',
    mustZh: '签名覆盖整个请求体（包括 activity）：请对本次请求体重新计算签名；其他调用的有效签名不能证明本次调用',
  },
  replay: {
    title: 'a call sent again byte for byte is rejected (000001; a warning only)',
    titleZh: '按原字节重发的调用被拒绝（000001；仅警告）',
    sends: 'the exact bytes of a call the seller already accepted, sent again within the 60 s window',
    sendsZh: '卖家已接受过的调用，在 60 秒窗口内按原字节再次发送',
    must: 'remember the nonce of every accepted call for the window and answer 000001 to a repeat (optional on the platform, recommended)',
    mustZh: '在时间窗口内记住已接受调用的 nonce，重复的 nonce 返回 000001（平台未强制，建议实现）',
  },  ...KIT_V1_ATTACK_TEXTS,
};
