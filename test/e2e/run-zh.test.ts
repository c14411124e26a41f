import { describe, expect, test } from 'vitest';
import { reserveFreePort, startReferenceSeller, type SellerCredentials } from '../support/faulty-sellers.js';
import { englishRuns } from '../support/english-runs.js';
import { linesOf, runCli } from '../support/run-cli.js';

/*
 * `koomock run --lang zh` of the whole shipped suite against the reference seller, once as written
 * (every scenario passes) and once configured with another general key (orderNotify is signed with a
 * key the seller does not have): from the first line to the summary, what a seller reads is Chinese.
 * Ids, field names, codes, values and the seller's own quoted text may stay as they are; any run of
 * three English words is a sentence koomock forgot to put in its catalogue (core/messages).
 */

const CREDS: SellerCredentials = {
  keys: { basic: 'zh-basic-key-0123456789', general: 'zh-general-key-0123456789', kit: 'zh-kit-key-0123456789' },
  ak: 'ZHREFERENCEAK0000000',
  sk: 'zhReferenceSecretAccessKey00000000000000',
};

async function runZh(generalKey: string, extra: readonly string[] = [], env: Readonly<Record<string, string>> = {}) {
  const port = await reserveFreePort();
  const seller = await startReferenceSeller({ ...CREDS, emulatorUrl: `http://127.0.0.1:${port}`, usageIntervalMs: 200 });
  try {
    const args = ['run', '--seller-url', seller.produceUrl, '--key', CREDS.keys.basic, '--general-key', generalKey, '--kit-key', CREDS.keys.kit];
    return await runCli([...args, '--ak', CREDS.ak, '--sk', CREDS.sk, '--port', String(port), '--seller-pushes-usage', ...extra], { timeoutMs: 60_000, env });
  } finally {
    await seller.close();
  }
}

describe('koomock run in Chinese', () => {
  test('against a correct seller: every line of progress and checklist reads as Chinese', async () => {
    const run = await runZh(CREDS.keys.general, ['--lang', 'zh']);
    expect(run.code).toBe(0);
    expect(englishRuns(run.stderr)).toEqual([]);
    expect(englishRuns(run.stdout)).toEqual([]);
    expect(linesOf(run.stdout).at(-1)).toMatch(/^\d+ 个场景：\d+ 通过，\d+ 跳过，0 失败 · \d+ 项检查，0 失败，0 个警告$/);
  }, 90_000);

  test('against a seller with another general key: the failures, their hints and the summary read as Chinese', async () => {
    const run = await runZh('another-general-key-0000', ['--lang', 'zh']);
    expect(run.code).toBe(1);
    expect(englishRuns(run.stderr)).toEqual([]);
    expect(englishRuns(run.stdout)).toEqual([]);
    expect(linesOf(run.stderr)[0]).toMatch(/^koomock：对 http:\/\/127\.0\.0\.1:\d+\/produce 运行 \d+ 个场景；开放接口（订单查询、话单上报）地址 /);
    expect(run.stdout).toContain('✗ 订单通知后查询订单  order-notify-query');
    expect(run.stdout).toContain('  ✗ 发送 orderNotify  notify · orderNotify');
    expect(run.stdout).toMatch(/实际 {2}"000001"（鉴权失败），resultMsg /);
    expect(run.stdout).toContain('提示  卖家服务拒绝了 koomock 的签名。');
    expect(linesOf(run.stdout).at(-1)).toMatch(/^\d+ 个场景：\d+ 通过，\d+ 跳过，2 失败 · \d+ 项检查，\d+ 失败，0 个警告$/);
  }, 90_000);

  test('an unreachable seller is said in Chinese (exit 2, one line)', async () => {
    const port = await reserveFreePort();
    const run = await runCli(['run', '--seller-url', `http://127.0.0.1:${port}/produce`, '--only', 'renew', '--lang', 'zh']);
    expect(run.code).toBe(2);
    expect(linesOf(run.stderr)).toEqual([expect.stringMatching(/^koomock：无法连接卖家服务 http:\/\/127\.0\.0\.1:\d+\/produce：.*——请启动卖家服务，或修正 --seller-url$/)]);
  });

  test('LANG=zh_CN.UTF-8 without --lang reports in Chinese; --lang en still wins', async () => {
    const zh = await runZh(CREDS.keys.general, ['--only', 'subscribe-monthly'], { LANG: 'zh_CN.UTF-8' });
    expect(linesOf(zh.stdout).at(-1)).toMatch(/^1 个场景：1 通过/);
    const en = await runZh(CREDS.keys.general, ['--only', 'subscribe-monthly', '--lang', 'en'], { LANG: 'zh_CN.UTF-8', KOOMOCK_LANG: 'zh' });
    expect(linesOf(en.stdout).at(-1)).toMatch(/^1 scenario: 1 passed/);
  }, 90_000);
});
