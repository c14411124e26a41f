/** Step titles, skip reasons and expectation checks of a scenario run (see catalogue.ts for the template syntax). */
import type { MessageEntry } from './message-entry.js';

export const RUN_SENTENCES: Readonly<Record<string, MessageEntry>> = {
  // Generated step titles (core/scenario/load/to-model.ts, faults-step.ts).
  'title.order-mock': { en: 'order mock {id}', zh: '模拟订单 {id}' },
  'title.order-following': { en: 'order {what} following {step}', zh: '订单 {what}（接续 {step}）' },
  'title.order': { en: 'order {what}', zh: '订单 {what}' },
  'title.send-forged': { en: 'send {what}, forged: {attack}', zh: '发送 {what}（伪造：{attack}）' },
  'title.send': { en: 'send {what}', zh: '发送 {what}' },
  'title.usage': { en: "await the seller's usage push for {instanceId}", zh: '等待卖家为 {instanceId} 上报话单' },
  'title.wait': { en: 'wait {duration}', zh: '等待 {duration}' },
  'title.faults': { en: 'faults: {~rules}', zh: '故障注入：{~rules}' },
  'title.skipped': { en: '{~title} (skipped: {~reason})', zh: '{~title}（已跳过：{~reason}）' },
  'title.not-applicable': { en: '{~title} (not applicable: {~reason})', zh: '{~title}（不适用：{~reason}）' },
  // `onlyIf.otherwise` of the shipped scenarios (scenarios/async-provisioning.yaml).
  'reason.sync-provisioning': { en: 'this seller provisions synchronously', zh: '该卖家服务同步开通', nested: true },
  'fault.target-every-on-host': { en: 'every operation on {host}', zh: '{host} 上的所有操作', nested: true },
  'fault.target-every': { en: 'every operation', zh: '所有操作', nested: true },
  'fault.target-on-host': { en: '{operation} on {host}', zh: '{host} 上的 {operation}', nested: true },
  'fault.times': { en: '{~rule} ({n}×)', zh: '{~rule}（{n} 次）', nested: true },
  'fault.latency': { en: '{~target} latency {ms} ms', zh: '{~target} 延迟 {ms} ms', nested: true },
  'fault.error-status': { en: '{~target} error {code} HTTP {status}', zh: '{~target} 返回错误 {code}（HTTP {status}）', nested: true },
  'fault.error': { en: '{~target} error {code}', zh: '{~target} 返回错误 {code}', nested: true },
  'fault.host-down': { en: '{~target} host-down', zh: '{~target} 主机不可用（host-down）', nested: true },
  'fault.reset': { en: '{~target} reset', zh: '{~target} 断开连接（reset）', nested: true },
  // Why a step or a scenario was skipped (core/scenario/run/engine.ts, open-api.ts).
  'skip.no-failover': {
    en: 'no other host to fail over to; run koomock with --fallback-port <port> and give the seller both URLs',
    zh: '没有可切换的备用主机；请用 --fallback-port <端口> 运行 koomock，并把两个地址都配置给卖家服务',
  },
  'skip.foreign-host': { en: 'this emulator does not answer for {host} (server.hostNames: {names})', zh: '本模拟器不应答 {host}（server.hostNames：{names}）' },
  'skip.usage-push': { en: 'needs a seller that pushes usage; run with --seller-pushes-usage', zh: '需要卖家服务上报话单；请加 --seller-pushes-usage 运行' },
  // Expectations of a send step (core/scenario/run/expect.ts).
  'expect.outcome.expected': { en: '{activity} ends {outcome}', zh: '{activity} 的结果为 {outcome}' },
  'expect.outcome.received': { en: '{outcome} after {n} attempt(s)', zh: '{n} 次尝试后结果为 {outcome}' },
  'expect.outcome.pim': {
    en: 'no attempt succeeded within the retry window, so the marketplace lists the call under 生产接口消息 (production interface messages) for a manual restart; fix the first failing check of the attempts',
    zh: '重试期内没有一次尝试成功，云商店会把这次调用列入“生产接口消息”，等待人工重新发起；请先修复各次尝试中第一个失败的检查项',
  },
  'expect.outcome.hint': { en: 'the scenario expects the call to end {outcome}', zh: '场景期望这次调用的结果为 {outcome}' },
  'expect.result-code.expected': { en: 'resultCode {codes}', zh: 'resultCode 为 {codes}' },
  'expect.result-code.hint': { en: 'the scenario expects {activity} to answer resultCode {codes}', zh: '场景期望 {activity} 应答 resultCode {codes}' },
  'expect.field.matching': { en: '{path} matching /{pattern}/', zh: '{path} 匹配 /{pattern}/' },
  'expect.field.matching-hint': { en: 'the scenario wants {path} to match /{pattern}/', zh: '场景要求 {path} 匹配 /{pattern}/' },
  'expect.field.equal-ref': { en: '{path} equal to {reference}', zh: '{path} 等于 {reference}' },
  'expect.field.equal-hint': { en: 'the scenario wants {path} to equal {value}', zh: '场景要求 {path} 等于 {value}' },
  'expect.attempts.expected': { en: '{n} attempt(s) of {activity}', zh: '{activity} 共 {n} 次尝试' },
  'expect.attempts.hint': {
    en: 'the number of attempts shows how often the marketplace had to retry: see the failing checks of the earlier attempts',
    zh: '尝试次数说明云商店重试了多少次：请查看之前各次尝试中失败的检查项',
  },
  'expect.same-as.hint': { en: '{path} must stay the same as in the earlier step', zh: '{path} 必须与之前步骤中的值相同' },
  'expect.pass.expected': { en: '{id} runs and passes in this step (expect.pass): {~title}', zh: '{id} 在本步骤中执行并通过（expect.pass）：{~title}' },
  'expect.pass.received': { en: 'the check did not run', zh: '该检查项没有执行' },
  'expect.pass.hint': { en: '{id} runs only where it applies; see docs/checks.md for when it runs', zh: '{id} 只在适用时执行；何时执行见 docs/checks.md' },
  'expect.fail.expected': { en: '{id} fails in at least one attempt (expect.fail)', zh: '{id} 至少在一次尝试中失败（expect.fail）' },
  'expect.fail.received': { en: 'it passed in every attempt (or did not run)', zh: '每次尝试都通过了（或没有执行）' },
  'expect.fail.hint': {
    en: 'the scenario expects the seller to trip {id}: check the test hooks the scenario sends (extendParams koomock.*)',
    zh: '场景期望卖家服务触发 {id}：请检查场景发送的测试钩子（extendParams koomock.*）',
  },
  // The run's deadline (core/scenario/run/engine.ts).
  'deadline.expected': { en: "the scenario runs before the run's deadline ({~text})", zh: '场景在本次运行的截止时间（{~text}）之前执行' },
  'deadline.derived': { en: '{duration}, derived from the suite', zh: '{duration}，由套件推算', nested: true },
  'deadline.default': { en: 'the run deadline', zh: '本次运行的截止时间', nested: true },
  'deadline.received': { en: 'not run: the deadline had passed when its turn came', zh: '未执行：轮到该场景时截止时间已过' },
  'deadline.hint': {
    en: 'A seller that hangs makes every call wait for the call timeout: fix the scenarios that failed with transport.* first, or give the run more time with --deadline',
    zh: '卖家服务无应答时，每次调用都要等到调用超时：请先修复因 transport.* 失败的场景，或用 --deadline 给本次运行更多时间',
  },
};
