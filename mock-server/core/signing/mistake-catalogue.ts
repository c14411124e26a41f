import type { KnownMistake } from './mistakes.js';

/**
 * One row of a mistake catalogue: a known mistake and the signatures its mistaken computation
 * produces for a given input (none when the mistake cannot apply to that input).
 */
export interface MistakeRule<C> extends KnownMistake {
  readonly variants: (ctx: C) => readonly string[];
}

/**
 * The mistakes of `rules` whose variant reproduces `given`. Variants equal to the correct signature
 * are ignored, so a correct signature never names a mistake.
 */
export function findMistakes<C>(
  rules: readonly MistakeRule<C>[],
  ctx: C,
  given: string,
  expected: string,
  equal: (a: string, b: string) => boolean,
): KnownMistake[] {
  return rules
    .filter((rule) => rule.variants(ctx).some((v) => !equal(v, expected) && equal(v, given)))
    .map(({ id, en, zh }) => ({ id, en, zh }));
}
