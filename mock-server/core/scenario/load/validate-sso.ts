/**
 * Semantic findings for an `sso` step: its order, tenant and application name earlier steps of the
 * right kind (an order step, a tenantSync and an applicationSync send step).
 */
import type { Finding } from './problems.js';
import type { RawStep } from './raw.js';
import type { NamedStep, ReferenceScope } from './validate-references.js';
import { suggestName } from '../../suggest.js';
import { toPointer } from '../../schemas/located-yaml.js';

type SsoField = 'order' | 'tenant' | 'application';

const WANTED: Readonly<Record<SsoField, { readonly words: string; readonly fits: (s: NamedStep) => boolean }>> = {
  order: { words: 'an order step', fits: (s) => s.kind === 'order' },
  tenant: { words: 'a `send: tenantSync` step', fits: (s) => s.kind === 'send' && s.send === 'tenantSync' },
  application: { words: 'a `send: applicationSync` step', fits: (s) => s.kind === 'send' && s.send === 'applicationSync' },
};

/**
 * @example validateSsoStep({ order: 'order', tenant: 'tenant', application: 'app' }, 4, scope) // [] when the three are earlier steps of the right kind
 */
export function validateSsoStep(sso: NonNullable<RawStep['sso']>, index: number, scope: ReferenceScope): Finding[] {
  return (Object.keys(WANTED) as SsoField[]).flatMap((field): Finding[] => {
    const id = sso[field];
    const pointer = toPointer(['steps', index, 'sso', field]);
    const { words, fits } = WANTED[field];
    const target = scope.steps.get(id);
    if (target === undefined || target.index >= index) {
      const earlier = [...scope.steps.entries()].filter(([, s]) => s.index < index && fits(s)).map(([name]) => name);
      return [{ pointer, problem: `sso.${field} names \`${id}\`, which is not an earlier step`, hint: earlier.length === 0 ? `add ${words} before this one and give it an id` : suggestName(id, earlier, `${words.replace(/^an? /, '')}s`) }];
    }
    return fits(target) ? [] : [{ pointer, problem: `sso.${field} names \`${id}\`, which is not ${words}`, hint: `name ${words} here` }];
  });
}
