/**
 * Pact JS is an optional peer dependency: it brings a native core of several megabytes, and only
 * `koomock pact …` and `koomock/pact` need it. It is imported here, on first use, and nowhere else.
 */
import { KoomockError } from '../../core/errors.js';

export type PactModule = typeof import('@pact-foundation/pact');

let loaded: Promise<PactModule> | undefined;

/**
 * Loads `@pact-foundation/pact` (16.x). Pact's usage tracking is switched off unless the caller set
 * `PACT_DO_NOT_TRACK` itself: koomock runs offline and never phones home on a user's behalf.
 * @example const { PactV4, MatchersV3 } = await loadPact();
 */
export function loadPact(): Promise<PactModule> {
  process.env.PACT_DO_NOT_TRACK ??= 'true';
  loaded ??= import('@pact-foundation/pact').catch((cause: unknown) => {
    loaded = undefined;
    throw new KoomockError(
      'USAGE',
      'koomock pact needs @pact-foundation/pact 16: install it next to koomock with `npm i -D @pact-foundation/pact@16`',
      {},
      cause,
    );
  });
  return loaded;
}
