/**
 * The text under the options of `koomock <command> --help` (notes, exit codes, `# …` comments of the
 * examples), line by line: each English line of that text and its Chinese line. Commands, flags, values
 * and test vectors stay as they are.
 */
import type { MessageEntry } from './message-entry.js';

const line = (en: string, zh: string): MessageEntry => ({ en, zh });

export const HELP_TEXT_SENTENCES: Readonly<Record<string, MessageEntry>> = {
  'helptext.examples': line('Examples:', '示例：'),
  'helptext.example': line('Example:', '示例：'),
  'helptext.example-vector': line('Example (a test vector of the spec; docs/signing.md explains each step):', '示例（规范中的测试向量；docs/signing.md 逐步说明）：'),
  'helptext.exit.run': line(
    'Exit codes: 0 every check passed, 1 a check failed, 2 koomock could not run (flags, scenario files, seller unreachable).',
    '退出码：0 所有检查通过，1 有检查失败，2 koomock 无法运行（参数、场景文件有误，或卖家服务不可达）。',
  ),
  'helptext.exit.checks': line('Exit codes: 0 every check passed, 1 a check failed, 2 koomock could not run.', '退出码：0 所有检查通过，1 有检查失败，2 koomock 无法运行。'),
  'helptext.exit.nothing-failed': line('Exit codes: 0 nothing failed, 1 a check failed, 2 koomock could not run.', '退出码：0 没有失败项，1 有检查失败，2 koomock 无法运行。'),
  'helptext.exit.load': line(
    'Exit codes: 0 every call succeeded in time, 1 a call failed or exceeded the call timeout, 2 koomock could not run.',
    '退出码：0 所有调用都按时成功，1 有调用失败或超过调用超时，2 koomock 无法运行。',
  ),
  'helptext.exit.pact': line('Exit codes: 0 every interaction verified, 1 an interaction failed, 2 koomock could not run.', '退出码：0 所有交互验证通过，1 有交互失败，2 koomock 无法运行。'),
  'helptext.run.waiting': line('the seller is still starting', '卖家服务仍在启动中'),
  'helptext.run.kit': line('joint-operation kit sync (needs seller.kitPublicKeyFile)', '联营kit同步接口（需要 seller.kitPublicKeyFile）'),
  'helptext.run.agents': line('Agents gateway calls (needs agent.url, agent.ak, agent.sk)', 'Agents 网关调用（需要 agent.url、agent.ak、agent.sk）'),
  'helptext.run.v1': line('legacy V1 calls (GET, authToken, Body-Sign, AES fields)', '旧版 V1 接口调用（GET、authToken、Body-Sign、AES 加密字段）'),
  'helptext.run.fallback': line("seller's Open API URLs: :7070, then :7071", '卖家使用的开放接口地址：先 :7070，再 :7071'),
  'helptext.send.set': line(
    '--set field=value sets text (a JSON object or array is parsed; integer fields such as flag take 1),',
    '--set field=value 设置文本（JSON 对象或数组会被解析；flag 等整数字段取 1），',
  ),
  'helptext.send.set-json': line(
    'field:=<json> any JSON value, !field deletes; dotted paths reach into objects (productInfo.skuCode).',
    'field:=<json> 设置任意 JSON 值，!field 删除字段；带点的路径可深入对象（productInfo.skuCode）。',
  ),
  'helptext.send.body': line('--body <json> or --body @file.json gives the whole body; --set applies on top of it.', '--body <json> 或 --body @file.json 给出完整请求体；--set 在其基础上修改。'),
  'helptext.send.derived': line(
    "Fields the platform derives are filled from --order (order line, productInfo, a renewal's scene and",
    '平台推导出的字段取自 --order（订单行、productInfo、续费的 scene 和',
  ),
  'helptext.send.derived-instance': line(
    'expireTime) and --instance (its order, its product); with --emulator-url they are read from that',
    'expireTime）和 --instance（其订单、其产品）；使用 --emulator-url 时从该',
  ),
  'helptext.send.fresh-order': line(
    'emulator. Without --order, calls that name an order get a fresh one in the emulator.',
    '模拟器读取。未给出 --order 时，需要订单的调用会在模拟器中获得一个新订单。',
  ),
  'helptext.send.attack': line(
    '--attack NAME sends the call forged one way (a replay: the valid call, then the same bytes again),',
    '--attack NAME 以一种方式伪造后发送调用（replay：先发有效调用，再原样重发相同字节），',
  ),
  'helptext.send.attack-judged': line(
    'judged by security.NAME: V2 attacks for basic calls and orderNotify, kit-* for kit operations, v1-*',
    '由 security.NAME 判定：基础接口和 orderNotify 用 V2 攻击，kit接口用 kit-*，',
  ),
  'helptext.send.attack-v1': line('for V1 calls (docs/security.md). Answer 000001 to pass.', 'V1 接口用 v1-*（docs/security.md）。应答 000001 即通过。'),
  'helptext.replay.break': line('--break sends the call broken one way and checks that the seller refuses it:', '--break 以一种方式破坏调用后发送，并检查卖家是否拒绝：'),
  'helptext.replay.tamper-stale': line(
    '  tamper     the body changed after signing        stale      a correctly signed, 5-minute-old timestamp',
    '  tamper     签名后修改了请求体                    stale      签名正确，但时间戳已过去 5 分钟',
  ),
  'helptext.replay.wrong-key-replay': line(
    '  wrong-key  signed with a key that is not yours   replay     the accepted call sent again byte for byte',
    '  wrong-key  用不属于你的密钥签名                  replay     把已被接受的调用逐字节重发一次',
  ),
  'helptext.replay.family': line(
    "A kit or V1 call gets its family's attack (stale: kit-timestamp-stale, v1-timestamp-stale, …);",
    'kit 或 V1 调用使用其所属类别的攻击（stale：kit-timestamp-stale、v1-timestamp-stale 等）；',
  ),
  'helptext.replay.tamper-v2': line('tamper is for V2 calls only.', 'tamper 仅用于 V2 调用。'),
  'helptext.load.each': line(
    "Each call is a signed newInstance for a fresh order (orderId LOAD…), bounded by the platform's call",
    '每次调用都是为一个新订单（orderId LOAD…）发送的已签名 newInstance，受平台调用',
  ),
  'helptext.load.timeout': line(
    'timeout (profile.callTimeoutMs, 20 s). A call fails when no answer arrives in time, the status is not',
    '超时（profile.callTimeoutMs，20 秒）约束。以下情况调用失败：未按时收到应答、状态码不是',
  ),
  'helptext.load.result': line('2xx, or the resultCode is not 000000 (or 000004).', '2xx，或 resultCode 不是 000000（或 000004）。'),
  'helptext.pact.needs': line(
    'Needs @pact-foundation/pact 16 next to koomock (npm i -D @pact-foundation/pact@16). docs/pact.md walks through both directions.',
    '需要与 koomock 一同安装 @pact-foundation/pact 16（npm i -D @pact-foundation/pact@16）。docs/pact.md 逐步介绍两个方向。',
  ),
  'helptext.verify.v2-now': line(
    '--now defaults to --timestamp, so a signature from an old log still verifies; pass --now <ms> or',
    '--now 默认取 --timestamp，因此旧日志中的签名仍能验证通过；给出 --now <ms> 或',
  ),
  'helptext.verify.v2-window': line(
    '--now now to apply the 60 s window as the seller must. Exit codes: 0 ok, 1 not accepted, 2 bad input.',
    '--now now 即按卖家必须遵守的 60 秒时间窗检查。退出码：0 通过，1 不被接受，2 输入有误。',
  ),
  'helptext.verify.timestamp-window': line(
    '--now defaults to --timestamp (no time check); pass --now <ms> or --now now for the 60 s window.',
    '--now 默认取 --timestamp（不检查时间）；给出 --now <ms> 或 --now now 即检查 60 秒时间窗。',
  ),
  'helptext.verify.v1-params': line(
    '--params may also be the whole query including authToken (then leave out --signature).',
    '--params 也可以是包含 authToken 的完整查询串（此时省略 --signature）。',
  ),
  'helptext.verify.apig-now': line(
    '--now defaults to --date, so an old request still verifies; pass --now <ms> or --now now for the ±15 min rule.',
    '--now 默认取 --date，因此旧请求仍能验证通过；给出 --now <ms> 或 --now now 即按 ±15 分钟规则检查。',
  ),
  'helptext.verify.ts-window': line(
    '--now defaults to --ts (no time check); pass --now <ms> or --now now for the 60 s window.',
    '--now 默认取 --ts（不检查时间）；给出 --now <ms> 或 --now now 即检查 60 秒时间窗。',
  ),
  'helptext.sign.usage-body': line('usage.json: the body of open-api.md §2.4 vector 3', 'usage.json：open-api.md §2.4 测试向量 3 的请求体'),
  'helptext.agent.sends': line(
    'Sends what the KooGallery Agents gateway sends (docs/agents.md): a valid call (HS256 JWT in',
    '发送云商店 Agents 网关所发送的调用（docs/agents.md）：一次有效调用（HS256 JWT 放在',
  ),
  'helptext.agent.headers': line(
    'Authorization: Bearer, X-Request-Id, X-Customer-Id, X-Customer-Name), then the same call with an',
    'Authorization: Bearer 中，并带 X-Request-Id、X-Customer-Id、X-Customer-Name），然后用',
  ),
  'helptext.agent.refused': line(
    'expired JWT and with a JWT signed by another SK, which the backend must refuse with 4xx. Checks',
    '过期的 JWT 和用其他 SK 签名的 JWT 各发一次同样的调用，后端必须以 4xx 拒绝。检查',
  ),
  'helptext.agent.checks': line(
    'agent.answer, agent.sse (--stream), agent.usage and the two rejections, and prints the bill from',
    'agent.answer、agent.sse（--stream）、agent.usage 和这两次拒绝，并按配置中的',
  ),
  'helptext.agent.bill': line('agent.prices in the config. The AK, the SK and the JWT are never printed.', 'agent.prices 输出账单。AK、SK 和 JWT 从不输出。'),
};
