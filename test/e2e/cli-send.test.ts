import { describe, expect, test } from 'vitest';
import { createEmulator } from '../../mock-server/emulator.js';
import { reserveFreePort, startReferenceSeller, type SellerCredentials } from '../support/faulty-sellers.js';
import { linesOf, runCli } from '../support/run-cli.js';

/*
 * `koomock send ACTIVITY` (in process through main(argv, io)) against the reference seller: one signed call,
 * the request as sent, the answer, the checklist, the documented exit codes. Then the same call
 * through the admin API (`POST /_koomock/send`) and a replay of a journaled exchange.
 */

const CREDS: SellerCredentials = {
  keys: { basic: 'e2e-send-basic-0123456789', general: 'e2e-send-general-0123456789', kit: 'e2e-send-kit-0123456789' },
  ak: 'E2ESENDSELLERAK00000',
  sk: 'e2eSendSellerSecretAccessKey000000000000',
};

const keyArgs = (basic = CREDS.keys.basic) => ['--key', basic, '--general-key', CREDS.keys.general, '--kit-key', CREDS.keys.kit, '--ak', CREDS.ak, '--sk', CREDS.sk];

const it = test.extend('reference', { scope: 'file' }, async ({}, { onCleanup }) => {
  const port = await reserveFreePort();
  const seller = await startReferenceSeller({ ...CREDS, emulatorUrl: `http://127.0.0.1:${port}` });
  onCleanup(() => seller.close());
  return { produceUrl: seller.produceUrl, connect: (basic?: string) => ['--seller-url', seller.produceUrl, ...keyArgs(basic), '--port', String(port)] };
});

/** The JSON body line printed under the request line. */
const sentBody = (stdout: string): Record<string, unknown> => {
  const lines = linesOf(stdout);
  const body = lines.slice(lines.findIndex((l) => l.startsWith('→ POST '))).find((l) => l.startsWith('  {'));
  return JSON.parse(body ?? '{}') as Record<string, unknown>;
};

