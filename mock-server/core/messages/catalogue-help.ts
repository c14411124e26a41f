/** The command summaries of `koomock --help` and of each command's help; see catalogue.ts for the template syntax. */
import type { MessageEntry } from './message-entry.js';

const help = (en: string, zh: string): MessageEntry => ({ en, zh });

export const HELP_SENTENCES: Readonly<Record<string, MessageEntry>> = {
  'help.koomock': help('Local emulator of Huawei Cloud KooGallery (云商店) and contract-test harness for sellers', '华为云云商店（KooGallery）的本地模拟器，以及面向卖家的契约测试工具'),
  'help.init': help('write a commented starter koomock.config.yaml (写入示例配置文件)', '写入带注释的示例配置文件 koomock.config.yaml'),
  'help.sign': help('compute a signature, print it on one line (计算签名)', '计算签名，在一行中输出'),
  'help.sign.v2': help('V2 basic interface signature (基础接口 URL param signature)', 'V2 基础接口签名（URL 参数 signature）'),
  'help.sign.kit': help('joint-operation kit x-sign header (联营 kit 接口)', '联营kit接口的 x-sign 请求头'),
  'help.sign.v1': help('V1 authToken over the query parameters (Base64, not URL-encoded)', '对查询参数计算 V1 authToken（Base64，未做 URL 编码）'),
  'help.sign.body': help('V1 response Body-Sign: Base64 HMAC-SHA256 of the exact body bytes', 'V1 应答 Body-Sign：对应答体原始字节做 HMAC-SHA256 后 Base64 编码'),
  'help.sign.apig': help('APIG SDK-HMAC-SHA256 Authorization header of an Open API call (AK/SK)', '开放接口调用的 APIG SDK-HMAC-SHA256 Authorization 请求头（AK/SK）'),
  'help.sign.usage': help(
    'usage push (话单) body signature: Base64 HMAC-SHA256 of ts={ts}&nonce={nonce}&body={body}',
    '话单上报的请求体签名：对 ts={ts}&nonce={nonce}&body={body} 做 HMAC-SHA256 后 Base64 编码',
  ),
  'help.verify': help('check a signature and name the mistake if it is wrong (验证签名)', '验证签名，签名错误时指出错误所在'),
  'help.verify.v2': help('V2 basic interface signature (基础接口)', 'V2 基础接口签名'),
  'help.verify.kit': help('joint-operation kit x-sign (联营 kit 接口)', '联营kit接口的 x-sign'),
  'help.verify.v1': help('V1 authToken of a query string', '查询串的 V1 authToken'),
  'help.verify.usage': help('usage push (话单) body signature', '话单上报的请求体签名'),
  'help.verify.body': help('V1 response Body-Sign header', 'V1 应答的 Body-Sign 头'),
  'help.verify.apig': help('APIG SDK-HMAC-SHA256 Authorization of an Open API call', '开放接口调用的 APIG SDK-HMAC-SHA256 Authorization'),
  'help.aes': help('V1 AES field encryption of userName/password/mobilePhone/email (敏感字段加解密)', 'V1 敏感字段 userName/password/mobilePhone/email 的 AES 加解密'),
  'help.aes.encrypt': help('encrypt a V1 field: prints IV + Base64(ciphertext)', '加密一个 V1 字段：输出 IV + Base64(密文)'),
  'help.aes.decrypt': help('decrypt a V1 field given as IV + Base64(ciphertext)', '解密以 IV + Base64(密文) 给出的 V1 字段'),
  'help.serve': help('start the emulator: fake KooGallery Open APIs and the admin API (启动模拟器)', '启动模拟器：模拟云商店开放接口和管理接口'),
  'help.run': help('run conformance scenarios against the seller (运行一致性测试场景)', '对卖家服务运行一致性测试场景'),
  'help.send': help('send one signed produce call to the seller and check the answer (发送一次生产接口调用)', '向卖家服务发送一次已签名的生产接口调用，并检查应答'),
  'help.doctor': help(
    'check that KooGallery can call your production interface: reachable, HTTPS, JSON answers, signatures, clock, keys (诊断)',
    '诊断云商店能否调用你的生产接口：可达性、HTTPS、JSON 应答、签名、时钟、密钥',
  ),
  'help.replay': help('re-send a journaled call to the seller through a running emulator, fresh or broken (重放)', '通过正在运行的模拟器，把调用记录中的一次调用重新发给卖家服务（重新签名，或故意破坏）'),
  'help.load': help(
    'send signed produce calls for fresh orders at a rate or concurrency and report latency and failures (压测生产接口)',
    '以指定速率或并发为新订单发送已签名的生产接口调用，报告时延和失败（压测生产接口）',
  ),
  'help.pact': help('Pact contracts: generate and verify produce pacts, verify your Open API pacts (Pact 契约测试)', 'Pact 契约测试：生成并验证生产接口契约，验证你的开放接口契约'),
  'help.pact.generate': help("write koomock's produce pact (KooGallery as consumer, the seller as provider)", '写出 koomock 的生产接口契约（云商店为消费者，卖家为提供者）'),
  'help.pact.verify': help("verify koomock's produce pacts against your running, signature-checking seller", '用正在运行、会验签的卖家服务验证 koomock 的生产接口契约'),
  'help.pact.resign-proxy': help('a proxy that re-signs replayed produce requests, for Pact verifiers that are not JS', '为非 JS 的 Pact 验证器重新签名回放的生产接口请求的代理'),
  'help.pact.verify-openapi': help("verify your consumer pacts for the Open APIs against koomock's emulation of KooGallery", '用 koomock 模拟的云商店验证你针对开放接口的消费者契约'),
  'help.agent': help("play the KooGallery Agents gateway against a seller's Agents backend (Agents网关)", '扮演云商店 Agents 网关，调用卖家的 Agents 后端'),
  'help.agent.call': help(
    "send the gateway's calls (valid, expired and forged JWT) and check the answer, its usage and the bill",
    '发送网关的调用（有效、过期和伪造的 JWT），检查应答、用量和账单',
  ),
  // Commander's own lines.
  'help.version': help('output the version number', '输出版本号'),
  'help.help': help('display help for command', '显示命令的帮助'),
};
