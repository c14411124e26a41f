import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createEmulator, type Emulator } from '../../mock-server/emulator.js';
import { rsaKeyPair } from '../support/rsa-keys.js';
import { reserveFreePort, startReferenceSeller, type SellerCredentials, type TestSellerServer } from '../support/faulty-sellers.js';
import { CLI_TEST_TIMEOUT, linesOf, runCli } from '../support/run-cli.js';

/*
 * Every V2 and kit activity sent from the command line to the reference seller through a running
 * emulator, each with at most --order / --instance plus what the platform cannot derive; then the
 * messages for what is missing and `koomock replay` fresh and broken.
 */

const CREDS: SellerCredentials = {
  keys: { basic: 'e2e-acts-basic-0123456789', general: 'e2e-acts-general-0123456789', kit: 'e2e-acts-kit-0123456789' },
  ak: 'E2EACTSSELLERAK00000',
  sk: 'e2eActsSellerSecretAccessKey00000000000',
};

const kitRsa = rsaKeyPair(3072);
let emulator: Emulator;
let seller: TestSellerServer;
let dir: string;

beforeAll(async () => {
  // The emulator replays calls only to the seller it is configured with: start the seller first.
  const port = await reserveFreePort();
  seller = await startReferenceSeller({ ...CREDS, emulatorUrl: `http://127.0.0.1:${port}`, kitPrivateKey: kitRsa.privateKey });
  emulator = await createEmulator({ port, config: { seller: { ak: CREDS.ak, sk: CREDS.sk, keys: { ...CREDS.keys }, productionUrl: seller.produceUrl } } });
  dir = mkdtempSync(join(tmpdir(), 'koomock-send-'));
});

