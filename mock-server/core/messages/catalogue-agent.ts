/** Sentences of the Agents gateway checks and of `koomock agent call` (core/agent, adapters/cli/commands/agent.ts); see catalogue.ts for the template syntax. */
import type { MessageEntry } from './message-entry.js';

export const AGENT_SENTENCES: Readonly<Record<string, MessageEntry>> = {
  // agent.answer
  'agent.answer.expected-json': { en: 'HTTP 2xx with a JSON object body', zh: 'HTTP 2xx，应答体为 JSON 对象' },
  'agent.answer.no-answer': { en: 'no answer: {error} ({message})', zh: '没有应答：{error}（{message}）' },
  'agent.answer.status': { en: 'HTTP {status}: {text}', zh: 'HTTP {status}：{text}' },
  'agent.answer.too-large': { en: 'more than {n} characters', zh: '超过 {n} 个字符' },
  'agent.answer.not-object': { en: 'the JSON is not an object', zh: 'JSON 不是对象' },
  'agent.answer.hint.timeout': {
    en: 'The gateway waits for the backend up to its configured timeout (at most 300 s): answer within agent.timeout, and keep the connection open until the whole answer is written.',
    zh: '网关最多等待后端到配置的超时时间（最长 300 秒）：请在 agent.timeout 内应答，并在整个应答写完之前保持连接。',
  },
  'agent.answer.hint.status': {
    en: 'A validly signed call must be served: check that the backend verifies the JWT with the SK of the api_key in it (HS256) and reads the token from the Authorization header after "Bearer ".',
    zh: '签名正确的调用必须被处理：请确认后端用 JWT 中 api_key 对应的 SK 以 HS256 验签，并从 Authorization 头的 "Bearer " 之后读取令牌。',
  },
  'agent.answer.hint.size': { en: 'An answer larger than 4 MiB is not read: answer with the result and its usage only.', zh: '超过 4 MiB 的应答不会被读取：请只返回结果及其 usage。' },
  'agent.answer.hint.json': {
    en: 'Answer a JSON object, e.g. {"data": ..., "usage": {"prompt_tokens": 31, "completion_tokens": 217, "total_tokens": 248}}, with Content-Type application/json.',
    zh: '请返回 JSON 对象，例如 {"data": ..., "usage": {"prompt_tokens": 31, "completion_tokens": 217, "total_tokens": 248}}，Content-Type 为 application/json。',
  },
  // agent.sse
  'agent.sse.expected': { en: 'Content-Type text/event-stream and at least one data: event', zh: 'Content-Type 为 text/event-stream，且至少有一个 data: 事件' },
  'agent.sse.content-type': { en: 'Content-Type {type}', zh: '应答的 Content-Type 为 {type}' },
  'agent.sse.none': { en: 'no data: event', zh: '没有 data: 事件' },
  'agent.sse.events': { en: '{n} data: events', zh: '{n} 个 data: 事件' },
  'agent.sse.hint.type': {
    en: 'Serve a streamed answer as Content-Type text/event-stream, one "data: <JSON>" line per event, each event ended by a blank line.',
    zh: '流式应答请使用 Content-Type text/event-stream，每个事件一行 "data: <JSON>"，每个事件以空行结束。',
  },
  'agent.sse.hint.none': { en: 'Write each chunk as "data: <JSON>" followed by a blank line; put usage in the last event.', zh: '每个分片写成 "data: <JSON>" 并跟一个空行；usage 放在最后一个事件中。' },
  // agent.usage
  'agent.usage.expected': { en: 'a usage object {~where} with {fields}', zh: '{~where}有 usage 对象，包含 {fields}' },
  'agent.usage.where-sse': { en: 'in the last event that carries usage', zh: '在最后一个携带 usage 的事件中', nested: true },
  'agent.usage.where-json': { en: 'at the top level of the body', zh: '在应答体顶层', nested: true },
  'agent.usage.none': { en: 'the answer has no usage', zh: '应答中没有 usage' },
  'agent.usage.not-object': { en: 'the answer has usage {value}, not an object', zh: '应答中的 usage 为 {value}，不是对象' },
  'agent.usage.missing': { en: 'the answer has no {field}', zh: '应答中缺少 {field}' },
  'agent.usage.missing-alt': { en: 'the answer has no {field} (or {other})', zh: '应答中缺少 {field}（或 {other}）' },
  'agent.usage.not-number': { en: '{field} is {value}, not a number >= 0', zh: '{field} 为 {value}，不是 >= 0 的数值' },
  'agent.usage.received': { en: 'usage found: {value}', zh: '找到 usage：{value}' },
  'agent.usage.received-event': { en: 'usage found: {value} (event {n})', zh: '找到 usage：{value}（第 {n} 个事件）' },
  'agent.usage.hint.sse': {
    en: 'The gateway bills from the usage object of the stream: put "usage": {"prompt_tokens": …, "completion_tokens": …, "total_tokens": …} at the top level of the last data: event (numbers, not strings).',
    zh: '网关按流中的 usage 对象计费：请在最后一个 data: 事件的顶层放置 "usage": {"prompt_tokens": …, "completion_tokens": …, "total_tokens": …}（数值，而非字符串）。',
  },
  'agent.usage.hint.json': {
    en: 'The gateway bills from the usage object next to your payload: answer {"data": …, "usage": {"prompt_tokens": …, "completion_tokens": …, "total_tokens": …}} (numbers, not strings).',
    zh: '网关按业务数据旁的 usage 对象计费：请返回 {"data": …, "usage": {"prompt_tokens": …, "completion_tokens": …, "total_tokens": …}}（数值，而非字符串）。',
  },
  // agent.jwt-expired-rejected, agent.jwt-forged-rejected
  'agent.jwt.expected-expired': { en: 'HTTP 4xx (401) for a JWT whose exp has passed', zh: '对 exp 已过的 JWT 返回 HTTP 4xx（401）' },
  'agent.jwt.expected-forged': { en: 'HTTP 4xx (401) for a JWT signed with another SK', zh: '对用其他 SK 签名的 JWT 返回 HTTP 4xx（401）' },
  'agent.jwt.served': { en: 'HTTP {status}: the backend served the call', zh: 'HTTP {status}：后端处理了该调用' },
  'agent.jwt.not-refused': { en: 'HTTP {status}: the backend did not refuse it with 4xx', zh: 'HTTP {status}：后端没有以 4xx 拒绝' },
  'agent.jwt.hint.expired': {
    en: 'Verify the expiry of the gateway JWT: refuse it with 401 once exp (seconds) is in the past; a library such as java-jwt or jsonwebtoken does this when verifying.',
    zh: '请校验网关 JWT 的有效期：exp（秒）已过时返回 401；java-jwt、jsonwebtoken 等库在验签时会检查有效期。',
  },
  'agent.jwt.hint.forged': {
    en: 'Verify the signature of the gateway JWT: HMAC-SHA256 of header.payload with the SK of its api_key, compared in constant time; refuse it with 401 when it does not match.',
    zh: '请校验网关 JWT 的签名：用 api_key 对应的 SK 对 header.payload 做 HMAC-SHA256，按常量时间比较，不一致时返回 401。',
  },
  'skip.agent-backend': { en: 'needs an Agents backend; set agent.url, agent.ak and agent.sk (docs/agents.md)', zh: '需要 Agents 后端；请设置 agent.url、agent.ak 和 agent.sk（见 docs/agents.md）' },
  'agent.step-title': { en: 'agent call, {mode}, {jwt} JWT', zh: 'Agents 网关调用，{mode}，{jwt} JWT' },
  // koomock agent call
  'agent.call.valid': { en: 'valid JWT ({mode})', zh: '有效 JWT（{mode}）' },
  'agent.call.expired': { en: 'expired JWT ({mode})', zh: '已过期的 JWT（{mode}）' },
  'agent.call.forged': { en: 'JWT signed with another SK ({mode})', zh: '用其他 SK 签名的 JWT（{mode}）' },
  'agent.call.bill': { en: 'bill', zh: '账单' },
  'agent.call.no-price': { en: 'no price', zh: '未定价' },
  'agent.call.no-prices': { en: 'no prices configured (agent.prices)', zh: '未配置单价（agent.prices）' },
  'agent.call.all-passed': { en: 'all agent checks passed', zh: '所有 agent 检查均通过' },
  'agent.call.some-failed': { en: 'some agent checks failed', zh: '部分 agent 检查未通过' },
};
