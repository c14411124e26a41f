import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { startServe } from '../integration/http/serve-process.js';

test('koomock serve on 0.0.0.0 without a configured token makes one up, prints it once, and requires it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'koomock-token-'));
  const serve = await startServe(['--host', '0.0.0.0', '--port', '0', '--memory'], { cwd: dir });
  try {
    const token = /^ {2}admin token (\S+) {2}\(generated now, since 0\.0\.0\.0 is not loopback; set KOOMOCK_ADMIN_TOKEN/m.exec(serve.stdout())?.[1];
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const base = serve.url.replace('0.0.0.0', '127.0.0.1');
    expect((await fetch(`${base}/_koomock/health`)).status).toBe(200);
    expect((await fetch(`${base}/_koomock/orders`)).status).toBe(401);
    expect((await fetch(`${base}/_koomock/orders`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
  } finally {
    serve.child.kill('SIGTERM');
    await serve.exited;
    rmSync(dir, { recursive: true, force: true });
  }
});

test('koomock serve on 127.0.0.1 keeps the admin API open to this machine, with no token printed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'koomock-token-'));
  const serve = await startServe(['--port', '0', '--memory'], { cwd: dir });
  try {
    expect(serve.stdout()).not.toContain('admin token');
    expect((await fetch(`${serve.url}/_koomock/orders`)).status).toBe(200);
  } finally {
    serve.child.kill('SIGTERM');
    await serve.exited;
    rmSync(dir, { recursive: true, force: true });
  }
});
