import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadShippedScenarios, OPT_IN_GROUPS, SCENARIOS_DIR } from '../../../mock-server/app/scenario-files.js';
import { V1_ATTACK_NAMES } from '../../../mock-server/core/checks/attack-names.js';
import { sends, shippedGroup } from '../../support/shipped-group.js';

const { files: FILES, parse } = shippedGroup('v1-security');

describe('the shipped V1 security suite (scenarios/v1-security/)', () => {
  test('holds one V1 scenario per V1 attack, in an opt-in group', () => {
    expect(FILES.map((f) => `v1-${basename(f, '.yaml')}`)).toEqual([...V1_ATTACK_NAMES].sort());
    expect(OPT_IN_GROUPS).toContain('v1-security');
    expect(loadShippedScenarios().filter((s) => s.group === 'v1-security')).toEqual([]);
  });

  test.for(FILES)('%s: a valid V1 newInstance, the attack, then a valid queryInstance proving it changed nothing', (file) => {
    const scenario = parse(file);
    const attack = `v1-${basename(file, '.yaml')}`;
    expect(scenario).toMatchObject({ id: `v1-security-${basename(file, '.yaml')}`, group: 'v1-security', profile: { generation: 'v1' } });
    expect(scenario.titleZh).toMatch(/\p{Script=Han}/u);
    const steps = sends(scenario);
    expect(steps[0]).toMatchObject({ activity: 'newInstance' });
    const forged = steps.filter((s) => s.attack !== undefined);
    expect(forged.map((s) => s.attack)).toEqual([attack]);
    expect(steps.at(-1)).toMatchObject({ activity: 'queryInstance', expect: { noSideEffectOf: forged[0]?.id } });
    for (const step of steps.slice(1)) expect(step.titleZh, step.id).toMatch(/\p{Script=Han}/u);
  });

  test('docs/scenarios.md and docs/security.md name every V1 security scenario and check', () => {
    const scenarios = readFileSync(join(SCENARIOS_DIR, '..', 'docs', 'scenarios.md'), 'utf8');
    const security = readFileSync(join(SCENARIOS_DIR, '..', 'docs', 'security.md'), 'utf8');
    for (const file of FILES) {
      const scenario = parse(file);
      expect(scenarios).toContain(`\`${scenario.id}\``);
      expect(scenarios).toContain(scenario.titleZh ?? '(no Chinese title)');
    }
    for (const attack of V1_ATTACK_NAMES) expect(security).toContain(`\`security.${attack}\``);
  });
});
