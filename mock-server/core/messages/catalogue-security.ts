/** Sentences of the `security.*` checks: the forged calls and what a seller must do; see catalogue.ts for the template syntax. */
import { EVERY_ATTACK_NAME as ATTACK_NAMES } from '../checks/attack-names.js';
import { ATTACK_TEXTS } from '../checks/attack-texts.js';
import type { MessageEntry } from './message-entry.js';

/** What each attack sends and what the seller must check, from the attack table (both languages live there). */
const ATTACK_SENTENCES: Readonly<Record<string, MessageEntry>> = Object.fromEntries(
  ATTACK_NAMES.flatMap((a) => [
    [`attack.${a}.sends`, { en: ATTACK_TEXTS[a].sends, zh: ATTACK_TEXTS[a].sendsZh }],
    [`attack.${a}.must`, { en: ATTACK_TEXTS[a].must, zh: ATTACK_TEXTS[a].mustZh }],
  ]),
);

export const SECURITY_SENTENCES: Readonly<Record<string, MessageEntry>> = {
  ...ATTACK_SENTENCES,
  'forgery.expected': {
    en: 'the forged {activity} rejected with resultCode "000001" (authentication failed); koomock sent {~sends}',
    zh: '伪造的 {activity} 被拒绝，resultCode 为 "000001"（鉴权失败）；koomock 发送了{~sends}',
  },
  'forgery.expected-replay': {
    en: 'the replayed {activity} rejected with resultCode "000001" (authentication failed); koomock sent {~sends}',
    zh: '重放的 {activity} 被拒绝，resultCode 为 "000001"（鉴权失败）；koomock 发送了{~sends}',
  },
  'forgery.accepted': { en: '{got}: the seller accepted {~what}', zh: '{got}：卖家服务接受了{~what}' },
  'forgery.what-replay': { en: 'the same signed {activity} twice', zh: '同一个已签名的 {activity} 两次', nested: true },
  'forgery.what': { en: 'a forged {activity} ({~detail})', zh: '伪造的 {activity}（{~detail}）', nested: true },
  'forgery.hint': { en: 'The seller accepted {~sends}. Fix: {~must}. Answer 000001 and change nothing.', zh: '卖家服务接受了{~sends}。修复：{~must}。请应答 000001，且不做任何修改。' },
  'forgery.hint-replay': {
    en: 'The seller accepted the same signed call twice (a warning only). Fix: {~must}. Answer 000001 and change nothing.',
    zh: '卖家服务两次接受了同一个已签名的调用（仅警告）。修复：{~must}。请应答 000001，且不做任何修改。',
  },
  'forgery.hint-code': {
    en: 'The seller rejected the forged call {~how}: use 000001 for authentication failures (a bad or missing signature, timestamp or nonce), so a wrong key is told apart from a bad field.',
    zh: '卖家服务拒绝了伪造的调用，但{~how}：鉴权失败（签名、timestamp 或 nonce 错误或缺失）请用 000001，以便与字段错误区分开。',
  },
  'forgery.hint-answer': {
    en: 'The seller did not accept the forged call, but it answered {~how}: answer HTTP 200 with {"resultCode":"000001","resultMsg":"…"}: the marketplace reads nothing but HTTP 200 and resultCode.',
    zh: '卖家服务没有接受伪造的调用，但{~how}：请应答 HTTP 200 和 {"resultCode":"000001","resultMsg":"…"}：云商店只读取 HTTP 200 和 resultCode。',
  },
  'forgery.how.none': { en: 'without an answer', zh: '没有应答', nested: true },
  'forgery.how.status': { en: 'with HTTP {status}', zh: '应答了 HTTP {status}', nested: true },
  'forgery.how.not-json': { en: 'without a JSON answer', zh: '应答不是 JSON', nested: true },
  'forgery.how.code': { en: 'with {code}', zh: '应答了 {code}', nested: true },
  'forgery.how.no-code': { en: 'without a resultCode', zh: '应答没有 resultCode', nested: true },
  'forgery.inapplicable.expected': { en: 'a forged call: {~sends}', zh: '伪造的调用：{~sends}' },
  'forgery.inapplicable.received': { en: 'not sent: {~reason}', zh: '未发送：{~reason}' },
  'forgery.inapplicable.seconds': {
    en: 'the profile sends timestamps in seconds (timestampUnit: seconds), so a valid call already carries one',
    zh: '当前配置以秒发送时间戳（timestampUnit: seconds），合法调用本来就带秒级时间戳',
  },
  'forgery.inapplicable.basic-is-kit': {
    en: 'the configured basic key is also the kit key, so a call signed with it is a valid one',
    zh: '配置的基础接口密钥同时也是联营密钥，用它签名的调用本来就是合法调用',
  },
  'forgery.inapplicable.hint-kit': {
    en: 'give the seller a kit key of its own (联营SaaS同步接口, --kit-key), as the platform does, to cover this attack',
    zh: '请像云商店一样为卖家配置单独的联营密钥（联营SaaS同步接口，--kit-key），以覆盖这种攻击',
  },
  'forgery.inapplicable.hint': {
    en: 'run the security scenarios under the default profile (timestampUnit: ms) to cover this attack',
    zh: '请在默认配置（timestampUnit: ms）下运行安全场景，以覆盖这种攻击',
  },
  'side-effect.expected': { en: 'no trace of the forged {forged} (step {step}) in a valid {activity}', zh: '合法的 {activity} 中看不到伪造的 {forged}（步骤 {step}）留下的痕迹' },
  'side-effect.none': { en: 'the valid {activity} shows none', zh: '合法的 {activity} 中没有痕迹' },
  'side-effect.created': {
    en: 'the valid {activity} got instanceId {instanceId}, the one the forged call was given: the forged call created the instance',
    zh: '合法的 {activity} 得到的 instanceId {instanceId} 正是伪造调用得到的那个：伪造的调用创建了实例',
  },
  'side-effect.hint': {
    en: '{~answered} acted on it: verify the signature, timestamp and nonce first, before reading ids from the body or changing anything, and change nothing when verification fails. For this forgery: {~must}.',
    zh: '{~answered}据此执行了操作：请先校验签名、timestamp 和 nonce，再读取请求体中的 ID 或做任何修改；校验失败时不做任何修改。针对这次伪造：{~must}。',
  },
  'side-effect.seller': { en: 'The seller', zh: '卖家服务', nested: true },
  'side-effect.accepted': { en: 'The seller accepted the forged call (000000) and', zh: '卖家服务接受了伪造的调用（000000），并且', nested: true },
  'side-effect.answered': { en: 'The seller answered the forged call {code} but', zh: '卖家服务对伪造的调用应答了 {code}，但', nested: true },
};
