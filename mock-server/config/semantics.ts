import type { CatalogProduct } from '../core/market/catalog.js';
import { MAX_DURATION_MS, parseDuration } from './duration.js';
import type { PathSegment } from '../core/schemas/located-yaml.js';
import { renderValue, toKeyPath, type ConfigProblem } from './problems.js';
import type { KoomockConfigInput } from './types.js';

/** Durations that must be above zero: a zero timeout or polling interval would never let a call or a wait end. */
const POSITIVE_DURATIONS = ['callTimeoutMs', 'pollIntervalMs', 'retryIntervalMs'] as const;
const DURATIONS = [...POSITIVE_DURATIONS, 'pollWindowMs'] as const;

/** Categories that KooGallery binds one key each to; the console refuses the same key twice (produce-api.md §9). */
const CATEGORY_KEYS = [
  ['basic', '基础接口'],
  ['kit', '联营SaaS同步接口'],
  ['general', '通用接口'],
  ['license', 'License授权码交付接口'],
] as const;

function durationProblems(profile: NonNullable<KoomockConfigInput['profile']>, journal: KoomockConfigInput['journal']): ConfigProblem[] {
  const entries: [PathSegment[], unknown, boolean][] = [
    [['journal', 'maxAge'], journal?.maxAge, false],
    ...DURATIONS.map((k): [PathSegment[], unknown, boolean] => [['profile', k], profile[k], (POSITIVE_DURATIONS as readonly string[]).includes(k)]),
    ...Object.entries(profile.retryWindowMs ?? {}).map(([k, v]): [PathSegment[], unknown, boolean] => [['profile', 'retryWindowMs', k], v, false]),
  ];
  return entries.flatMap(([path, value, positive]): ConfigProblem[] => {
    const ms = parseDuration(value);
    if (value === undefined || (ms !== undefined && (ms > 0 || !positive))) return [];
    const expected = ms === undefined ? `a duration of at most ${MAX_DURATION_MS / 86_400_000} days` : 'a duration above zero (it rounds to 0 ms)';
    return [{ path, kind: 'invalid', expected, received: renderValue(value, toKeyPath(path)) }];
  });
}

function catalogProblems(catalog: readonly CatalogProduct[]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const firstIndex = new Map<string, number>();
  catalog.forEach((p, i) => {
    const seen = firstIndex.get(p.productId);
    if (seen === undefined) firstIndex.set(p.productId, i);
    else {
      problems.push({
        path: ['catalog', i, 'productId'],
        kind: 'invalid',
        expected: `a productId no other catalog entry uses (catalog[${seen}] has it already)`,
        received: renderValue(p.productId, ''),
      });
    }
    if (p.chargingMode === 'PERIOD' && p.periodTypes === undefined) {
      problems.push({ path: ['catalog', i, 'periodTypes'], kind: 'missing', expected: 'the period types of this PERIOD product, e.g. `[month]`', hint: 'PERIOD products are sold by month, year, day or hour' });
    }
    if (p.chargingMode !== 'PERIOD' && p.periodTypes !== undefined) {
      problems.push({ path: ['catalog', i, 'periodTypes'], kind: 'invalid', expected: `no periodTypes: only PERIOD products have them, this one is ${p.chargingMode}`, received: renderValue(p.periodTypes, '') });
    }
    const linear = p.linear;
    if (linear !== undefined && !(linear.min <= linear.default && linear.default <= linear.max)) {
      problems.push({
        path: ['catalog', i, 'linear'],
        kind: 'invalid',
        expected: '`min` <= `default` <= `max`',
        received: `min ${linear.min}, default ${linear.default}, max ${linear.max}`,
      });
    }
  });
  return problems;
}

function keyProblems(keys: Readonly<Record<string, string | undefined>>): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  CATEGORY_KEYS.forEach(([name, label], i) => {
    const clash = CATEGORY_KEYS.slice(0, i).find(([other]) => keys[other] !== undefined && keys[other] === keys[name]);
    if (clash === undefined) return;
    problems.push({
      path: ['seller', 'keys', name],
      kind: 'invalid',
      expected: `a key different from seller.keys.${clash[0]}: KooGallery binds a separate key to each interface category (${label} vs ${clash[1]})`,
      received: 'the same value (hidden: it is a secret)',
    });
  });
  return problems;
}

/**
 * Rules a JSON Schema cannot state well: duration limits, unique product ids, period types only on
 * PERIOD products, distinct category keys, one way to give the kit public key. Runs on a
 * schema-valid merged config.
 */
export function checkSemantics(input: KoomockConfigInput): ConfigProblem[] {
  const seller = input.seller ?? {};
  const both = seller.kitPublicKey !== undefined && seller.kitPublicKeyFile !== undefined;
  return [
    ...durationProblems(input.profile ?? {}, input.journal),
    ...catalogProblems(input.catalog ?? []),
    ...keyProblems(seller.keys ?? {}),
    ...(both
      ? [{ path: ['seller', 'kitPublicKeyFile'], kind: 'invalid', expected: 'either seller.kitPublicKey or seller.kitPublicKeyFile, not both', received: renderValue(seller.kitPublicKeyFile, '') } satisfies ConfigProblem]
      : []),
  ];
}
