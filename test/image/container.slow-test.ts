import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MOCK_ORDER_QUERY, signedFetch } from '../integration/http/support.js';
import { reserveFreePort, startReferenceSeller, type SellerCredentials } from '../support/faulty-sellers.js';

/*
 * The container image, built from the Dockerfile and run as a seller's CI would run it, with only
 * HTTP between the test and the container. No image registry is needed: .ci/image-base makes the
 * Debian base from Debian packages. buildah runs the image (chroot isolation, host network), so
 * the container's port is this machine's port. Needs buildah and mmdebstrap (.ci/install-image-tools).
 */

const ROOT = resolve(import.meta.dirname, '..', '..');
const IMAGE = 'localhost/koomock:image-test';
const CA = process.env['NODE_EXTRA_CA_CERTS'] ?? '/etc/ssl/certs/ca-certificates.crt';
const CREDS: SellerCredentials = {
  keys: { basic: 'image-basic-key-0123456789', general: 'image-general-key-0123456789', kit: 'image-kit-key-0123456789' },
  ak: 'IMAGEREFERENCEAK0000',
  sk: 'imageReferenceSecretAccessKey00000000000',
};
const SELLER_ENV = { KOOMOCK_KEY: CREDS.keys.basic, KOOMOCK_GENERAL_KEY: CREDS.keys.general, KOOMOCK_KIT_KEY: CREDS.keys.kit, KOOMOCK_AK: CREDS.ak, KOOMOCK_SK: CREDS.sk };

const sh = (cmd: string, args: readonly string[], timeoutMs = 60_000): string =>
  execFileSync(cmd, args, { cwd: ROOT, encoding: 'utf8', timeout: timeoutMs, stdio: ['ignore', 'pipe', 'inherit'] });

interface ImageConfig {
  readonly entrypoint: string[];
  readonly cmd: string[];
  readonly user: string;
  readonly exposed: string[];
  readonly volumes: string[];
  readonly healthcheck: string[];
}

function inspectImage(): ImageConfig {
  const raw = JSON.parse(sh('buildah', ['inspect', '--type', 'image', IMAGE])) as {
    Docker: { config: { Entrypoint?: string[]; Cmd?: string[]; User?: string; ExposedPorts?: Record<string, unknown>; Volumes?: Record<string, unknown>; Healthcheck?: { Test?: string[] } } };
  };
  const c = raw.Docker.config;
  return { entrypoint: c.Entrypoint ?? [], cmd: c.Cmd ?? [], user: c.User ?? '', exposed: Object.keys(c.ExposedPorts ?? {}), volumes: Object.keys(c.Volumes ?? {}), healthcheck: c.Healthcheck?.Test ?? [] };
}

