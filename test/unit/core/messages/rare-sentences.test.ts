import { describe, expect, test } from 'vitest';
import { DEFAULT_CATALOG } from '../../../../mock-server/config/defaults.js';
import { checkBodyObject } from '../../../../mock-server/core/checks/body-object.js';
import { checkHttpProtocol } from '../../../../mock-server/core/checks/http-protocol.js';
import { checkHttpStatus } from '../../../../mock-server/core/checks/http-status.js';
import { withClientSecretHint } from '../../../../mock-server/core/checks/kit-secret-hint.js';
import { checkOpenApiSignatures } from '../../../../mock-server/core/checks/openapi-signature.js';
import { checkResponseAppInfo } from '../../../../mock-server/core/checks/response-appinfo.js';
import { checkResponseInstances } from '../../../../mock-server/core/checks/response-instances.js';
import { checkResponseSchema } from '../../../../mock-server/core/checks/response-schema.js';
import { getSchemaRegistry } from '../../../../mock-server/config/schemas-fs.js';
import { checkResponseMemo } from '../../../../mock-server/core/checks/response-memo.js';
import { checkForgeryRejected } from '../../../../mock-server/core/checks/security-forgery.js';
import { checkNoSideEffect } from '../../../../mock-server/core/checks/security-side-effect.js';
import type { CheckResult } from '../../../../mock-server/core/result.js';
import { localise } from '../../../../mock-server/core/messages/localise.js';
import { checkOpenApiExpectation } from '../../../../mock-server/core/scenario/run/open-api-expect.js';
import { selectProducts } from '../../../../mock-server/core/scenario/run/select-products.js';
import { englishRuns } from '../../../support/english-runs.js';
import { jsonResult } from '../produce/support.js';
import { earlyStop } from '../../../../mock-server/core/produce/transport-give-up.js';
import { checkOrderOutcome } from '../../../../mock-server/core/checks/order-outcome.js';

/*
 * The rarer sentences of the checks, produced by the checks themselves from inputs that fail them
 * (one input per branch): each expected, received and hint reads as Chinese once put through the
 * catalogue. Values a seller sent (quoted) and the transport's own error text may stay as they are.
 */

const KEY = 'testAccessKey123';
const AES256 = 'abcdefghijklmnop1xYuLrdjn7qeWzXPhaG6cQ==';
const SLASH = { id: 'missing-trailing-slash', en: 'The canonical URI must end with "/".', zh: '规范URI必须以"/"结尾。' };
const HEX = { id: 'hex-instead-of-base64', en: 'The signature is hex, not Base64.', zh: '签名用了十六进制而不是 Base64。' };

/** The texts of a check a seller reads, each in Chinese. */
const zhTexts = (check: CheckResult): string[] => [check.expected, check.received, check.hint].filter((t) => t !== undefined).map((t) => localise(t, 'zh'));

