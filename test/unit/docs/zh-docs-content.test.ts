import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadScenarios, SCENARIOS_DIR } from '../../../mock-server/app/scenario-files.js';
import { DEFAULT_CATALOG } from '../../../mock-server/config/defaults.js';
import { CHECK_MESSAGES_ZH } from '../../../mock-server/core/checks/messages-zh.js';

/*
 * The Chinese guides say what the English ones say: every table row and every `### \`id\`` heading of
 * an English document is in its Chinese counterpart, the Chinese check guide names each check as the
 * Chinese reports do, and the Chinese scenario guide titles each scenario with its `title_zh`.
 */

const ROOT = join(import.meta.dirname, '../../..');
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

/** The first cell of every table row that starts with a code span (`| \`server.port\` |`), and every `### \`id\`` heading. */
const rowKeys = (text: string): string[] => [
  ...new Set([...text.matchAll(/^\| (`[^`\n]+`) \|/gm), ...text.matchAll(/^### (`[^`\n]+`)$/gm)].map((m) => m[0])),
];

const GUIDES = ['checks.md', 'config.md', 'scenarios.md', 'joint-operation.md', 'ci.md', 'reports.md', 'send.md', 'console.md', 'pact.md', 'admin-api.md', 'architecture.md', 'testing.md', 'fidelity.md', 'agents.md'].filter((f) => existsSync(join(ROOT, 'docs/zh', f)));

describe('Chinese guides are complete', () => {
  test('the row keys are found', () => {
    expect(rowKeys(read('docs/config.md'))).toContain('| `server.port` |');
    expect(rowKeys(read('docs/checks.md'))).toContain('### `result.code`');
  });

  test.for(GUIDES)('docs/zh/%s has every table row and check heading of the English guide', (file) => {
    const keys = rowKeys(read(`docs/${file}`));
    const zh = read(`docs/zh/${file}`);
    expect(keys.filter((k) => !zh.includes(`\n${k}`))).toEqual([]);
  });

  test.for(GUIDES)('docs/zh/%s links to the English guide, not to itself', (file) => {
    expect(read(`docs/zh/${file}`)).toContain(`[English](../${file})`);
  });

  test.skipIf(!GUIDES.includes('checks.md'))('docs/zh/checks.md names every check as the Chinese reports do', () => {
    const zh = read('docs/zh/checks.md');
    const missing = Object.entries(CHECK_MESSAGES_ZH).filter(([id, { title }]) => !zh.includes(`### \`${id}\`\n\n**检查项：** ${title}\n`));
    expect(missing.map(([id]) => id)).toEqual([]);
  });

  test.skipIf(!GUIDES.includes('scenarios.md'))('docs/zh/scenarios.md titles every scenario of the English guide with its title_zh', () => {
    const en = read('docs/scenarios.md');
    const zh = read('docs/zh/scenarios.md');
    const scenarios = loadScenarios([SCENARIOS_DIR, join(ROOT, 'scenarios-opt-in')], { catalog: DEFAULT_CATALOG }).filter((s) => en.includes(`\n| \`${s.id}\` |`));
    expect(scenarios.length).toBeGreaterThan(20);
    const missing = scenarios.filter((s) => !zh.includes(`| \`${s.id}\` | ${s.titleZh ?? '(no title_zh)'} |`));
    expect(missing.map((s) => s.id)).toEqual([]);
  });
});
