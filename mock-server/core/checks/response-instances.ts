import { isObject } from '../is-object.js';
import type { CheckResult } from '../result.js';
import { cut } from './cut.js';

export const RESPONSE_INSTANCES = 'response.instances';

/**
 * A queryInstance answer lists, in `info[]`, every instance asked for that the marketplace knows
 * to exist (produce-api.md §3.2: one entry per instance; `instanceId` may be a comma-separated list
 * of up to 100 ids). Released or unknown ids are not required.
 * @example
 *   checkResponseInstances({ info: [{ instanceId: 'a' }] }, ['a', 'b']).ok; // false: b is missing
 */
export function checkResponseInstances(answer: Readonly<Record<string, unknown>>, live: readonly string[]): CheckResult {
  const expected = `info[] with one entry per queried instance: ${cut(live.join(', '), 200)}`;
  const listed = new Set(Array.isArray(answer.info) ? answer.info.flatMap((e) => (isObject(e) && typeof e.instanceId === 'string' ? [e.instanceId] : [])) : []);
  const missing = live.filter((id) => !listed.has(id));
  if (missing.length === 0) return { id: RESPONSE_INSTANCES, ok: true, expected, received: `${listed.size} entr${listed.size === 1 ? 'y' : 'ies'}, every queried instance listed` };
  return {
    id: RESPONSE_INSTANCES,
    ok: false,
    expected,
    received: cut(`missing: ${missing.join(', ')}`, 300),
    hint:
      'queryInstance sends one instanceId or several separated by commas (at most 100): split it on "," and answer one info[] entry { instanceId, appInfo } for every instance you hold. The marketplace shows the buyer nothing for an instance it does not get back.',
  };
}
