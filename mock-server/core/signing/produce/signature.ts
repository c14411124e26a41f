import { createHash } from 'node:crypto';
import { hmacSha256 } from '../hmac.js';
import { parseJsonObject, toCanonicalJson } from '../canonical-json.js';

/**
 * Shared by the V2 basic signature (produce-api.md §6.1) and the kit `x-sign` (§6.2): both are
 * HMAC-SHA256(key, key + nonce + timestamp + X), with X = inner digest (basic) or the payload (kit).
 * A recipe spells out every choice, so the mistake catalogue can vary one of them at a time.
 */
export type ProduceScheme = 'v2' | 'kit';

export interface ProduceRecipe {
  /** HMAC key of both HMACs and the prefix of the string to sign. */
  readonly key: string;
  /** The exact JSON text signed (RequestPayload). */
  readonly payload: string;
  readonly nonce: string;
  readonly timestamp: string;
  readonly order: 'nonce-first' | 'timestamp-first';
  /** How the payload enters the string to sign: lower-hex HMAC, plain SHA-256, upper-hex HMAC, or as is. */
  readonly inner: 'hmac' | 'sha256' | 'hmac-upper' | 'none';
}

/** Stands in for the key wherever a string to sign is shown: secrets never leave in messages. */
export const KEY_PLACEHOLDER = '{accessKey}';

export interface ProduceSignInput {
  readonly key: string;
  readonly payload: string;
  readonly timestamp: string;
  readonly nonce: string;
}

/** The correct recipe of a scheme. */
export const toProduceRecipe = (scheme: ProduceScheme, input: ProduceSignInput): ProduceRecipe => ({
  ...input,
  order: 'nonce-first',
  inner: scheme === 'v2' ? 'hmac' : 'none',
});

/** The string the outer HMAC covers; `keyText` lets callers show it with the key redacted. */
export function toStringToSign(recipe: ProduceRecipe, keyText: string = recipe.key): string {
  const pair = recipe.order === 'nonce-first' ? recipe.nonce + recipe.timestamp : recipe.timestamp + recipe.nonce;
  return keyText + pair + toInnerPart(recipe);
}

function toInnerPart(recipe: ProduceRecipe): string {
  switch (recipe.inner) {
    case 'hmac':
      return hmacSha256(recipe.key, recipe.payload).toString('hex');
    case 'hmac-upper':
      return hmacSha256(recipe.key, recipe.payload).toString('hex').toUpperCase();
    case 'sha256':
      return createHash('sha256').update(recipe.payload, 'utf8').digest('hex');
    case 'none':
      return recipe.payload;
  }
}

/** Lower-hex signature of a recipe. */
export const signProduceRecipe = (recipe: ProduceRecipe): string =>
  hmacSha256(recipe.key, toStringToSign(recipe)).toString('hex');

/**
 * The RequestPayload a verifier derives from a received body, as the official demo does
 * (parse, sort the top-level keys, drop nulls, compact); undefined when the body is not a JSON object.
 */
export function toCanonicalPayload(body: string): string | undefined {
  const parsed = parseJsonObject(body);
  return parsed === undefined ? undefined : toCanonicalJson(parsed);
}
