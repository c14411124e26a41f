import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { getSchemaRegistry } from '../../../../mock-server/config/schemas-fs.js';
import type { SsoStep } from '../../../../mock-server/core/scenario/load/model.js';
import { parseScenario, validateScenario } from '../../../../mock-server/core/scenario/load/parse.js';

/*
 * The `sso` step as the shipped kit-sso scenario writes it, then with one thing broken each: the
 * steps it names must be earlier steps of the right kind, and `${koomock.url}` offers only `url`.
 */

const schemas = getSchemaRegistry();
const SSO = readFileSync(join(import.meta.dirname, '..', '..', '..', '..', 'scenarios', 'kit', 'sso.yaml'), 'utf8');

function problemOf(text: string): string {
  const r = validateScenario(text, { file: 'sso.yaml', schemas });
  if (r.ok) throw new Error('expected the scenario to be invalid');
  return r.problems.map((p) => `${p.problem} — ${p.hint ?? ''}`).join('\n');
}

const broken = (from: string, to: string): string => {
  expect(SSO.split(from)).toHaveLength(2);
  return SSO.replace(from, to);
};

describe('the sso step', () => {
  test('kit-sso parses with defaults: replay the code and log out', () => {
    const step = parseScenario(SSO, { file: 'sso.yaml', schemas }).steps.at(-1) as SsoStep;
    expect(step).toMatchObject({ kind: 'sso', order: 'order', tenant: 'tenant', application: 'app', reuse: true, logout: true, titleZh: '买家通过卖家的单点登录进入应用' });
  });

  test.for([
    { name: 'an application that is not an applicationSync step', from: 'application: app }', to: 'application: tenant }', problem: 'sso.application names `tenant`, which is not a `send: applicationSync` step' },
    { name: 'a tenant step that does not exist', from: 'tenant: tenant,', to: 'tenant: tenat,', problem: 'sso.tenant names `tenat`, which is not an earlier step — did you mean tenant?' },
    { name: 'an order that is a send step', from: 'order: order,', to: 'order: create,', problem: 'sso.order names `create`, which is not an order step' },
    { name: 'a koomock value that does not exist', from: '${koomock.url}', to: '${koomock.host}', problem: '${koomock.host}: koomock offers only ${koomock.url}' },
    { name: 'an unknown sso option', from: 'application: app }', to: 'application: app, replay: false }', problem: 'replay' },
  ])('refuses $name', ({ from, to, problem }) => {
    expect(problemOf(broken(from, to))).toContain(problem);
  });
});
