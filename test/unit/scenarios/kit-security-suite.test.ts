import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadShippedScenarios, OPT_IN_GROUPS, SCENARIOS_DIR } from '../../../mock-server/app/scenario-files.js';
import { KIT_ATTACK_NAMES } from '../../../mock-server/core/checks/attack-names.js';
import { sends, shippedGroup } from '../../support/shipped-group.js';

const { files: FILES, parse } = shippedGroup('kit-security');

describe('the shipped kit security suite (scenarios/kit-security/)', () => {
  test('holds one scenario per kit attack, named after it, in an opt-in group', () => {
    expect(FILES.map((f) => `kit-${basename(f, '.yaml')}`)).toEqual([...KIT_ATTACK_NAMES].sort());
    expect(OPT_IN_GROUPS).toContain('kit-security');
    expect(loadShippedScenarios().filter((s) => s.group === 'kit-security')).toEqual([]);
  });

  test.for(FILES)('%s: a valid newInstance, the kit attack, then a valid kit call proving it changed nothing', (file) => {
    const scenario = parse(file);
    const attack = `kit-${basename(file, '.yaml')}`;
    expect(scenario).toMatchObject({ id: `kit-security-${basename(file, '.yaml')}`, group: 'kit-security' });
    expect(scenario.titleZh).toMatch(/\p{Script=Han}/u);
    const steps = sends(scenario);
    expect(steps[0]).toMatchObject({ activity: 'newInstance' });
    const forged = steps.filter((s) => s.attack !== undefined);
    expect(forged.map((s) => s.attack)).toEqual([attack]);
    const last = steps.at(-1);
    expect(last?.attack).toBeUndefined();
    expect(last?.activity).toBe(forged[0]?.activity);
    expect(last?.expect.noSideEffectOf).toBe(forged[0]?.id);
    // The valid call after a forgery reuses its x-nonce; after a replay the nonce was a valid one, so a fresh one goes.
    expect(last?.sign['x-nonce']).toBe(attack === 'kit-replay' ? undefined : `\${${forged[0]?.id}.nonce}`);
    for (const step of steps.slice(1)) expect(step.titleZh, step.id).toMatch(/\p{Script=Han}/u);
  });

  test('docs/scenarios.md and docs/security.md name every kit security scenario and check', () => {
    const scenarios = readFileSync(join(SCENARIOS_DIR, '..', 'docs', 'scenarios.md'), 'utf8');
    const security = readFileSync(join(SCENARIOS_DIR, '..', 'docs', 'security.md'), 'utf8');
    for (const file of FILES) {
      const scenario = parse(file);
      expect(scenarios).toContain(`\`${scenario.id}\``);
      expect(scenarios).toContain(scenario.titleZh ?? '(no Chinese title)');
    }
    for (const attack of KIT_ATTACK_NAMES) expect(security).toContain(`\`security.${attack}\``);
  });
});