const CHECKS: readonly (readonly [string, CheckResult])[] = [
  ['http.protocol', checkHttpProtocol({ kind: 'error', error: 'protocol', message: 'Parse Error', durationMs: 2 })],
  ['http.protocol after headers', checkHttpProtocol({ kind: 'error', error: 'protocol', message: 'Parse Error', durationMs: 2, partial: { status: 200, headers: {}, bytes: 3 } } as never)],
  ...[302, 401, 404, 405, 415, 500, 418].map((s) => [`http.status ${s}`, checkHttpStatus(s, 'Not Found')] as const),
  ['body.object array', checkBodyObject([1, 2])],
  ['body.object serialised twice', checkBodyObject('{"resultCode":"000000"}')],
  ['body.object number', checkBodyObject(5)],
  ['body.object ok', checkBodyObject({ resultCode: '000000' })],
  ['response.appinfo encryptType', checkResponseAppInfo({ key: KEY, value: { encryptType: '3', appInfo: { password: AES256 } } })],
  ['response.appinfo other key', checkResponseAppInfo({ key: 'wrongKey', value: { appInfo: { password: AES256 } } })],
  ['response.appinfo plaintext', checkResponseAppInfo({ key: KEY, value: { appInfo: { password: 'Huawei12345' } } })],
  ['response.appinfo not Base64', checkResponseAppInfo({ key: KEY, value: { appInfo: { password: 'abcdefghijklmnop!!!!' } } })],
  ['response.appinfo short block', checkResponseAppInfo({ key: KEY, value: { appInfo: { password: 'abcdefghijklmnopAAAA' } } })],
  ['response.appinfo number', checkResponseAppInfo({ key: KEY, value: { info: [{ instanceId: 'i', appInfo: { password: 12345 } }] } })],
  ['response.appinfo ok', checkResponseAppInfo({ key: KEY, value: { appInfo: { userName: AES256 } } })],
  ['response.appinfo no fields', checkResponseAppInfo({ key: KEY, value: { appInfo: { frontEndUrl: 'https://x' } } })],
  ['response.memo', checkResponseMemo('{"appInfo":{"memo":"开通"}}', { appInfo: { memo: '开通' } }) as CheckResult],
  ...[
    { resultCode: 0, resultMsg: 'ok' },
    { resultCode: '000000', resultMsg: 'ok', instanceId: 'x'.repeat(100), extra: 1 },
    { resultCode: '000000', resultMsg: 'ok', instanceId: 'i', encryptType: '9', appInfo: { frontEndUrl: 'https://x', password: 'Huawei12345' } },
  ].map((value, i) => [`response.schema ${i}`, checkResponseSchema(getSchemaRegistry(), i === 2 ? 'produce/v1/newInstance.response.schema.json' : 'produce/v2/newInstance.response.schema.json', value)] as const),
  ['response.instances', checkResponseInstances({ info: [{ instanceId: 'a' }] }, ['a', 'b'])],
  ['response.instances one', checkResponseInstances({ info: [{ instanceId: 'a' }] }, ['a'])],
  ...checkOpenApiSignatures([
    { operation: 'order.query', status: 401, code: 'APIG.0301', diagnosis: { scheme: 'apig', canonical: 'GET\n/x/\n', mistakes: [SLASH] } },
    { operation: 'order.query', status: 401, code: 'APIG.0301', diagnosis: { scheme: 'apig', canonical: 'GET\n/x\n', mistakes: [] } },
    { operation: 'usage.push', status: 400, code: 'MKT.0102', diagnosis: { scheme: 'usage', canonical: 'ts=1&nonce=n&body={}', mistakes: [HEX, SLASH] } },
    { operation: 'usage.push', diagnosis: { scheme: 'usage', canonical: 'ts=1&nonce=n&body={}', mistakes: [] } },
  ]).map((c, i) => [`openapi.signature ${i}`, c] as const),
  ...(['sha256', 'sha256-mgf1-sha1', 'sha1'] as const).map((v) => [`kit clientSecret ${v}`, withClientSecretHint(checkHttpStatus(500), v)] as const),
  ['expect.openApi none', checkOpenApiExpectation({ operation: 'order.query', attemptsAtLeast: 2 }, [], 'mkt.myhuaweicloud.com')],
  ['expect.openApi retry', checkOpenApiExpectation({ operation: 'order.query', attemptsAtLeast: 2 }, [{ operation: 'order.query', host: 'mkt.myhuaweicloud.com', status: 500, code: 'MKT.0999' }], 'mkt.myhuaweicloud.com')],
  ['expect.openApi failover', checkOpenApiExpectation({ operation: 'order.query', failedOver: true }, [{ operation: 'order.query', host: 'mkt.myhuaweicloud.com', status: 200 }], 'mkt.myhuaweicloud.com')],
  ['expect.openApi same host', checkOpenApiExpectation({ operation: 'order.query', attemptsAtLeast: 1, failedOver: false }, [{ operation: 'order.query', host: 'mkt.myhuaweicloud.cn', status: 200 }], undefined)],
  ['expect.openApi called', checkOpenApiExpectation({ operation: 'order.query' }, [], undefined)],
  ['security answer without JSON', checkForgeryRejected({ attack: 'wrong-key', activity: 'releaseInstance', detail: "signed with a key that is not the seller's", result: jsonResult('x') })],
  ['security no answer', checkForgeryRejected({ attack: 'wrong-key', activity: 'releaseInstance', detail: "signed with a key that is not the seller's", result: { kind: 'error', error: 'timeout', message: 'no answer', durationMs: 1 } })],
  [
    'security side effect',
    checkNoSideEffect({
      attack: 'wrong-key',
      forgedStep: 'forged',
      forgedActivity: 'releaseInstance',
      forgedResultCode: '000000',
      activity: 'queryInstance',
      failures: [checkHttpStatus(500), checkHttpStatus(404)],
    }),
  ],
];

