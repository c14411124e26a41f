import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SCENARIOS_DIR } from '../../../mock-server/app/scenario-files.js';
import { DEFAULT_SERVER } from '../../../mock-server/config/defaults.js';
import type { FaultsStep, SendStep } from '../../../mock-server/core/scenario/load/model.js';
import { shippedGroup } from '../../support/shipped-group.js';

const { files: FILES, parse } = shippedGroup('faults');

describe('the shipped fault suite (scenarios/faults/)', () => {
  test('holds the retry and the failover scenario', () => {
    expect(FILES.map((f) => basename(f, '.yaml'))).toEqual(['order-query-failover', 'order-query-retry']);
  });

  test.for(FILES)('%s: an order, a faults step, then one newInstance that must recover within its single attempt', (file) => {
    const scenario = parse(file);
    expect(scenario).toMatchObject({ id: basename(file, '.yaml'), group: 'faults' });
    expect(scenario.titleZh).toMatch(/\p{Script=Han}/u);
    expect(scenario.description?.length).toBeGreaterThan(40);
    expect(scenario.steps.map((s) => s.kind)).toEqual(['order', 'faults', 'send']);
    const send = scenario.steps[2] as SendStep;
    expect(send.expect).toMatchObject({ attempts: 1, pass: ['order.queried'], openApi: { operation: 'order.query' } });
  });

  test('every host a rule names is one koomock answers for by default', () => {
    const hosts = FILES.flatMap((f) => (parse(f).steps.filter((s) => s.kind === 'faults') as FaultsStep[]).flatMap((s) => s.rules.map((r) => r.host)));
    for (const host of hosts) if (host !== undefined) expect(DEFAULT_SERVER.hostNames).toContain(host);
  });

  test('docs/scenarios.md and docs/security.md name every fault scenario', () => {
    const docs = readFileSync(join(SCENARIOS_DIR, '..', 'docs', 'scenarios.md'), 'utf8');
    const security = readFileSync(join(SCENARIOS_DIR, '..', 'docs', 'security.md'), 'utf8');
    for (const file of FILES) {
      const scenario = parse(file);
      expect(docs).toContain(`\`${scenario.id}\``);
      expect(docs).toContain(scenario.titleZh ?? '(no Chinese title)');
      expect(security).toContain(`\`${scenario.id}\``);
    }
  });
});
