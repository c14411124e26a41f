import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SCENARIOS_DIR } from '../../../mock-server/app/scenario-files.js';
import { ATTACK_NAMES } from '../../../mock-server/core/checks/attack-names.js';
import { sends, shippedGroup } from '../../support/shipped-group.js';

const { files: FILES, parse } = shippedGroup('security');

describe('the shipped security suite (scenarios/security/)', () => {
  test('holds one scenario per attack, named after it', () => {
    expect(FILES.map((f) => basename(f, '.yaml'))).toEqual([...ATTACK_NAMES].sort());
  });

  test.for(FILES)('%s: order, a valid newInstance, the attack, then a valid call proving it changed nothing', (file) => {
    const scenario = parse(file);
    const attack = basename(file, '.yaml');
    expect(scenario).toMatchObject({ id: `security-${attack}`, group: 'security' });
    expect(scenario.titleZh).toMatch(/\p{Script=Han}/u);
    expect(scenario.description?.length).toBeGreaterThan(40);
    const steps = sends(scenario);
    expect(steps[0]).toMatchObject({ activity: 'newInstance' });
    expect(steps[0]?.attack).toBeUndefined();
    const forged = steps.filter((s) => s.attack !== undefined);
    expect(forged.map((s) => s.attack)).toEqual([attack]);
    const last = steps.at(-1);
    expect(last?.attack).toBeUndefined();
    expect(last?.expect.noSideEffectOf).toBe(forged[0]?.id);
  });

  test('docs/scenarios.md and docs/security.md name every security scenario and check', () => {
    const scenarios = readFileSync(join(SCENARIOS_DIR, '..', 'docs', 'scenarios.md'), 'utf8');
    const security = readFileSync(join(SCENARIOS_DIR, '..', 'docs', 'security.md'), 'utf8');
    for (const file of FILES) {
      const scenario = parse(file);
      expect(scenarios).toContain(`\`${scenario.id}\``);
      expect(scenarios).toContain(scenario.titleZh ?? '(no Chinese title)');
    }
    for (const attack of ATTACK_NAMES) {
      expect(security).toContain(`\`${attack}\``);
      expect(security).toContain(`\`security.${attack}\``);
    }
  });
});
