import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CHECK_IDS } from '../../../../mock-server/core/checks/catalog.js';
import { CHECK_MESSAGES_ZH, missingZh } from '../../../../mock-server/core/checks/messages-zh.js';

const DOC = readFileSync(join(import.meta.dirname, '../../../../docs/checks.md'), 'utf8');

describe('check catalogue', () => {
  test('lists the answer checks in the order an attempt reports them, then the scenario checks', () => {
    expect(CHECK_IDS.slice(0, 23)).toEqual([
      'transport.reachable',
      'transport.timeout',
      'transport.reset',
      'http.protocol',
      'http.redirect',
      'http.status',
      'http.content-type',
      'body.size',
      'body.json',
      'body.object',
      'response.schema',
      'result.code',
      'response.body-sign',
      'response.appinfo',
      'response.memo',
      'instance.idempotent',
      'instance.distinct',
      'instance.released',
      'order.queried',
      'order.outcome',
      'response.instances',
      'poll.appinfo',
      'market.timeout',
    ]);
  });

  test('every check has Chinese text', () => {
    expect(missingZh()).toEqual([]);
    expect(Object.keys(CHECK_MESSAGES_ZH).sort()).toEqual([...CHECK_IDS].sort());
  });

  test.for(CHECK_IDS.map((id) => [id]))('docs/checks.md documents %s', ([id]) => {
    expect(DOC).toContain(`### \`${id}\``);
  });
});
