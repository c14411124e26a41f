import { describe, expect, test } from 'vitest';
import { loadConfig } from '../../../mock-server/config/load.js';
import { selectScenarios } from '../../../mock-server/app/run-suite.js';
import { OPT_IN_GROUPS } from '../../../mock-server/app/scenario-files.js';
import { isKoomockError } from '../../../mock-server/core/errors.js';

const { config } = loadConfig({ env: {}, cwd: '/' });
const select = (only: string[] = [], groups?: string[], paths: string[] = []) => selectScenarios(paths, only, { cwd: process.cwd(), config, ...(groups === undefined ? {} : { groups }) });

describe('selectScenarios: the opt-in kit group', () => {
  test('a plain run leaves the kit group out', () => {
    const groups = new Set(select().map((s) => s.group));
    expect(groups.has('core')).toBe(true);
    for (const g of OPT_IN_GROUPS) expect(groups.has(g)).toBe(false);
  });

  test('--group kit runs exactly the kit scenarios', () => {
    expect(select([], ['kit']).map((s) => s.id).sort()).toEqual(['kit-application', 'kit-departments', 'kit-sso', 'kit-tenant', 'kit-users']);
  });

  test('--only names a kit scenario without --group', () => {
    expect(select(['kit-users']).map((s) => s.id)).toEqual(['kit-users']);
  });

  test('an unknown group is a usage error naming the known ones', () => {
    let error: unknown;
    try {
      select([], ['kits']);
    } catch (e) {
      error = e;
    }
    expect(isKoomockError(error) ? error.message : String(error)).toMatch(/^--group kits: no such group; known groups: .*\bkit\b/);
  });
});
