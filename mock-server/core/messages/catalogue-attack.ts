/** Sentences about choosing an attack (scenario files, `koomock send --attack`); see catalogue.ts for the template syntax. */
import type { MessageEntry } from './message-entry.js';

export const ATTACK_CHOICE_SENTENCES: Readonly<Record<string, MessageEntry>> = {
  'attack.family.v2': { en: 'V2 calls', zh: 'V2 调用', nested: true },
  'attack.family.kit': { en: 'kit calls', zh: '联营调用', nested: true },
  'attack.family.v1': { en: 'V1 calls', zh: 'V1 调用', nested: true },
  'attack.family.v2-basic': { en: 'V2 basic calls and orderNotify', zh: 'V2 基础接口调用和 orderNotify', nested: true },
  'attack.family.kit-operations': { en: 'kit operations', zh: '联营接口', nested: true },
  'attack.family.v1-generation': { en: 'V1 calls (profile generation v1)', zh: 'V1 调用（profile generation v1）', nested: true },
  'attack.family.v2-calls': { en: 'V2 calls (basic interfaces and orderNotify)', zh: 'V2 调用（基础接口和 orderNotify）', nested: true },
  'attack.family.kit-calls': {
    en: 'kit calls (tenantSync, applicationSync, authSync, singleOrgSync, allOrgSync)',
    zh: '联营调用（tenantSync、applicationSync、authSync、singleOrgSync、allOrgSync）',
    nested: true,
  },
  'attack.choice.unknown-near': {
    en: 'unknown attack {name} (did you mean {near}?): attacks for {activity} ({~family}): {list}',
    zh: '未知的攻击 {name}（是否想用 {near}？）：{activity}（{~family}）可用的攻击：{list}',
  },
  'attack.choice.unknown': { en: 'unknown attack {name}: attacks for {activity} ({~family}): {list}', zh: '未知的攻击 {name}：{activity}（{~family}）可用的攻击：{list}' },
  'attack.choice.other-family-near': {
    en: 'attack {name} is for {~other}, not for {activity} (did you mean {near}?): attacks for {activity} ({~family}): {list}',
    zh: '攻击 {name} 用于{~other}，不适用于 {activity}（是否想用 {near}？）：{activity}（{~family}）可用的攻击：{list}',
  },
  'attack.choice.other-family': {
    en: 'attack {name} is for {~other}, not for {activity}: attacks for {activity} ({~family}): {list}',
    zh: '攻击 {name} 用于{~other}，不适用于 {activity}：{activity}（{~family}）可用的攻击：{list}',
  },
  'attack.choice.retry': {
    en: '--retry cannot be combined with --attack: a forged call is sent once; remove --retry',
    zh: '--retry 不能与 --attack 同时使用：伪造的调用只发送一次；请去掉 --retry',
  },
  'attack.scenario.family': { en: 'attack {name} is defined for {~family}, not for {activity}', zh: '攻击 {name} 用于{~family}，不适用于 {activity}' },
  'attack.scenario.family-v1': {
    en: 'attack {name} is defined for {~family}, not for {activity} in a V1 scenario',
    zh: '攻击 {name} 用于{~family}，不适用于 V1 场景中的 {activity}',
  },
  'attack.scenario.list': { en: 'attacks for {activity}: {list}', zh: '{activity} 可用的攻击：{list}' },
  'attack.call.family': {
    en: 'attack {name} is defined for {~family}, not for {~other}; attacks for {activity}: {list}',
    zh: '攻击 {name} 用于{~family}，不适用于{~other}；{activity} 可用的攻击：{list}',
  },
  'attack.break.family': { en: 'break {how} is not defined for {activity}: use one of {list}', zh: 'break {how} 不适用于 {activity}：请使用 {list} 之一' },
  'attack.call.replay': {
    en: 'attack {name} re-sends an accepted call: send the valid call first, then replay it',
    zh: '攻击 {name} 会重发已被接受的调用：请先发送合法调用，再重放它',
  },
  // What a forged call broke, as the received line of an accepted forgery names it.
  'attack.what.kit-wrong-key': {
    en: "a forged {activity} (x-sign computed with a key that is not the seller's)",
    zh: '伪造的 {activity}（x-sign 由非卖家的密钥计算）',
    nested: true,
  },
  'attack.what.kit-basic-key': {
    en: "a forged {activity} (x-sign computed with the seller's basic (基础接口) key instead of the kit key)",
    zh: '伪造的 {activity}（x-sign 由卖家的基础接口密钥而不是联营密钥计算）',
    nested: true,
  },
  'attack.what.kit-stale': {
    en: 'a forged {activity} (x-timestamp {ts}, {n} minutes old, correctly signed)',
    zh: '伪造的 {activity}（x-timestamp 为 {ts}，已过去 {n} 分钟，签名正确）',
    nested: true,
  },
  'attack.what.v1-wrong-key': {
    en: "a forged {activity} (authToken computed with a key that is not the seller's)",
    zh: '伪造的 {activity}（authToken 由非卖家的密钥计算）',
    nested: true,
  },
  'attack.what.v1-stale': {
    en: 'a forged {activity} (timeStamp {ts} (UTC), {n} minutes old, correctly signed)',
    zh: '伪造的 {activity}（timeStamp 为 {ts}（UTC），已过去 {n} 分钟，签名正确）',
    nested: true,
  },
  'attack.what.wrong-key': { en: "a forged {activity} (signed with a key that is not the seller's)", zh: '伪造的 {activity}（用非卖家的密钥签名）', nested: true },
  'attack.what.stale': {
    en: 'a forged {activity} (timestamp {ts}, {n} minutes old, correctly signed)',
    zh: '伪造的 {activity}（timestamp 为 {ts}，已过去 {n} 分钟，签名正确）',
    nested: true,
  },
};
