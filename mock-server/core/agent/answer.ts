/**
 * An Agents backend's answer as the gateway reads it: status, media type, the body text, and the
 * object the billing fields are read from (the JSON body, or for a stream the last `usage` and
 * `transcripts` any event carried). Bounded: the transport caps the body, readSse caps the events,
 * parseBoundedJson caps size, depth and keys.
 */
import { parseBoundedJson } from '../bounded-json.js';
import { isObject } from '../is-object.js';
import type { TransportResult } from '../ports.js';
import { readSse, type SseRead } from './sse.js';

export type AgentMode = 'json' | 'sse';

/** Largest answer koomock reads from an Agents backend (a long stream of events fits). */
export const AGENT_ANSWER_MAX_BYTES = 4 * 1024 * 1024;

/** The limits for each JSON document (the body, or one event's data). */
const EVENT_LIMITS = { maxBytes: AGENT_ANSWER_MAX_BYTES, maxDepth: 32, maxKeys: 10_000 };

export interface AgentAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
  readonly truncated: boolean;
  /** JSON mode: the parsed body when it is a JSON object. */
  readonly json?: Record<string, unknown>;
  /** JSON mode: why the body is not a JSON object. */
  readonly jsonProblem?: string;
  /** Stream mode. */
  readonly sse?: SseRead;
  /** Where quantities are read: the JSON body, or `{usage, transcripts}` from the stream's last carriers. */
  readonly billed?: Record<string, unknown>;
  /** Stream mode: the 1-based number of the event whose `usage` counts. */
  readonly usageEvent?: number;
}

const decoder = new TextDecoder('utf-8');

/** The last event (1-based number) whose JSON data holds `key` at the top level, with that value. */
function lastCarrier(sse: SseRead, key: string): { value: unknown; index: number } | undefined {
  for (let i = sse.events.length - 1; i >= 0; i -= 1) {
    const data = sse.events[i]?.data ?? '';
    if (!data.includes(`"${key}"`)) continue;
    const parsed = parseBoundedJson(data, EVENT_LIMITS);
    if (parsed.ok && isObject(parsed.value) && key in parsed.value) return { value: parsed.value[key], index: i + 1 };
  }
  return undefined;
}

/**
 * @example
 *   readAgentAnswer(response, 'sse').billed; // { usage: { prompt_tokens: 31, … } }
 */
export function readAgentAnswer(response: Extract<TransportResult, { kind: 'response' }>, mode: AgentMode): AgentAnswer {
  const text = decoder.decode(response.body);
  const base = { status: response.status, contentType: response.headers['content-type'] ?? '', text, truncated: response.truncated };
  if (mode === 'sse') {
    const sse = readSse(text);
    const usage = lastCarrier(sse, 'usage');
    const transcripts = lastCarrier(sse, 'transcripts');
    const billed = { ...(usage === undefined ? {} : { usage: usage.value }), ...(transcripts === undefined ? {} : { transcripts: transcripts.value }) };
    return { ...base, sse, billed, ...(usage === undefined ? {} : { usageEvent: usage.index }) };
  }
  const parsed = parseBoundedJson(response.body, EVENT_LIMITS);
  if (!parsed.ok) return { ...base, jsonProblem: parsed.detail };
  if (!isObject(parsed.value)) return { ...base, jsonProblem: 'the JSON is not an object' };
  return { ...base, json: parsed.value, billed: parsed.value };
}
