import { describe, expect, test } from 'vitest';
import { closestName } from '../../../mock-server/core/suggest.js';

const SELLER_KEYS = ['name', 'accountId', 'ak', 'sk', 'keys', 'productionUrl', 'kitPublicKey', 'kitPublicKeyFile'];

describe('closestName', () => {
  test.for([
    ['a missing letter', 'productonUrl', 'productionUrl'],
    ['swapped letters', 'accuontId', 'accountId'],
    ['snake case', 'production_url', 'productionUrl'],
    ['kebab case', 'kit-public-key', 'kitPublicKey'],
    ['different capitals', 'ProductionURL', 'productionUrl'],
    ['a plural', 'key', 'keys'],
  ] as const)('suggests the known key for %s', ([, unknown, known]) => {
    expect(closestName(unknown, SELLER_KEYS)).toBe(known);
  });

  test.for(['colour', 'password', 'endpointAddress'])('suggests nothing for the unrelated key %s', (unknown) => {
    expect(closestName(unknown, SELLER_KEYS)).toBeUndefined();
  });
});
