import type { CheckResult } from '../result.js';
import { cut } from './cut.js';

export const INSTANCE_RELEASED = 'instance.released';

/** An instance id the marketplace asked about, and why it must not come back. */
export interface GoneInstance {
  readonly instanceId: string;
  readonly why: 'released' | 'unknown';
}

const HINT =
  'After releaseInstance the buyer\'s resources are gone: queryInstance must not list a released (or never created) instanceId, ' +
  'and above all must not hand out its login details. Answer 000000 and leave it out of info[] (info[] lists only the ids that still exist).';

/**
 * queryInstance left released and unknown instances out of `info[]`.
 * @example
 *   checkInstanceReleased([{ instanceId: 'i1', why: 'released' }], { resultCode: '000000', info: [{ instanceId: 'i1', appInfo: {} }] }).ok; // false
 */
export function checkInstanceReleased(gone: readonly GoneInstance[], answer: Readonly<Record<string, unknown>> | undefined): CheckResult {
  const expected = `no info[] entry for ${gone.map((g) => `${g.why} instance ${g.instanceId}`).join(', ')} (left out of info[])`;
  const info = Array.isArray(answer?.['info']) ? (answer['info'] as unknown[]) : [];
  const listed = info.filter(
    (e): e is Record<string, unknown> => typeof e === 'object' && e !== null && gone.some((g) => g.instanceId === (e as Record<string, unknown>)['instanceId']),
  );
  if (listed.length === 0) {
    return { id: INSTANCE_RELEASED, ok: true, expected, received: answer === undefined ? 'no answer' : `resultCode ${String(answer['resultCode'])}, none of them listed` };
  }
  const first = listed[0] as Record<string, unknown>;
  const withLogin = first['appInfo'] !== undefined ? ' with appInfo (login details)' : '';
  const why = gone.find((g) => g.instanceId === first['instanceId'])?.why ?? 'released';
  return {
    id: INSTANCE_RELEASED,
    ok: false,
    expected,
    received: cut(`info[] lists the ${why} instance ${String(first['instanceId'])}${withLogin}, resultCode ${String(answer?.['resultCode'])}${listed.length > 1 ? ` (and ${listed.length - 1} more)` : ''}`),
    hint: HINT,
  };
}
