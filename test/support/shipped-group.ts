/**
 * One shipped scenario folder (scenarios/<group>/) as the suite tests read it: its files in order,
 * each parsed with the default catalog as `koomock run` would, and a scenario's send steps.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCENARIOS_DIR } from '../../mock-server/app/scenario-files.js';
import { DEFAULT_CATALOG } from '../../mock-server/config/defaults.js';
import { getSchemaRegistry } from '../../mock-server/config/schemas-fs.js';
import type { Scenario, SendStep } from '../../mock-server/core/scenario/load/model.js';
import { parseScenario } from '../../mock-server/core/scenario/load/parse.js';

/** @example const { files, parse } = shippedGroup('security'); parse(files[0]); */
export function shippedGroup(group: string): { readonly files: string[]; readonly parse: (file: string) => Scenario } {
  const dir = join(SCENARIOS_DIR, group);
  const schemas = getSchemaRegistry();
  return {
    files: readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort(),
    parse: (file) => parseScenario(readFileSync(join(dir, file), 'utf8'), { file: `scenarios/${group}/${file}`, schemas, catalog: DEFAULT_CATALOG }),
  };
}

/** The scenario's send steps, in order. */
export const sends = (scenario: Scenario): SendStep[] => scenario.steps.filter((s): s is SendStep => s.kind === 'send');