describe('rarer check sentences in Chinese', () => {
  test.for(CHECKS)('%s reads as Chinese', ([, check]) => {
    expect(zhTexts(check).flatMap((t) => englishRuns(t, ['Parse Error', 'no answer']))).toEqual([]);
  });

  test.for([
    [[{ kind: 'chargingMode', chargingMode: 'ON_DEMAND' }, { kind: 'chargingMode', chargingMode: 'ON_DEMAND' }, { kind: 'chargingMode', chargingMode: 'ON_DEMAND' }], undefined],
    [[{ kind: 'chargingMode', chargingMode: 'PERIOD' }], 'day'],
    [[{ kind: 'productId', productId: 'OFFI1' }], undefined],
  ] as const)('a step error for products the catalog lacks reads as Chinese (%j)', ([selectors, period]) => {
    const r = selectProducts(selectors, DEFAULT_CATALOG, period);
    if (r.ok) throw new Error('expected a problem');
    const zh = localise(`scenarios/x.yaml:3:5: step buy: ${r.problem} — ${r.hint}`, 'zh');
    expect(zh).toMatch(/^scenarios\/x\.yaml:3:5：步骤 buy：/);
    expect(englishRuns(zh)).toEqual([]);
  });

  test.for(['timeout', 'refused', 'reset'] as const)('a call koomock stopped retrying after three %s attempts: the hint of order.outcome reads as Chinese', (error) => {
    const attempts = Array.from({ length: 3 }, () => ({ error: { error } })) as never;
    for (const what of ['retried', 'polled'] as const) {
      const stop = earlyStop(attempts, { giveUpAfter: 3, startedAt: 0, windowMs: 3 * 3_600_000, intervalMs: 180_000, what });
      const check = checkOrderOutcome({ orderId: 'CS1', expected: 'ACTIVE', actual: 'FAILED' });
      const zh = localise(`${stop?.note}. ${check.hint}`, 'zh');
      expect(zh).toMatch(/^连续 3 次尝试/);
      expect(englishRuns(zh)).toEqual([]);
    }
  });

  test.for(["the scenario runs before the run's deadline (3h, derived from the suite)", "the scenario runs before the run's deadline (--deadline 10m)", "the scenario runs before the run's deadline (the run deadline)"])(
    'the deadline check reads as Chinese: %s',
    (text) => {
      const zh = localise(text, 'zh');
      expect(zh).toMatch(/^场景在本次运行的截止时间（/);
      expect(englishRuns(zh)).toEqual([]);
    },
  );

  test('a forged call is described in Chinese, and an unknown detail is kept as it is', () => {
    expect(localise('"000000": the seller accepted a forged releaseInstance (no nonce parameter; the signature is valid for an empty nonce)', 'zh')).toBe(
      '"000000"：卖家服务接受了伪造的 releaseInstance（没有 nonce 参数；签名对空 nonce 是正确的）',
    );
    expect(localise('"000000": the seller accepted a forged releaseInstance (a detail koomock does not know)', 'zh')).toBe(
      '"000000"：卖家服务接受了伪造的 releaseInstance（a detail koomock does not know）',
    );
  });
});
