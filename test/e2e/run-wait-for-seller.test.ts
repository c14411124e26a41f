import { describe, expect, test } from 'vitest';
import { startSeller } from '../../examples/seller-express/src/app.js';
import { reserveFreePort, type SellerCredentials } from '../support/faulty-sellers.js';
import { linesOf, runCli } from '../support/run-cli.js';

/* `koomock run --wait-for-seller`: a seller that is still starting is waited for, up to the limit. */

const CREDS: SellerCredentials = {
  keys: { basic: 'wait-basic-key-0123456789', general: 'wait-general-key-0123456789', kit: 'wait-kit-key-0123456789' },
  ak: 'WAITREFERENCEAK00000',
  sk: 'waitReferenceSecretAccessKey000000000000',
};
const keyArgs = ['--key', CREDS.keys.basic, '--general-key', CREDS.keys.general, '--kit-key', CREDS.keys.kit, '--ak', CREDS.ak, '--sk', CREDS.sk];

describe('koomock run --wait-for-seller', () => {
  test('waits for a seller that comes up 1.5 s after the run started, then passes', async () => {
    const [sellerPort, emulatorPort] = [await reserveFreePort(), await reserveFreePort()];
    const later = new Promise<Awaited<ReturnType<typeof startSeller>>>((resolve, reject) => {
      setTimeout(() => {
        startSeller({ port: sellerPort, keys: CREDS.keys, ak: CREDS.ak, sk: CREDS.sk, orderApiUrls: [`http://127.0.0.1:${emulatorPort}`] }).then(resolve, reject);
      }, 1500);
    });
    try {
      const run = await runCli(['run', '--seller-url', `http://127.0.0.1:${sellerPort}/produce`, ...keyArgs, '--port', String(emulatorPort), '--only', 'subscribe-monthly', '--wait-for-seller', '20s']);
      expect(run.stderr).not.toContain('✗');
      expect(run.code).toBe(0);
    } finally {
      await (await later).close();
    }
  });

  test('gives up after the time asked for with exit 2, saying how long it tried', async () => {
    const port = await reserveFreePort();
    const started = Date.now();
    const run = await runCli(['run', '--seller-url', `http://127.0.0.1:${port}/produce`, ...keyArgs, '--port', '0', '--only', 'renew', '--wait-for-seller', '2s']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
    expect(run.code).toBe(2);
    expect(linesOf(run.stderr).join('\n')).toMatch(/cannot reach the seller at http:\/\/127\.0\.0\.1:\d+\/produce: ECONNREFUSED/);
  });

  test('refuses a value that is not a duration', async () => {
    const run = await runCli(['run', '--seller-url', 'http://127.0.0.1:9/produce', ...keyArgs, '--wait-for-seller', 'soon']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--wait-for-seller expects a duration of at most 10m, such as 60s or 2m, received "soon"');
  });
});
