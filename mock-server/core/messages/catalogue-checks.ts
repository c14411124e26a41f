/** Expected/received/hint sentences of the checks (core/checks, core/produce); see catalogue.ts for the template syntax. */
import type { MessageEntry } from './message-entry.js';

export const CHECK_SENTENCES: Readonly<Record<string, MessageEntry>> = {
  // result.code (core/checks/result-code.ts): the meaning of a code after the quoted code.
  'result-code.pending-allowed': { en: '"000000" (or "000004" = provisioning in progress)', zh: '"000000"（或 "000004" = 正在开通）' },
  'result-code.received-msg': { en: '{code} ({~meaning}), resultMsg {msg}', zh: '{code}（{~meaning}），resultMsg {msg}' },
  'result-code.received-meaning': { en: '{code} ({~meaning})', zh: '{code}（{~meaning}）' },
  'result-code.received-only-msg': { en: '{code}, resultMsg {msg}', zh: '{code}，resultMsg {msg}' },
  'code.000000': { en: 'success', zh: '成功', nested: true },
  'code.000001': { en: 'authentication failed', zh: '鉴权失败', nested: true },
  'code.000002': { en: 'invalid parameter', zh: '参数不合法', nested: true },
  'code.000003': { en: 'instance does not exist', zh: '实例不存在', nested: true },
  'code.000004': { en: 'in progress', zh: '处理中', nested: true },
  'code.000005': { en: 'internal error', zh: '内部错误', nested: true },
  'code.000100': { en: 'no instance resources', zh: '无可用实例资源', nested: true },
  'code.000101': { en: 'mobile number missing or duplicate', zh: '手机号缺失或重复', nested: true },
  'code.000102': { en: 'email missing or duplicate', zh: '邮箱缺失或重复', nested: true },
  'code.000103': { en: 'cannot be purchased twice', zh: '不能重复购买', nested: true },
  'code.000104': { en: 'product internal service error', zh: '产品内部服务错误', nested: true },
  'code.000105': { en: 'already subscribed', zh: '已订购', nested: true },
  'code.000106': { en: 'sold out', zh: '已售罄', nested: true },
  'code.000107': { en: 'email domain already exists', zh: '邮箱域名已存在', nested: true },
  'result-code.hint.000001': {
    en: "The seller rejected koomock's signature. Check the key category (basic for V2 calls, general for orderNotify, kit for /produceAPI/v2/*), HMAC the exact body bytes (or sort the top-level keys when re-serialising), lower-case hex for the inner HMAC, and compare case-insensitively.",
    zh: '卖家服务拒绝了 koomock 的签名。请检查密钥类别（V2 调用用基础接口密钥，orderNotify 用通用接口密钥，/produceAPI/v2/* 用联营kit密钥），对原始请求体字节做 HMAC（重新序列化时按顶层键排序），内层 HMAC 用小写十六进制，比较签名时不区分大小写。',
  },
  'result-code.hint.000002': {
    en: 'The seller judged a parameter invalid. Check the timestamp window (milliseconds, 60 s), that nonce and timestamp are read from the URL query, and the required body fields.',
    zh: '卖家服务判定某个参数不合法。请检查时间戳窗口（毫秒，60 秒）、nonce 和 timestamp 是否从 URL 查询参数读取，以及请求体的必填字段。',
  },
  'result-code.hint.000003': {
    en: 'The seller does not know this instanceId: keep the instanceId it returned from newInstance, and treat repeated release/freeze calls for a gone instance as success.',
    zh: '卖家服务不认识这个 instanceId：请保存 newInstance 返回的 instanceId；对已不存在的实例重复释放、冻结时按成功处理。',
  },
  'result-code.hint.000004': {
    en: 'Only newInstance may answer 000004 (provisioning in progress); answer 000000 for this activity once it is done.',
    zh: '只有 newInstance 可以应答 000004（正在开通）；该接口请在处理完成后应答 000000。',
  },
  'result-code.hint.000005': { en: 'The seller reported an internal error: see its logs.', zh: '卖家服务报告了内部错误：请查看其日志。' },
  'result-code.hint.missing': {
    en: 'Put resultCode (a 6-digit string) and resultMsg at the top level of the answer.',
    zh: '请在应答的顶层放置 resultCode（6 位数字字符串）和 resultMsg。',
  },
  'result-code.hint.not-string': { en: 'resultCode must be a JSON string such as "000000", not {what}.', zh: 'resultCode 必须是 JSON 字符串，例如 "000000"，而不是 {what}。' },
  'result-code.hint.other': {
    en: 'Only 000000 counts as success; any other code fails the call and the marketplace retries it.',
    zh: '只有 000000 表示成功；其他任何结果码都会使调用失败，云商店会重试。',
  },
  // order.queried (core/checks/order-queried.ts).
  'order-queried.expected-line': {
    en: 'GET …/order/query for orderId {orderId} / orderLineId {orderLineId} within the call (+{ms} ms)',
    zh: '在调用期间（及其后 {ms} ms 内）以 orderId {orderId} / orderLineId {orderLineId} 调用 GET …/order/query',
  },
  'order-queried.expected': { en: 'GET …/order/query for orderId {orderId} within the call (+{ms} ms)', zh: '在调用期间（及其后 {ms} ms 内）以 orderId {orderId} 调用 GET …/order/query' },
  'order-queried.received-ok': { en: 'queried', zh: '已查询' },
  'order-queried.received': { en: 'no order query for this order in that time', zh: '在这段时间内没有该订单的订单查询' },
  'order-queried.hint': {
    en: 'V2 produce calls carry only ids: fetch the details with GET /api/mkp-openapi-public/global/v1/order/query?orderId=…&orderLineId=… (AK/SK-signed), pointed at koomock instead of mkt.myhuaweicloud.com.',
    zh: 'V2 生产接口只携带 ID：请用 AK/SK 签名调用 GET /api/mkp-openapi-public/global/v1/order/query?orderId=…&orderLineId=… 获取订单详情，测试时把地址从 mkt.myhuaweicloud.com 改为指向 koomock。',
  },
  // order.outcome (core/checks/order-outcome.ts).
  'order-outcome.expected': { en: 'order {orderId} in state {state}', zh: '订单 {orderId} 的状态为 {state}' },
  'order-outcome.hint': {
    en: 'See the attempts of the calls for this order: the first failing check of each attempt says what to change.',
    zh: '请查看该订单各次调用的尝试：每次尝试中第一个失败的检查项说明了要修改什么。',
  },
  'order-outcome.hint-gave-up': {
    en: 'The marketplace gave up: no attempt of newInstance/upgradeInstance succeeded within the retry window, so the order failed and was unsubscribed with a refund. Fix the first failing check of the attempts.',
    zh: '云商店已放弃：重试期内 newInstance/upgradeInstance 没有一次尝试成功，订单失败并退订退款。请先修复各次尝试中第一个失败的检查项。',
  },
  'order-outcome.hint-unknown': { en: 'koomock has no such order: check the orderId of the scenario.', zh: 'koomock 中没有这个订单：请检查场景中的 orderId。' },
  // order.outcome after the marketplace gave up (core/scenario/run/call-checks.ts) and the failures it quotes (core/produce/call-outcome.ts).
  'order-outcome.failed-refund': {
    en: 'FAILED and unsubscribed automatically, refund {amount} recorded: {n} attempt(s) of {activity} over {min} min, none succeeded; last attempt: {~failures}',
    zh: 'FAILED，已自动退订并记录退款 {amount}：{activity} 在 {min} 分钟内共 {n} 次尝试，均未成功；最后一次：{~failures}',
  },
  'order-outcome.failed': {
    en: 'FAILED and unsubscribed automatically: {n} attempt(s) of {activity} over {min} min, none succeeded; last attempt: {~failures}',
    zh: 'FAILED，已自动退订：{activity} 在 {min} 分钟内共 {n} 次尝试，均未成功；最后一次：{~failures}',
  },
  'failure.one': { en: '{id}: expected {~expected}, received {~received}', zh: '{id}：期望 {~expected}，实际 {~received}', nested: true },
  'failure.more': { en: '{~first}; {~rest}', zh: '{~first}；{~rest}', nested: true },
  'failure.none': { en: 'no check failed', zh: '没有失败的检查项' },
  // http.content-type (core/checks/http-content-type.ts).
  'content-type.expected': { en: 'application/json (optionally with ;charset=UTF-8)', zh: 'application/json（可带 ;charset=UTF-8）' },
  'content-type.hint.missing': {
    en: 'Send a Content-Type header: application/json;charset=UTF-8 (express: res.json(); Spring: produces = "application/json").',
    zh: '请发送 Content-Type 头：application/json;charset=UTF-8（express：res.json()；Spring：produces = "application/json"）。',
  },
  'content-type.hint': {
    en: 'Send Content-Type: application/json;charset=UTF-8 even for error answers; text/plain or text/html fails the call.',
    zh: '请发送 Content-Type: application/json;charset=UTF-8，错误应答也一样；text/plain 或 text/html 都会使调用失败。',
  },
  // instance.released (core/checks/instance-released.ts).
  'released.expected': { en: 'no info[] entry for {~gone} (left out of info[])', zh: 'info[] 中没有{~gone}的条目（应从 info[] 中去掉）' },
  'released.gone-more': { en: '{~first}, {~rest}', zh: '{~first}、{~rest}', nested: true },
  'released.gone': { en: '{~why} instance {instanceId}', zh: '{~why}实例 {instanceId}', nested: true },
  'released.why-released': { en: 'released', zh: '已释放的', nested: true },
  'released.why-unknown': { en: 'unknown', zh: '未知的', nested: true },
  'released.lists-more': { en: '{~listed} (and {n} more)', zh: '{~listed}（另有 {n} 个）' },
  'released.lists-login': {
    en: 'info[] lists the {~why} instance {instanceId} with appInfo (login details), resultCode {code}',
    zh: 'info[] 列出了{~why}实例 {instanceId}，且带有 appInfo（登录信息），resultCode {code}',
  },
  'released.lists': { en: 'info[] lists the {~why} instance {instanceId}, resultCode {code}', zh: 'info[] 列出了{~why}实例 {instanceId}，resultCode {code}' },
  // expect.field present/absent (core/scenario/run/expect.ts).
  'expect.field.present': { en: '{path} present', zh: '{path} 存在' },
  'expect.field.absent': { en: '{path} absent', zh: '{path} 不存在' },
  'expect.field.present-hint': {
    en: "the answer has no {path}: see the step's response.schema check and the answer",
    zh: '应答中没有 {path}：请查看该步骤的 response.schema 检查项和应答',
  },
  'expect.field.absent-hint': { en: 'the answer should not carry {path}', zh: '应答不应携带 {path}' },
};