describe('koomock send', () => {
  it('sends newInstance for a fresh order and prints the signed request, the answer and the checklist (exit 0)', async ({ reference }) => {
    const run = await runCli(['send', 'newInstance', ...reference.connect()]);
    expect(run.code).toBe(0);
    const lines = linesOf(run.stdout);
    const request = lines.find((l) => l.startsWith('→ POST '));
    expect(request).toMatch(new RegExp(`^→ POST ${reference.produceUrl.replaceAll('.', '\\.')}\\?signature=[0-9A-F]{64}&timestamp=\\d{13}&nonce=[A-Za-z0-9]{32}$`));
    expect(lines).toContain('  content-type: application/json;charset=utf8');
    const body = sentBody(run.stdout);
    expect(body).toMatchObject({ activity: 'newInstance', orderId: expect.stringMatching(/^CS\d{10}[A-Z0-9]{5}$/) });
    expect(body['orderLineId']).toBe(`${String(body['orderId'])}-000001`);
    expect(lines).toContainEqual(expect.stringMatching(/^← HTTP 200 \(\d+ ms\)$/));
    expect(lines).toContain(`instanceId: ${String(body['businessId'])}`);
    expect(lines).toContain('    ✔ order.outcome');
    expect(lines.at(-1)).toMatch(/^1 scenario: 1 passed, 0 failed/);
  });

  it('uses --order for orderId and orderLineId, and --set for fields and extra fields (still signed)', async ({ reference }) => {
    const run = await runCli(['send', 'newInstance', '--order', 'MOCKPERIODYEARNEW', '--set', 'extra:=5', '--debug-flag', ...reference.connect()]);
    expect(run.code).toBe(0);
    expect(sentBody(run.stdout)).toMatchObject({ orderId: 'MOCKPERIODYEARNEW', orderLineId: 'MOCKPERIODYEARNEW-000001', extra: 5, testFlag: '1' });
  });

  it('exits 1 when a check fails: a status change for an instance the seller does not know', async ({ reference }) => {
    const run = await runCli(['send', 'updateInstanceStatus', '--instance', 'no-such-instance', '--set', 'status=FREEZE', ...reference.connect()]);
    expect(run.code).toBe(1);
    expect(sentBody(run.stdout)).toMatchObject({ activity: 'updateInstanceStatus', instanceId: 'no-such-instance', status: 'FREEZE' });
    expect(linesOf(run.stdout)).toContainEqual(expect.stringMatching(/^ {4}✗ result\.code/));
    // One attempt unless --retry: a 1-hour retry window would be 21.
    expect(linesOf(run.stdout).filter((l) => l.startsWith('→ POST '))).toHaveLength(1);
  });

  it('exits 1 with the seller rejecting a signature made with another key', async ({ reference }) => {
    const run = await runCli(['send', 'queryInstance', '--instance', 'i-1', ...reference.connect('not-the-sellers-key-000')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('"resultCode":"000001"');
  });

  test.for([
    { name: 'an unknown activity', args: ['send', 'newInstanse', '--seller-url', 'http://127.0.0.1:9/p'], line: /^koomock: unknown activity "newInstanse" \(did you mean newInstance\?\)/ },
    { name: 'a --set that is not field=value', args: ['send', 'queryInstance', '--set', 'oops', '--seller-url', 'http://127.0.0.1:9/p'], line: /^koomock: override "oops" is not field=value/ },
    { name: 'an unreachable seller', args: ['send', 'queryInstance', '--instance', 'i', '--seller-url', 'http://127.0.0.1:9/p'], line: /^koomock: cannot reach the seller at http:\/\/127\.0\.0\.1:9\/p: ECONNREFUSED/ },
  ])('exits 2 with one line for $name', async ({ args, line }) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(linesOf(run.stderr)).toEqual([expect.stringMatching(line)]);
  });
});

describe('POST /_koomock/send and /_koomock/exchanges/{id}/replay', () => {
  test('sends one judged call, and replays it with a fresh signature and businessId', async () => {
    // A sellerUrl other than the configured seller is signed for only when the admin API has a token.
    const token = 'test-admin-token-0001';
    const emulator = await createEmulator({
      config: { server: { adminToken: token }, seller: { ak: CREDS.ak, sk: CREDS.sk, keys: { basic: CREDS.keys.basic, general: CREDS.keys.general, kit: CREDS.keys.kit } } },
    });
    const seller = await startReferenceSeller({ ...CREDS, emulatorUrl: emulator.url });
    const post = async (path: string, body: unknown = {}) => {
      const res = await fetch(`${emulator.url}/_koomock${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    try {
      const sent = await post('/send', { activity: 'newInstance', sellerUrl: seller.produceUrl });
      expect(sent.status).toBe(200);
      expect(sent.body).toMatchObject({ status: 'passed', result: { activity: 'newInstance', outcome: 'success', instanceId: expect.any(String) } });
      const [id] = sent.body['exchangeIds'] as number[];
      const original = await emulator.admin.getExchange(id as number);
      expect(original).toMatchObject({ direction: 'outbound', operation: 'newInstance' });

      const replay = await post(`/exchanges/${id}/replay`);
      expect(replay.status).toBe(200);
      expect(replay.body).toMatchObject({ replayOf: id, status: 'passed', result: { instanceId: (sent.body['result'] as { instanceId: string }).instanceId } });
      const [again] = replay.body['exchangeIds'] as number[];
      expect(again).toBeGreaterThan(id as number);
      const resent = await emulator.admin.getExchange(again as number);
      expect(resent.request['url']).not.toBe(original.request['url']);
      const bodyOf = (e: typeof original) => JSON.parse(String(e.request['body'])) as Record<string, unknown>;
      expect(bodyOf(resent)['orderId']).toBe(bodyOf(original)['orderId']);
      expect(bodyOf(resent)['businessId']).not.toBe(bodyOf(original)['businessId']);

      const inbound = (await emulator.admin.listExchanges({ direction: 'inbound', limit: 1 }))[0];
      expect((await post(`/exchanges/${inbound?.id}/replay`)).status).toBe(400);
      expect((await post('/exchanges/999999/replay')).status).toBe(404);
      expect((await post('/send', { activity: 'newInstanse' })).body).toMatchObject({ error: { code: 'INPUT_INVALID', message: expect.stringContaining('activity must be one of') } });
    } finally {
      await seller.close();
      await emulator.close();
    }
  });
});
