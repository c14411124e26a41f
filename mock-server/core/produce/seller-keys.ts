import { keyMissing } from '../errors.js';
import type { KeyCategory, SellerKeys } from './types.js';

/** The command-line flag that supplies each key category (named in KEY_MISSING hints). */
export const KEY_FLAGS: Readonly<Record<KeyCategory, string>> = {
  basic: '--key',
  general: '--general-key',
  kit: '--kit-key',
  v1: '--v1-key',
};

const KEY_NAMES: Readonly<Record<KeyCategory, string>> = {
  basic: 'the basic (基础接口) key',
  general: 'the general (通用接口) key',
  kit: 'the joint-operation kit (联营SaaS同步接口) key',
  v1: 'the V1 key',
};

const KEY_USE: Readonly<Record<KeyCategory, string>> = {
  basic: 'V2 basic produce calls are signed with it',
  general: 'orderNotify is signed with it (produce-api.md §1.3)',
  kit: 'kit sync calls (/produceAPI/v2/*) are signed with it',
  v1: 'V1 calls (authToken, Body-Sign, AES fields) use it',
};

/**
 * The key of a category, or KEY_MISSING naming the flag that supplies it. Never falls back to
 * another category: the platform requires a different key per category.
 * @example
 *   keyFor('general', { basic: 'k' }); // throws KEY_MISSING: "... pass it with --general-key"
 */
export function keyFor(category: KeyCategory, keys: SellerKeys): string {
  const key = keys[category];
  if (key === undefined || key === '') {
    throw keyMissing(KEY_NAMES[category], `${KEY_USE[category]}; pass it with ${KEY_FLAGS[category]}`);
  }
  return key;
}
