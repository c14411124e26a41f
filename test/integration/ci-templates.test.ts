import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { loadCommands } from '../../mock-server/adapters/cli/commands/index.js';
import { loadConfig } from '../../mock-server/config/load.js';
import { startServer, type StartedServer } from '../../mock-server/app/start-server.js';
import { toReportText } from '../../mock-server/adapters/cli/reporters/index.js';

/*
 * The CI templates of ci/ and the recipes of docs/ci.md: each parses, and every koomock command,
 * flag and admin endpoint they use exists in this version of koomock.
 */

const ROOT = resolve(import.meta.dirname, '..', '..');
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

interface Action {
  runs: { using: string; steps: { run?: string; uses?: string; with?: Record<string, string> }[] };
  inputs: Record<string, { required?: boolean; default?: string }>;
}
interface GitlabJob {
  services: { name: string; alias: string }[];
  script: string[];
  artifacts: { reports: { junit: string } };
}

const action = parse(read('ci/github/action.yml')) as Action;
const gitlab = parse(read('ci/gitlab/koomock.gitlab-ci.yml')) as { variables: Record<string, string>; koomock: GitlabJob };
const jenkins = read('ci/jenkins/Jenkinsfile');
const docs = read('docs/ci.md');

/** Shell scripts of every template (continuation lines joined). */
const scripts: readonly string[] = ([
  ...action.runs.steps.flatMap((s) => (s.run === undefined ? [] : [s.run])),
  ...gitlab.koomock.script,
  ...[...jenkins.matchAll(/sh\s+'''([\s\S]*?)'''|sh\s+'([^']*)'/g)].map((m) => m[1] ?? m[2] ?? ''),
] as unknown[]).filter((s): s is string => typeof s === 'string').map((s) => s.replace(/\\\n\s*/g, ' '));

/** `koomock <command> --flag…` as written: `npx koomock@v run …`, `"$KOOMOCK_IMAGE" run …`. */
const KOOMOCK_CALL = /(?:npx\s+(?:--yes\s+)?"?koomock(?:@[^\s"]*)?"?|"?\$\{?KOOMOCK_IMAGE\}?"?)\s+([a-z]+)([^\n]*)/g;
const calls = scripts.flatMap((s) => [...s.matchAll(KOOMOCK_CALL)].map((m) => ({ command: m[1] ?? '', flags: [...(m[2] ?? '').matchAll(/(?<=\s)--[a-z][a-z-]*/g)].map((f) => f[0]) })));
const endpoints = [...new Set([...scripts, docs].flatMap((s) => [...s.matchAll(/\/_koomock\/[a-z]+(?:\/(?:\$\{?\w+\}?|"\s*\+\s*\w+(?:\.\w+)?|\{\w+\}|'\]\}|\$RUN_ID|[a-z]+))?/g)].map((m) => m[0].replace(/\/(?!_koomock|runs$|health$)[^/]*$/, '/{id}'))))];

let program: Command;
let server: StartedServer;
beforeAll(async () => {
  program = new Command('koomock');
  const io = { out: () => {}, err: () => {}, env: {}, cwd: ROOT };
  for (const register of await loadCommands([])) register(program, io as never, () => {});
  server = await startServer(loadConfig({ env: { KOOMOCK_PORT: '0', KOOMOCK_DB: 'memory' }, cwd: ROOT }), { renderReport: (report, kind) => toReportText(report, kind) });
});
afterAll(() => server?.stop());

describe('CI templates', () => {
  test('the GitHub action is a composite action that declares every input it reads and uploads the JUnit and HTML reports', () => {
    expect(action.runs.using).toBe('composite');
    const text = read('ci/github/action.yml');
    const used = [...text.matchAll(/\$\{\{\s*inputs\.([a-z-]+)/g)].map((m) => m[1] ?? '');
    expect(used.filter((i) => !(i in action.inputs))).toEqual([]);
    expect(action.inputs['key']?.required).toBe(true);
    const upload = action.runs.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@') === true);
    expect(upload?.with?.['path']).toMatch(/koomock-junit\.xml[\s\S]*koomock-report\.html/);
  });

  test('the GitLab template runs the image as a service and publishes the JUnit report', () => {
    // A `key: value` inside an unquoted script line turns it into a map, which GitLab refuses.
    expect(gitlab.koomock.script.filter((line) => typeof line !== 'string')).toEqual([]);
    expect(gitlab.koomock.services).toEqual([{ name: '$KOOMOCK_IMAGE', alias: 'koomock' }]);
    expect(gitlab.koomock.artifacts.reports.junit).toBe('koomock-junit.xml');
    expect(gitlab.koomock.script.join('\n')).toContain('format=junit');
  });

  test('the Jenkinsfile has a stage that runs the image and publishes the JUnit report', () => {
    expect(jenkins).toMatch(/stage\('KooGallery conformance \(koomock\)'\)/);
    expect(jenkins).toMatch(/junit [^\n]*koomock-junit\.xml/);
    expect(jenkins.split('{').length).toBe(jenkins.split('}').length);
  });

  test('every koomock command and flag the templates use exists', () => {
    expect(calls.map((c) => c.command).sort()).toEqual(['run', 'run']);
    for (const call of calls) {
      const command = program.commands.find((c) => c.name() === call.command);
      expect(command, call.command).toBeDefined();
      const known = command?.options.map((o) => o.long) ?? [];
      expect(call.flags.filter((f) => !known.includes(f)), `koomock ${call.command}`).toEqual([]);
    }
  });

  test('every admin endpoint the templates and docs/ci.md use exists', async () => {
    expect(endpoints.sort()).toEqual(['/_koomock/health', '/_koomock/runs', '/_koomock/runs/{id}']);
    const base = server.url;
    const answers = await Promise.all(endpoints.map(async (path) => {
      const res = path === '/_koomock/runs'
        ? await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"nope":1}' })
        : await fetch(`${base}${path.replace('{id}', 'run-none')}`);
      return `${path} ${res.status} ${(await res.text()).includes('no admin endpoint') ? 'missing' : 'served'}`;
    }));
    expect(answers).toEqual(['/_koomock/health 200 served', '/_koomock/runs 400 served', '/_koomock/runs/{id} 404 served']);
  });
});
