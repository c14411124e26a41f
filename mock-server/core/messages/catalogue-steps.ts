/**
 * Sentences of a scenario's steps that stop a run or check the seller's Open API calls: the step
 * error's frame and its problems (products the catalog lacks, follow-on orders, usage and faults
 * steps), `expect.openApi`, expected failures, unresolved references and forged calls' details;
 * see catalogue.ts for the template syntax.
 */
import type { MessageEntry } from './message-entry.js';

export const STEP_SENTENCES: Readonly<Record<string, MessageEntry>> = {
  // The frame of a step error (core/scenario/run/state.ts stepError).
  'step-error.hint': { en: '{where}: step {step}: {~problem} — {~hint}', zh: '{where}：步骤 {step}：{~problem}——{~hint}' },
  'step-error': { en: '{where}: step {step}: {~problem}', zh: '{where}：步骤 {step}：{~problem}' },
  // select-products.ts
  'products.not-in-catalog': { en: 'product {id} is not in the catalog', zh: '商品目录中没有产品 {id}', nested: true },
  'products.not-in-catalog-hint': {
    en: 'add it to `catalog` in koomock.config.yaml, or name a charging mode such as PERIOD',
    zh: '请把它加入 koomock.config.yaml 的 `catalog`，或改写为计费模式，例如 PERIOD',
    nested: true,
  },
  'products.too-few-by': {
    en: 'the order needs {n} {mode} product(s) sold by {period}, but the catalog has {count}',
    zh: '该订单需要 {n} 个按 {period} 售卖的 {mode} 产品，但商品目录中只有 {count} 个',
    nested: true,
  },
  'products.too-few': { en: 'the order needs {n} {mode} product(s), but the catalog has {count}', zh: '该订单需要 {n} 个 {mode} 产品，但商品目录中只有 {count} 个', nested: true },
  'products.add-by': {
    en: 'add {mode} products sold by {period} to `catalog` in koomock.config.yaml (the default catalog has them)',
    zh: '请在 koomock.config.yaml 的 `catalog` 中加入按 {period} 售卖的 {mode} 产品（默认商品目录中就有）',
    nested: true,
  },
  'products.add': {
    en: 'add {mode} products to `catalog` in koomock.config.yaml (the default catalog has them)',
    zh: '请在 koomock.config.yaml 的 `catalog` 中加入 {mode} 产品（默认商品目录中就有）',
    nested: true,
  },
  // order.ts and follow-on.ts
  'order.no-mock': { en: 'there is no mock order {id}', zh: '没有模拟订单 {id}', nested: true },
  'order.change-step': { en: 'change the order step or the catalog in koomock.config.yaml', zh: '请修改该订单步骤，或 koomock.config.yaml 中的商品目录', nested: true },
  'order.change-follow-on': { en: 'change the order step (the platform would not place this order)', zh: '请修改该订单步骤（平台不会生成这样的订单）', nested: true },
  'follow.no-result': { en: 'follows {ref}, but that step has no result', zh: '接续 {ref}，但该步骤没有结果', nested: true },
  'follow.no-result-hint': { en: 'follow an earlier order or newInstance step', zh: '请接续之前的订单步骤或 newInstance 步骤', nested: true },
  'follow.no-instance': {
    en: "follows {ref}, but that step provisioned no instance koomock knows (the seller's answer had no usable instanceId)",
    zh: '接续 {ref}，但该步骤没有开通 koomock 已知的实例（卖家服务的应答中没有可用的 instanceId）',
    nested: true,
  },
  'follow.no-instance-hint': { en: 'follow the order step instead, or fix the newInstance step', zh: '请改为接续订单步骤，或修正 newInstance 步骤', nested: true },
  'follow.not-placed': { en: 'follows {ref}, whose order {orderId} this scenario did not place', zh: '接续 {ref}，但其订单 {orderId} 不是本场景生成的', nested: true },
  'follow.not-placed-hint': { en: 'follow a step of this scenario', zh: '请接续本场景中的步骤', nested: true },
  'follow.root-not-placed': {
    en: 'order {orderId} follows order {root}, which this scenario did not place',
    zh: '订单 {orderId} 接续订单 {root}，但后者不是本场景生成的',
    nested: true,
  },
  'follow.no-follow-on': { en: 'a {type} order follows no other order', zh: '{type} 订单不接续其他订单', nested: true },
  'follow.no-follow-on-hint': { en: 'use RENEW, CHANGE, TRIAL_TO_FORMAL or UNSUBSCRIBE', zh: '请使用 RENEW、CHANGE、TRIAL_TO_FORMAL 或 UNSUBSCRIBE', nested: true },
  // usage.ts and open-api.ts
  'usage-step.no-api': { en: 'this run has no usage push API to watch', zh: '本次运行没有可观察的话单上报接口', nested: true },
  'usage-step.no-api-hint': { en: 'run the scenario with koomock run, which serves the Open APIs', zh: '请用 koomock run 运行该场景，它提供开放接口', nested: true },
  'usage-step.no-instance': { en: 'usage.instanceId did not resolve to an instance id', zh: 'usage.instanceId 没有解析为实例 ID', nested: true },
  'usage-step.no-instance-hint': { en: 'refer to the newInstance step, e.g. {ref}', zh: '请引用 newInstance 步骤，例如 {ref}', nested: true },
  'open-api.no-port': { en: 'this run has no access to the fake Open APIs (fault rules, journal)', zh: '本次运行无法访问模拟的开放接口（故障规则、调用记录）', nested: true },
  'open-api.no-port-hint': {
    en: 'run the scenario with koomock run, or against koomock serve with --emulator-url',
    zh: '请用 koomock run 运行该场景，或用 --emulator-url 指向 koomock serve',
    nested: true,
  },
  'faults.fix-rules': { en: 'fix the rules of this faults step', zh: '请修正该故障注入步骤的规则', nested: true },
  // expect.openApi (core/scenario/run/open-api-expect.ts).
  'open-api-expect.expected': { en: '{operation}: {~parts} during the step', zh: '{operation}：本步骤中{~parts}' },
  'open-api-expect.called': { en: 'called', zh: '被调用', nested: true },
  'open-api-expect.parts': { en: '{~first}, {~rest}', zh: '{~first}，{~rest}', nested: true },
  'open-api-expect.at-least': { en: 'at least {n} request(s)', zh: '至少 {n} 次请求', nested: true },
  'open-api-expect.failover': { en: 'a success on a host other than {host} (failover)', zh: '在 {host} 以外的主机上成功（故障切换）', nested: true },
  'open-api-expect.failover-primary': { en: 'a success on a host other than the primary (failover)', zh: '在主用主机以外的主机上成功（故障切换）', nested: true },
  'open-api-expect.same-host': { en: 'every success on {host}', zh: '每次成功都在 {host} 上', nested: true },
  'open-api-expect.same-host-primary': { en: 'every success on the primary host', zh: '每次成功都在主用主机上', nested: true },
  'open-api-expect.received-none': { en: '{n} request(s)', zh: '{n} 次请求' },
  'open-api-expect.received': { en: '{n} request(s): {calls}', zh: '{n} 次请求：{calls}' },
  'open-api-expect.hint-none': {
    en: "the seller did not call {operation} during this step: point its Open API base URLs at koomock (see koomock run's first line)",
    zh: '卖家服务在本步骤中没有调用 {operation}：请把它的开放接口地址指向 koomock（见 koomock run 输出的第一行）',
  },
  'open-api-expect.hint-retry': {
    en: "retry an Open API call that failed for a transient reason (MKT.0999, a bare 5xx, a dropped connection) a few times with a short backoff, within the marketplace's wait for your answer",
    zh: '开放接口调用因临时原因失败（MKT.0999、不带错误码的 5xx、连接中断）时，请在云商店等待你应答的时间内，以较短的退避间隔重试几次',
  },
  'open-api-expect.hint-failover': {
    en: 'when a host cannot be reached, try the next one: configure both Open API hosts (mkt.myhuaweicloud.com, then mkt.myhuaweicloud.cn; for koomock the URLs of --port and --fallback-port)',
    zh: '某个主机无法访问时，请尝试下一个：配置两个开放接口主机（先 mkt.myhuaweicloud.com，再 mkt.myhuaweicloud.cn；对 koomock 即 --port 和 --fallback-port 的地址）',
  },
  'open-api-expect.hint-same-host': {
    en: 'the seller used another host although the primary answered: keep to the first host while it answers',
    zh: '主用主机有应答，卖家服务却使用了其他主机：只要第一个主机有应答，就请一直使用它',
  },
  // An expected failure, reported as passed (core/scenario/run/attempt-checks.ts).
  'expect-fail.as-expected-wants': {
    en: 'to fail in at least one attempt (expect.fail); the check wants {~expected}',
    zh: '至少在一次尝试中失败（expect.fail）；该检查项本身要求{~expected}',
  },
  'expect-fail.as-expected': { en: 'to fail in at least one attempt (expect.fail)', zh: '至少在一次尝试中失败（expect.fail）' },
  // scenario.reference (core/scenario/run/send.ts).
  'reference.expected': { en: 'a value for {ref}', zh: '{ref} 的值' },
  'reference.hint': {
    en: 'the referenced step ran but its result lacks this value: check the seller answer of that step, or the path in the scenario',
    zh: '被引用的步骤已执行，但其结果中没有这个值：请检查该步骤中卖家服务的应答，或场景中的路径',
  },
  // What a forged call broke (core/security/attacks*.ts), in the received text of security.* checks.
  // A detail no entry below knows is kept as it is (tried after 'forgery.what').
  'forgery.what-raw': { en: 'a forged {activity} ({detail})', zh: '伪造的 {activity}（{detail}）', nested: true },
  'forged.no-signature': { en: 'no signature parameter; timestamp and nonce present', zh: '没有 signature 参数；timestamp 和 nonce 都有', nested: true },
  'forged.no-timestamp': {
    en: 'no timestamp parameter; the signature is valid for an empty timestamp',
    zh: '没有 timestamp 参数；签名对空 timestamp 是正确的',
    nested: true,
  },
  'forged.no-nonce': { en: 'no nonce parameter; the signature is valid for an empty nonce', zh: '没有 nonce 参数；签名对空 nonce 是正确的', nested: true },
  'forged.stale': { en: 'timestamp {ts}, {n} minutes old, correctly signed', zh: 'timestamp {ts}，已过去 {n} 分钟，签名正确', nested: true },
  'forged.seconds': { en: 'timestamp {ts} (seconds, 10 digits), correctly signed', zh: 'timestamp {ts}（秒级，10 位），签名正确', nested: true },
  'forged.body-changed': { en: 'signed with {field} {signed}, sent with {field} {sent}', zh: '签名时 {field} 为 {signed}，发送时 {field} 为 {sent}', nested: true },
  'forged.wrong-key': { en: "signed with a key that is not the seller's", zh: '用非卖家的密钥签名', nested: true },
  'forged.other-activity': {
    en: 'signature, timestamp and nonce of the same body with activity {other}, sent with activity {activity}',
    zh: '使用同一请求体在 activity 为 {other} 时的 signature、timestamp 和 nonce，发送时 activity 为 {activity}',
    nested: true,
  },
  'forged.replay': { en: 'the exact request of the previous, accepted call', zh: '与上一次已被接受的调用完全相同的请求', nested: true },
  // Received texts of security.* checks (core/checks/security-forgery.ts, security-side-effect.ts).
  'forgery.no-answer': { en: 'no answer: {error} ({message})', zh: '无应答：{error}（{message}）' },
  'forgery.no-json': { en: 'HTTP 200 without a JSON object', zh: 'HTTP 200，但没有 JSON 对象' },
  'side-effect.shows-more': {
    en: 'the valid {activity} shows one: {~failure} (and {n} more failed check(s))',
    zh: '合法的 {activity} 中有痕迹：{~failure}（另有 {n} 个失败的检查项）',
  },
  'side-effect.shows': { en: 'the valid {activity} shows one: {~failure}', zh: '合法的 {activity} 中有痕迹：{~failure}' },
};
