import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadScenarios, loadShippedScenarios, SCENARIOS_DIR } from '../../../mock-server/app/scenario-files.js';
import { getSchemaRegistry } from '../../../mock-server/config/schemas-fs.js';
import { DEFAULT_CATALOG } from '../../../mock-server/config/defaults.js';
import type { Scenario } from '../../../mock-server/core/scenario/load/model.js';
import { parseScenario } from '../../../mock-server/core/scenario/load/parse.js';
import { selectProducts } from '../../../mock-server/core/scenario/run/select-products.js';

const FILES = readdirSync(SCENARIOS_DIR).filter((f) => f.endsWith('.yaml')).sort();
const schemas = getSchemaRegistry();
const parse = (file: string): Scenario =>
  parseScenario(readFileSync(join(SCENARIOS_DIR, file), 'utf8'), { file: `scenarios/${file}`, schemas, catalog: DEFAULT_CATALOG });

/** Real (not virtual) time a scenario may spend waiting on purpose: keeps the suite at a few seconds. */
const MAX_REAL_WAIT_MS = 1_000;

describe('the shipped conformance suite (scenarios/)', () => {
  test('holds exactly the documented scenarios', () => {
    expect(FILES.map((f) => basename(f, '.yaml'))).toEqual([
      'async-provisioning',
      'cancel-renewal',
      'change-check-at-renewal',
      'change-check-refused',
      'daily-dial-test',
      'expire-then-release',
      'expire-then-renew',
      'idempotent-resend',
      'on-demand-billing-items',
      'on-demand-usage',
      'order-notify-query',
      'query-several-instances',
      'release-after-unsubscribe',
      'renew-expiry-milliseconds',
      'renew',
      'retry-after-timeout',
      'subscribe-monthly',
      'subscribe-one-time',
      'trial-expiry',
      'trial-to-paid',
      'upgrade',
    ]);
  });

  test.for(FILES)('%s parses against the schema and the default catalog', (file) => {
    const scenario = parse(file);
    expect(scenario.id).toBe(basename(file, '.yaml'));
    expect(scenario.group).toBe('core');
    expect(scenario.titleZh).toMatch(/\p{Script=Han}/u);
    expect(scenario.description?.length).toBeGreaterThan(40);
    expect(scenario.steps.some((s) => s.kind === 'send')).toBe(true);
  });

  test.for(FILES)('%s orders only products the default catalog can supply', (file) => {
    for (const step of parse(file).steps) {
      if (step.kind !== 'order' || step.order.source !== 'catalog') continue;
      // Charging modes, not productIds, so the suite runs against any seller's catalog.
      expect(step.order.products.every((p) => p.kind === 'chargingMode')).toBe(true);
      expect(selectProducts(step.order.products, DEFAULT_CATALOG, step.order.periodType)).toMatchObject({ ok: true });
    }
  });

  test.for(FILES)('%s spends at most a second of real time in timeouts and seller delays', (file) => {
    const scenario = parse(file);
    const delays = scenario.steps.flatMap((s) =>
      s.kind === 'order' && s.order.source === 'catalog'
        ? [...s.order.extendParams, ...s.order.lineExtendParams].filter((p) => /^koomock\.\w+DelayMs$/.test(p.name)).map((p) => Number(p.value))
        : [],
    );
    for (const ms of [...delays, scenario.profile.callTimeoutMs ?? 0]) expect(ms).toBeLessThanOrEqual(MAX_REAL_WAIT_MS);
  });

  test('the default suite needs no seller cooperation: no koomock.* test hook in any order', () => {
    for (const scenario of loadShippedScenarios({ catalog: DEFAULT_CATALOG })) {
      for (const step of scenario.steps) {
        if (step.kind !== 'order' || step.order.source !== 'catalog') continue;
        expect([...step.order.extendParams, ...step.order.lineExtendParams].filter((p) => p.name.startsWith('koomock.')), `${scenario.id}/${step.id}`).toEqual([]);
      }
    }
  });

  test('the timeout scenario makes the marketplace-side timeout itself: the first answer is dropped, then retried', () => {
    const create = parse('retry-after-timeout.yaml').steps.find((s) => s.id === 'create');
    expect(create?.kind === 'send' ? [create.dropAnswers, create.retry, create.expect.attempts] : undefined).toEqual([1, true, 2]);
  });

  test('the hook-driven variants are an opt-in group outside the default suite (scenarios-opt-in/hooks)', () => {
    const hooks = loadScenarios([join(SCENARIOS_DIR, '..', 'scenarios-opt-in', 'hooks')], { catalog: DEFAULT_CATALOG });
    expect(hooks.map((s) => [s.id, s.group])).toEqual([
      ['async-provisioning-hook', 'hooks'],
      ['retry-after-slow-answer', 'hooks'],
    ]);
    const shipped = loadShippedScenarios({ catalog: DEFAULT_CATALOG }).map((s) => s.id);
    for (const s of hooks) expect(shipped).not.toContain(s.id);
  });

  test('loads as one suite with unique ids, sub-folders (security/, …) included', () => {
    const ids = loadShippedScenarios({ catalog: DEFAULT_CATALOG }).map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    const security = readdirSync(join(SCENARIOS_DIR, 'security')).filter((f) => f.endsWith('.yaml'));
    expect(security.length).toBeGreaterThan(0);
    for (const id of [...FILES.map((f) => basename(f, '.yaml')), ...security.map((f) => `security-${basename(f, '.yaml')}`)]) expect(ids).toContain(id);
  });

  test('docs/scenarios.md describes every shipped scenario', () => {
    const docs = readFileSync(join(SCENARIOS_DIR, '..', 'docs', 'scenarios.md'), 'utf8');
    for (const file of FILES) {
      const scenario = parse(file);
      expect(docs).toContain(`\`${scenario.id}\``);
      expect(docs).toContain(scenario.titleZh ?? '(no Chinese title)');
    }
  });
});
