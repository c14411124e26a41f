/**
 * What the seller did on koomock's OAuth endpoints during an SSO step, read from the inbound
 * journal: the token and userinfo verdicts name the code and token they concern by a tag
 * (`code#…`, `access#…`, see core/openapi/oauth-common.ts), never by the value.
 */
import type { CodeExchange } from '../../checks/oauth-sso.js';
import type { Exchange } from '../../store.js';

const verdictsOf = (exchanges: readonly Exchange[], operation: string) =>
  exchanges.filter((e) => e.direction === 'inbound' && e.operation === operation).flatMap((e) => e.verdicts.filter((v) => v.id === operation));

/**
 * The exchange of the code tagged `codeTag`: tokens issued, refused (with koomock's reason), or none.
 * @example findCodeExchange(exchanges, 'code#1a2b3c4d5e6f') // { kind: 'exchanged', accessTag: 'access#…' }
 */
export function findCodeExchange(exchanges: readonly Exchange[], codeTag: string): CodeExchange {
  const verdicts = verdictsOf(exchanges, 'oauth.token');
  for (const v of verdicts) {
    const access = v.ok && v.received?.includes(`${codeTag} -> `) === true ? /-> (access#[0-9a-f]+)/.exec(v.received)?.[1] : undefined;
    if (access !== undefined) return { kind: 'exchanged', accessTag: access };
  }
  // A refusal names the code when it got that far; a bad client or form is this seller's too.
  const refused = verdicts.find((v) => !v.ok && (v.hint?.includes(codeTag) === true || !/code#[0-9a-f]+/.test(v.hint ?? '')));
  if (refused !== undefined) return { kind: 'refused', error: refused.received ?? 'invalid_request', why: (refused.hint ?? '').replace(/ \(code#[0-9a-f]+\)$/, '') };
  return { kind: 'none' };
}

/** Whether the code tagged `codeTag` was refused as already used (the seller tried it again). */
export const wasRetried = (exchanges: readonly Exchange[], codeTag: string): boolean =>
  verdictsOf(exchanges, 'oauth.token').some((v) => !v.ok && v.hint?.includes(codeTag) === true);

/**
 * The userinfo call with the access token tagged `accessTag`: answered, refused (with why), or undefined.
 * @example findUserinfo(exchanges, 'access#0f1e2d3c4b5a') // { ok: true }
 */
export function findUserinfo(exchanges: readonly Exchange[], accessTag: string): { ok: boolean; why?: string } | undefined {
  const verdicts = verdictsOf(exchanges, 'oauth.userinfo');
  if (verdicts.some((v) => v.ok && v.received?.includes(accessTag) === true)) return { ok: true };
  const refused = verdicts.find((v) => !v.ok);
  return refused === undefined ? undefined : { ok: false, why: (refused.hint ?? 'unauthorized').replace(/ \(access#[0-9a-f]+\)$/, '') };
}

/** True once the exchange and the userinfo call of `codeTag` are both in the journal. */
export function flowSeen(exchanges: readonly Exchange[], codeTag: string): boolean {
  const exchange = findCodeExchange(exchanges, codeTag);
  return exchange.kind === 'exchanged' && findUserinfo(exchanges, exchange.accessTag)?.ok === true;
}