afterAll(async () => {
  await seller?.close();
  await emulator?.close();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

const connect = () => ['--seller-url', seller.produceUrl, '--key', CREDS.keys.basic, '--general-key', CREDS.keys.general, '--kit-key', CREDS.keys.kit, '--ak', CREDS.ak, '--sk', CREDS.sk, '--emulator-url', emulator.url];

/** The JSON body printed under the request line. */
const sentBody = (stdout: string): Record<string, unknown> => {
  const lines = linesOf(stdout);
  const body = lines.slice(lines.findIndex((l) => l.startsWith('→ POST '))).find((l) => l.startsWith('  {'));
  return JSON.parse(body ?? '{}') as Record<string, unknown>;
};

async function send(args: string[]) {
  const run = await runCli(['send', ...args, ...connect()]);
  if (run.code !== 0) throw new Error(`koomock send ${args.join(' ')} exited ${run.code}\n${run.stdout}\n${run.stderr}`);
  return { ...run, body: sentBody(run.stdout) };
}

describe('koomock send: the 13 V2 and kit activities with only what the platform cannot derive', () => {
  let instanceId = '';
  let orderId = '';

  test('newInstance (a fresh order), then queryInstance, updateInstanceStatus, refreshInstance, upgradeInstance, changeInstanceCheck, orderNotify', async () => {
    const created = await send(['newInstance']);
    instanceId = String(created.body['businessId']);
    orderId = String(created.body['orderId']);
    expect(linesOf(created.stdout)).toContain(`instanceId: ${instanceId}`);

    expect((await send(['queryInstance', '--instance', instanceId])).body).toMatchObject({ activity: 'queryInstance', instanceId });
    expect((await send(['updateInstanceStatus', '--instance', instanceId, '--set', 'status=FREEZE'])).body).toMatchObject({ instanceId, status: 'FREEZE' });
    expect((await send(['updateInstanceStatus', '--instance', instanceId, '--set', 'status=UNFREEZE'])).body).toMatchObject({ status: 'UNFREEZE' });

    // A renewal order placed by the buyer: scene, orderLineId and expireTime come from it.
    const renewal = await emulator.admin.createOrder({ orderType: 'RENEW', follows: { instanceId } });
    const line = renewal.orderInfo.orderLine[0];
    const refreshed = await send(['refreshInstance', '--instance', instanceId, '--order', renewal.orderInfo.orderId]);
    expect(refreshed.body).toMatchObject({ scene: 'RENEWAL', instanceId, orderId: renewal.orderInfo.orderId, orderLineId: line?.orderLineId, expireTime: line?.expireTime });

    expect((await send(['upgradeInstance', '--instance', instanceId])).body).toMatchObject({ activity: 'upgradeInstance', instanceId, orderId: expect.any(String) });

    // The product to change to is the order line's productInfo.
    const change = await emulator.admin.createOrder({ orderType: 'CHANGE', follows: { instanceId } });
    const product = change.orderInfo.orderLine[0]?.productInfo[0];
    const checked = await send(['changeInstanceCheck', '--instance', instanceId, '--order', change.orderInfo.orderId]);
    expect(checked.body['productInfo']).toMatchObject({ productId: product?.productId, skuCode: product?.skuCode, productName: product?.productName });
    // Without --order: the instance's own product from the catalog.
    expect((await send(['changeInstanceCheck', '--instance', instanceId])).body['productInfo']).toMatchObject({ productId: expect.any(String), skuCode: expect.any(String) });

    expect((await send(['orderNotify', '--order', orderId])).body).toMatchObject({ activity: 'orderNotify', orderId, orderLineId: `${orderId}-000001` });
  }, CLI_TEST_TIMEOUT * 3);

  test('the five kit operations: the order comes from the instance, the tenant data from --set and --body', async () => {
    expect(instanceId).not.toBe('');
    const tenant = await send(['tenantSync', '--instance', instanceId, '--set', 'tenantId=t-1', '--set', 'tenantCode=acme', '--set', 'name=ACME', '--set', 'domainName=acme.example.com', '--set', 'flag=1']);
    expect(tenant.body).toMatchObject({ instanceId, orderId, tenantId: 't-1', flag: 1, testFlag: 0 });

    const appFile = join(dir, 'app.json');
    writeFileSync(appFile, JSON.stringify({ tenantId: 't-1', appId: 'app-1', clientId: 'client-1', clientSecret: 'plain-secret', flag: 1 }));
    // applicationSync needs the seller's public key: the secret goes out encrypted (docs/joint-operation.md).
    writeFileSync(join(dir, 'kit-public.pem'), kitRsa.publicKey);
    writeFileSync(join(dir, 'kit.config.yaml'), 'seller:\n  kitPublicKeyFile: kit-public.pem\n');
    const app = await send(['applicationSync', '--instance', instanceId, '--body', `@${appFile}`, '--config', join(dir, 'kit.config.yaml')]);
    expect(app.body).toMatchObject({ appId: 'app-1', clientId: 'client-1', flag: 1, clientSecret: expect.stringMatching(/^[A-Za-z0-9+/]{500,}={0,2}$/) });

    const users = await send(['authSync', '--instance', instanceId, '--set', 'tenantId=t-1', '--set', 'appId=app-1', '--set', 'flag=1', '--set', 'userList=[{"userName":"u1","name":"User One","orgCode":"o1","role":"admin","enable":"true"}]']);
    expect(users.body['userList']).toEqual([{ userName: 'u1', name: 'User One', orgCode: 'o1', role: 'admin', enable: 'true' }]);

    expect((await send(['singleOrgSync', '--instance', instanceId, '--set', 'tenantId=t-1', '--set', 'orgCode=o1', '--set', 'orgName=Sales', '--set', 'flag=1'])).body).toMatchObject({ orgCode: 'o1', flag: 1 });
    expect((await send(['allOrgSync', '--instance', instanceId, '--set', 'tenantId=t-1', '--set', 'orgInfoList=[{"orgCode":"o1","orgName":"Sales"}]'])).body['orgInfoList']).toEqual([{ orgCode: 'o1', orgName: 'Sales' }]);
  }, CLI_TEST_TIMEOUT * 3);

  test('releaseInstance, last', async () => {
    expect(instanceId).not.toBe('');
    expect((await send(['releaseInstance', '--instance', instanceId])).body).toMatchObject({ activity: 'releaseInstance', instanceId });
  }, CLI_TEST_TIMEOUT);
});

describe('koomock send: what is missing, all at once, in command-line terms', () => {
  test.for([
    { activity: 'updateInstanceStatus', line: 'koomock: updateInstanceStatus needs 2 more fields: --instance <instanceId>, --set status=FREEZE|UNFREEZE' },
    { activity: 'changeInstanceCheck', line: 'koomock: changeInstanceCheck needs 2 more fields: --instance <instanceId>, --set productInfo=\'{"productId":…,"skuCode":…,"productName":…}\'' },
    { activity: 'singleOrgSync', line: 'koomock: singleOrgSync needs 5 more fields: --instance <instanceId>, --set tenantId=<text>, --set orgCode=<text>, --set orgName=<text>, --set flag=0|1|2' },
  ])('$activity', async ({ activity, line }) => {
    const run = await runCli(['send', activity, ...connect()]);
    expect(run.code).toBe(2);
    expect(linesOf(run.stderr)).toEqual([line]);
  });

  test('a partly given object names its missing members', async () => {
    const run = await runCli(['send', 'changeInstanceCheck', '--instance', 'i-1', '--set', 'productInfo.productId=P1', ...connect()]);
    expect(run.code).toBe(2);
    expect(linesOf(run.stderr)).toEqual(['koomock: changeInstanceCheck needs 2 more fields: --set productInfo.skuCode=<text>, --set productInfo.productName=<text>']);
  });
});

describe('koomock replay', () => {
  test('re-sends a journaled call with a fresh signature, and broken four ways the seller refuses', async () => {
    const created = await send(['newInstance']);
    const [exchange] = await emulator.admin.listExchanges({ direction: 'outbound', operation: 'newInstance', afterId: 0, limit: 1000 }).then((l) => l.slice(-1));
    expect(sentBody(created.stdout)['businessId']).toBeDefined();
    const id = String(exchange?.id);

    const fresh = await runCli(['replay', id, '--emulator-url', emulator.url]);
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).toContain('"resultCode":"000000"');

    for (const how of ['tamper', 'stale', 'wrong-key']) {
      const broken = await runCli(['replay', id, '--break', how, '--emulator-url', emulator.url]);
      expect(broken.code, `${how}: ${broken.stdout}${broken.stderr}`).toBe(0);
      expect(broken.stdout).toContain('"resultCode":"000001"');
      expect(linesOf(broken.stdout)).toContainEqual(expect.stringMatching(/^ {4}✔ security\./));
    }
    const replayed = await runCli(['replay', id, '--break', 'replay', '--emulator-url', emulator.url]);
    expect(replayed.code).toBe(0);
    expect(linesOf(replayed.stdout)).toContainEqual(expect.stringMatching(/^ {4}✔ security\.replay/));

    const wrong = await runCli(['replay', id, '--break', 'sideways', '--emulator-url', emulator.url]);
    expect(wrong.code).toBe(2);
    expect(linesOf(wrong.stderr)).toEqual(['koomock: --break must be one of tamper, stale, wrong-key, replay, received "sideways"']);
  }, CLI_TEST_TIMEOUT * 2);
});
