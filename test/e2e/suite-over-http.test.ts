import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { getSchemaRegistry } from '../../mock-server/config/schemas-fs.js';
import { loadShippedScenarios } from '../../mock-server/app/scenario-files.js';
import { startServe, type ServeProcess } from '../integration/http/serve-process.js';
import { startReferenceSeller, type SellerCredentials } from '../support/faulty-sellers.js';

/*
 * The suite over HTTP: `koomock serve` (the built CLI) started with the seller's keys, then only
 * HTTP calls, as a Java, Go or Python test would make them against the container.
 */

const CREDS: SellerCredentials = {
  keys: { basic: 'http-basic-key-0123456789', general: 'http-general-key-0123456789', kit: 'http-kit-key-0123456789' },
  ak: 'HTTPREFERENCEAK00000',
  sk: 'httpReferenceSecretAccessKey000000000000',
};
const TOKEN = 'suite-over-http-admin-token';
const ENV = {
  KOOMOCK_KEY: CREDS.keys.basic,
  KOOMOCK_GENERAL_KEY: CREDS.keys.general,
  KOOMOCK_KIT_KEY: CREDS.keys.kit,
  KOOMOCK_AK: CREDS.ak,
  KOOMOCK_SK: CREDS.sk,
  KOOMOCK_ADMIN_TOKEN: TOKEN,
};

interface RunState {
  id: string;
  status: 'running' | 'finished' | 'error';
  passed?: boolean;
  progress: { scenariosDone: number; scenariosTotal: number };
  report?: { scenarios: { id: string; status: string }[] };
  error?: { code: string; message: string };
}

const it = test.extend('serve', { scope: 'file' }, async ({}, { onCleanup }) => {
  const dir = mkdtempSync(join(tmpdir(), 'koomock-runs-'));
  const serve: ServeProcess = await startServe(['--port', '0', '--memory'], { cwd: dir, env: ENV });
  const seller = await startReferenceSeller({ ...CREDS, emulatorUrl: serve.url });
  onCleanup(async () => {
    await seller.close();
    serve.child.kill('SIGTERM');
    await serve.exited;
    rmSync(dir, { recursive: true, force: true });
  });
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${serve.url}/_koomock${path}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const waitFor = async (id: string): Promise<RunState> => {
    for (let i = 0; i < 600; i += 1) {
      const state = (await (await call('GET', `/runs/${id}`)).json()) as RunState;
      if (state.status !== 'running') return state;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`run ${id} did not finish within 60 s`);
  };
  return { url: serve.url, sellerUrl: seller.produceUrl, call, waitFor };
});

describe('the suite over HTTP (POST /_koomock/runs)', () => {
  it('runs the whole shipped suite against the reference seller and answers JSON, JUnit and HTML reports', async ({ serve }) => {
    const started = await serve.call('POST', '/runs', { sellerUrl: serve.sellerUrl });
    expect(started.status).toBe(202);
    const first = (await started.json()) as RunState;
    expect(started.headers.get('location')).toBe(`/_koomock/runs/${first.id}`);
    expect(first).toMatchObject({ status: 'running', progress: { scenariosDone: 0, scenariosTotal: loadShippedScenarios().length } });

    const done = await serve.waitFor(first.id);
    expect(done.error).toBeUndefined();
    expect(done).toMatchObject({ status: 'finished', passed: true });
    expect(done.progress.scenariosDone).toBe(done.progress.scenariosTotal);
    const valid = getSchemaRegistry().validate('report.schema.json', done.report);
    expect(valid.ok ? [] : valid.violations).toEqual([]);
    expect(done.report?.scenarios.map((s) => s.id)).toEqual(loadShippedScenarios().map((s) => s.id));

    const junit = await serve.call('GET', `/runs/${first.id}?format=junit`);
    expect(junit.headers.get('content-type')).toMatch(/^application\/xml/);
    const xml = await junit.text();
    expect(xml).toMatch(/^<\?xml/);
    expect(xml).toContain('<testsuite');
    expect(xml).not.toContain('<failure');
    const html = await serve.call('GET', `/runs/${first.id}?format=html`);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await html.text()).toMatch(/<html/i);
  });

  it('selects scenarios by id and by group, and takes profile overrides', async ({ serve }) => {
    const res = await serve.call('POST', '/runs', { sellerUrl: serve.sellerUrl, scenarios: ['renew'], groups: ['security'], profile: { callTimeoutMs: '20s' } });
    expect(res.status).toBe(202);
    const done = await serve.waitFor(((await res.json()) as RunState).id);
    const security = loadShippedScenarios().filter((s) => s.group === 'security').map((s) => s.id);
    expect(done.report?.scenarios.map((s) => s.id).sort()).toEqual(['renew', ...security].sort());
    expect(done.passed).toBe(true);
  });

  it('refuses bad requests with what to send instead', async ({ serve }) => {
    const cases: [unknown, RegExp][] = [
      [{ sellerUrl: 'ftp://x' }, /sellerUrl .* must start with https:\/\//],
      [{ scenarios: ['no-such-one'] }, /no such scenario; known ids: .*renew/],
      [{ groups: ['nope'] }, /no such group; the groups are .*security/],
      [{ keys: { basic: 'k' } }, /not sent with a run/],
      [{ sellerUrl: serve.sellerUrl, profile: { callTimeoutMs: 'soon' } }, /callTimeoutMs/],
      [{ colour: 'red' }, /unknown field colour/],
    ];
    for (const [body, message] of cases) {
      const res = await serve.call('POST', '/runs', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message);
    }
    const notJson = await serve.call('POST', '/runs', undefined, { 'content-type': 'text/plain' });
    expect(notJson.status).toBe(415);
    expect(((await notJson.json()) as { error: { code: string } }).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect((await serve.call('GET', '/runs/run-nope')).status).toBe(404);
    expect((await fetch(`${serve.url}/_koomock/runs/run-nope`)).status).toBe(401);
  });

  it('reports an unreachable seller as an error of the run, after waiting as long as asked', async ({ serve }) => {
    const started = Date.now();
    const res = await serve.call('POST', '/runs', { sellerUrl: 'http://127.0.0.1:9/produce', scenarios: ['renew'], waitForSellerMs: 1500 });
    const done = await serve.waitFor(((await res.json()) as RunState).id);
    expect(done.status).toBe('error');
    expect(done.error?.code).toBe('SELLER_UNREACHABLE');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
    expect((await serve.call('GET', `/runs/${done.id}?format=junit`)).status).toBe(409);
  });
});
