import { describe, expect, test } from 'vitest';
import { localise } from '../../../../mock-server/core/messages/localise.js';
import { applyOverrides, parseOverride } from '../../../../mock-server/core/produce/overrides.js';
import { keyFor } from '../../../../mock-server/core/produce/seller-keys.js';
import { englishRuns } from '../../../support/english-runs.js';

/*
 * What koomock says of a call it cannot build, produced by the code that refuses it: every message
 * reads as Chinese once put through the catalogue (`koomock … --lang zh` prints it so).
 */

const messageOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
};

describe('errors of a call koomock cannot build, in Chinese', () => {
  test.for([
    ['a missing basic key', () => keyFor('basic', { basic: '' })],
    ['a missing general key', () => keyFor('general', { basic: 'k' })],
    ['a missing kit key', () => keyFor('kit', { basic: 'k' })],
    ['a missing V1 key', () => keyFor('v1', { basic: 'k' })],
    ['an override naming no field', () => parseOverride('!')],
    ['an override without =', () => parseOverride('status')],
    ['an override whose := value is not JSON', () => parseOverride('flag:=nojson')],
    ['an override with an empty segment', () => applyOverrides({}, { 'appInfo..memo': 'x' })],
  ] as const)('%s', ([, f]) => {
    const message = messageOf(f);
    const zh = localise(message, 'zh');
    expect(zh).not.toBe(message);
    expect(englishRuns(zh)).toEqual([]);
  });
});
