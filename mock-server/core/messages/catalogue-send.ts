/**
 * What `koomock send` and a run say of a call they cannot build: missing fields and keys, unknown
 * activities and fields, overrides that are not well-formed; see catalogue.ts for the template syntax.
 */
import type { MessageEntry } from './message-entry.js';

export const SEND_SENTENCES: Readonly<Record<string, MessageEntry>> = {
  // app/derive-call.ts
  'send.needs-one': { en: '{activity} needs one more field: {list}', zh: '{activity} 还缺少一个字段：{list}' },
  'send.needs': { en: '{activity} needs {n} more fields: {list}', zh: '{activity} 还缺少 {n} 个字段：{list}' },
  // A call built from the command line (core/scenario/run/state.ts stepError, fieldsHint).
  'send.fix-fields': {
    en: 'fix --set / --body (koomock send) or fields / set (POST /_koomock/send)',
    zh: '请修正 --set / --body（koomock send），或 fields / set（POST /_koomock/send）',
    nested: true,
  },
  'send.fix-with': { en: 'fix `with`/`set` of this step', zh: '请修正该步骤的 `with`/`set`', nested: true },
  // core/produce/activities.ts
  'activity.not-v1-named': {
    en: 'activity {name} does not exist in V1; V1 calls it {other}; V1 activities: {list}',
    zh: 'V1 中没有 activity {name}；V1 中它叫 {other}；V1 的 activity 有：{list}',
    nested: true,
  },
  'activity.not-v1': { en: 'activity {name} does not exist in V1; V1 activities: {list}', zh: 'V1 中没有 activity {name}；V1 的 activity 有：{list}', nested: true },
  'activity.not-v2-named': {
    en: 'activity {name} does not exist in V2; V2 uses {other}; V2 activities: {list}',
    zh: 'V2 中没有 activity {name}；V2 使用 {other}；V2 的 activity 有：{list}',
    nested: true,
  },
  'activity.not-v2': { en: 'activity {name} does not exist in V2; V2 activities: {list}', zh: 'V2 中没有 activity {name}；V2 的 activity 有：{list}', nested: true },
  // core/produce/field-spec.ts
  'field.not-one-of': {
    en: '{field}: {value} is not one of {list} (send another value with an override)',
    zh: '{field}：{value} 不是 {list} 之一（要发送其他值请使用覆盖）',
    nested: true,
  },
  'field.unknown': {
    en: '{where}: unknown field {names}; known: {known} (use an override to send an extra field)',
    zh: '{where}：未知字段 {names}；已知字段：{known}（要发送额外字段请使用覆盖）',
    nested: true,
  },
  'field.too-many-ids': { en: '{field}: at most {max} ids per call, received {n}', zh: '{field}：每次调用最多 {max} 个 ID，实际 {n} 个', nested: true },
  'field.not-time': { en: '{field}: {value} is not a usable time in epoch milliseconds', zh: '{field}：{value} 不是可用的毫秒级 Unix 时间', nested: true },
  // core/produce/overrides.ts
  'override.empty-segment': { en: 'override {path} has an empty segment', zh: '覆盖 {path} 中有空的路径段' },
  'override.no-field': { en: 'override "!" names no field: write !field to delete a field', zh: '覆盖 "!" 没有指定字段：删除字段请写 !field' },
  'override.form': { en: 'override {text} is not field=value, field:=json or !field', zh: '覆盖 {text} 不是 field=value、field:=json 或 !field 形式' },
  'override.not-json': { en: 'override {text}: the value after := is not JSON', zh: '覆盖 {text}：:= 之后的值不是 JSON' },
  // Keys a call needs (core/produce/seller-keys.ts, build-kit.ts, core/errors.ts keyMissing).
  'key.not-set': { en: '{~which} is not set: {~use}; pass it with {flag}', zh: '未设置{~which}：{~use}；请用 {flag} 传入' },
  'key.name.basic': { en: 'the basic (基础接口) key', zh: '基础接口密钥', nested: true },
  'key.name.general': { en: 'the general (通用接口) key', zh: '通用接口密钥', nested: true },
  'key.name.kit': { en: 'the joint-operation kit (联营SaaS同步接口) key', zh: '联营SaaS同步接口密钥', nested: true },
  'key.name.v1': { en: 'the V1 key', zh: 'V1 Key', nested: true },
  'key.use.basic': { en: 'V2 basic produce calls are signed with it', zh: 'V2 基础接口的生产接口调用用它签名', nested: true },
  'key.use.general': { en: 'orderNotify is signed with it (produce-api.md §1.3)', zh: 'orderNotify 用它签名（produce-api.md §1.3）', nested: true },
  'key.use.kit': { en: 'kit sync calls (/produceAPI/v2/*) are signed with it', zh: '联营kit同步调用（/produceAPI/v2/*）用它签名', nested: true },
  'key.use.v1': { en: 'V1 calls (authToken, Body-Sign, AES fields) use it', zh: 'V1 调用（authToken、Body-Sign、AES 字段）使用它', nested: true },
  'key.kit-public': {
    en: "the seller's kit public key (联营 clientSecret 加密公钥) is not set: applicationSync sends clientSecret encrypted with it; set seller.kitPublicKeyFile (or seller.kitPublicKey) in koomock.config.yaml; `koomock init --kit` makes a demo key pair",
    zh: '未设置卖家的联营 clientSecret 加密公钥：applicationSync 发送的 clientSecret 用它加密；请在 koomock.config.yaml 中设置 seller.kitPublicKeyFile（或 seller.kitPublicKey）；`koomock init --kit` 可生成一对演示密钥',
  },
  // Retry and poll settings of the profile (core/produce/retry-policy.ts).
  'profile.retry-interval': {
    en: 'retryIntervalMs must be more than 0 when {activity} has a retry window; received {value}',
    zh: '{activity} 有重试窗口时，retryIntervalMs 必须大于 0；实际为 {value}',
  },
  'profile.poll-interval': { en: 'pollIntervalMs must be more than 0; received {value}', zh: 'pollIntervalMs 必须大于 0；实际为 {value}' },
};