/** `docker run IMAGE args…` with buildah: a working container of the image, the entrypoint run in it. */
class Container {
  readonly name: string;
  readonly child: ChildProcess;
  out = '';
  readonly exited: Promise<number | null>;
  private readonly envArgs: string[];
  constructor(config: ImageConfig, args: readonly string[], env: Readonly<Record<string, string>>) {
    this.name = sh('buildah', ['from', '--pull=never', IMAGE]).trim();
    this.envArgs = Object.entries(env).flatMap(([k, v]) => ['--env', `${k}=${v}`]);
    this.child = spawn('buildah', ['run', '--isolation', 'chroot', '--network', 'host', ...this.envArgs, this.name, '--', ...config.entrypoint, ...(args.length > 0 ? args : config.cmd)], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout?.on('data', (d: Buffer) => (this.out += d.toString()));
    this.child.stderr?.on('data', (d: Buffer) => (this.out += d.toString()));
    this.exited = new Promise((done) => this.child.on('exit', (code) => done(code)));
  }
  /** A second process in the same container, with the same environment (`docker exec`). */
  exec(args: readonly string[]): string {
    return sh('buildah', ['run', '--isolation', 'chroot', '--network', 'host', ...this.envArgs, this.name, '--', ...args]);
  }
  async remove(): Promise<void> {
    if (this.child.exitCode === null && this.child.pid !== undefined) {
      try {
        process.kill(-this.child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await Promise.race([this.exited, new Promise((r) => setTimeout(r, 5000))]);
    }
    execFileSync('buildah', ['rm', this.name], { stdio: 'ignore' });
  }
}

let config: ImageConfig;
const containers: Container[] = [];

beforeAll(() => {
  sh('bash', ['.ci/image-base'], 600_000);
  const secret = existsSync(CA) ? ['--secret', `id=ca,src=${CA}`] : [];
  sh('buildah', ['bud', '--quiet', '--format', 'docker', '--isolation', 'chroot', '--layers', ...secret, '-t', IMAGE, '.'], 1_200_000);
  config = inspectImage();
}, 1_500_000);

afterAll(async () => {
  for (const c of containers) await c.remove();
});

describe('the container image', () => {
  test('is set up as documented: koomock entrypoint, serve by default, non-root, port 7070, /data volume, health check', () => {
    expect(config.entrypoint).toEqual(['node', '/opt/koomock/bin/koomock.js']);
    expect(config.cmd).toEqual(['serve']);
    expect(config.user).toBe('koomock');
    expect(config.exposed).toEqual(['7070/tcp']);
    expect(config.volumes).toEqual(['/data']);
    expect(config.healthcheck.join(' ')).toContain('/_koomock/health');
  });

  test('serves on all interfaces with a generated admin token, answers a signed order query, and runs the suite over HTTP against the reference seller', async () => {
    const port = await reserveFreePort();
    const container = new Container(config, [], { ...SELLER_ENV, KOOMOCK_PORT: String(port) });
    containers.push(container);
    const url = `http://127.0.0.1:${port}`;
    for (let i = 0; !/Press Ctrl\+C to stop/.test(container.out); i += 1) {
      if (i > 300 || container.child.exitCode !== null) throw new Error(`the container did not start:\n${container.out}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(container.out).toContain(`listening on http://0.0.0.0:${port}`);
    expect(container.out).toMatch(/state\s+\/data\/koomock\.db/);
    const token = /^ {2}admin token (\S+)/m.exec(container.out)?.[1] ?? '';
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);

    // The image's own HEALTHCHECK command, run inside the container, passes.
    const [cmd, ...args] = config.healthcheck[0] === 'CMD' ? config.healthcheck.slice(1) : ['sh', '-c', config.healthcheck.slice(1).join(' ')];
    container.exec([cmd ?? 'false', ...args]);
    expect((await fetch(`${url}/_koomock/orders`)).status).toBe(401);

    const query = await signedFetch({ url: `${url}${MOCK_ORDER_QUERY}`, ak: CREDS.ak, sk: CREDS.sk });
    expect(query.status).toBe(200);
    expect(((await query.json()) as { resultCode: string }).resultCode).toBe('MKT.0000');

    const seller = await startReferenceSeller({ ...CREDS, emulatorUrl: url });
    try {
      const admin = { authorization: `Bearer ${token}` };
      const started = await fetch(`${url}/_koomock/runs`, { method: 'POST', headers: { ...admin, 'content-type': 'application/json' }, body: JSON.stringify({ sellerUrl: seller.produceUrl }) });
      expect(started.status).toBe(202);
      const { id } = (await started.json()) as { id: string };
      let state: { status: string; passed?: boolean; error?: unknown } = { status: 'running' };
      for (let i = 0; i < 1200 && state.status === 'running'; i += 1) {
        await new Promise((r) => setTimeout(r, 100));
        state = (await (await fetch(`${url}/_koomock/runs/${id}`, { headers: admin })).json()) as typeof state;
      }
      expect(state).toMatchObject({ status: 'finished', passed: true });
      const junit = await (await fetch(`${url}/_koomock/runs/${id}?format=junit`, { headers: admin })).text();
      expect(junit).toMatch(/^<\?xml/);
      expect(Number(/<testsuites[^>]* tests="(\d+)"/.exec(junit)?.[1])).toBeGreaterThan(0);
      expect(junit).toMatch(/<testsuites[^>]* failures="0"/);
      expect(junit).not.toContain('<failure');
    } finally {
      await seller.close();
    }
  });

  test('`run --seller-url …` through the entrypoint plays the suite and exits 0', async () => {
    const port = await reserveFreePort();
    const seller = await startReferenceSeller({ ...CREDS, emulatorUrl: `http://127.0.0.1:${port}` });
    try {
      const container = new Container(config, ['run', '--seller-url', seller.produceUrl, '--port', String(port), '--only', 'subscribe-monthly,renew', '--wait-for-seller', '10s'], SELLER_ENV);
      containers.push(container);
      const code = await container.exited;
      expect(container.out).toMatch(/2 scenarios: 2 passed, 0 failed/);
      expect(code).toBe(0);
    } finally {
      await seller.close();
    }
  });
});
