import { describe, expect, test } from 'vitest';
import { type Acceptance, chars, expectAccepts, expectRejects, loadSchemaArea, type Rejection, REMOVE, uncovered, violationsOf } from './schema-fixtures.js';

const PRODUCE = loadSchemaArea(['produce/v1', 'produce/v2'], 'produce');
const { own: OWN, common: COMMON, registry, examples: EXAMPLES } = PRODUCE;

const id = (generation: 'v1' | 'v2', message: string): string => `produce/${generation}/${message}.schema.json`;
/** IV plus 116 Base64 characters: well-formed ciphertext, but 132 characters long. */
const LONG_CIPHERTEXT = `abcdefghijklmnop${'QUJD'.repeat(29)}`;

describe('produce schema files', () => {
  test('the folders hold one request and one response schema per V2 and V1 activity', () => {
    expect(OWN.map((s) => s.path).sort()).toEqual(
      [
        ...['newInstance', 'queryInstance', 'refreshInstance', 'updateInstanceStatus', 'releaseInstance', 'upgradeInstance', 'changeInstanceCheck', 'orderNotify'].map((a) => `produce/v2/${a}`),
        ...['newInstance', 'refreshInstance', 'expireInstance', 'releaseInstance', 'upgrade', 'instanceStatus', 'queryInstance'].map((a) => `produce/v1/${a}`),
      ]
        .flatMap((base) => [`${base}.request.schema.json`, `${base}.response.schema.json`])
        .sort(),
    );
  });

  test.for([COMMON, ...OWN].map((s) => [s.path, s] as const))('%s declares draft 2020-12, has $id = its path and compiles', ([path, file]) => {
    expect(file.schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(file.schema.$id).toBe(path);
    expect(() => registry.validate(path, {})).not.toThrow();
  });

  test('every produce schema has at least one valid example fixture', () => {
    expect(uncovered(OWN, EXAMPLES.filter((e) => e.violations === undefined))).toEqual([]);
  });
});

describe('produce example payloads', () => {
  test.for(EXAMPLES.filter((e) => e.origin === 'spec' && e.violations === undefined).map((e) => [e.name, e] as const))(
    'the spec example %s validates against its schema',
    ([, e]) => {
      expect(violationsOf(registry.validate(e.schema, e.payload))).toEqual([]);
    },
  );

  test.for(EXAMPLES.filter((e) => e.origin === 'constructed').map((e) => [e.name, e] as const))(
    'the example %s built from the field tables validates against its schema',
    ([, e]) => {
      expect(violationsOf(registry.validate(e.schema, e.payload))).toEqual([]);
    },
  );

  test.for(EXAMPLES.filter((e) => e.violations !== undefined).map((e) => [e.name, e] as const))(
    'the incomplete spec payload %s fails exactly where its fixture says',
    ([, e]) => {
      expect(violationsOf(registry.validate(e.schema, e.payload))).toEqual(e.violations);
    },
  );
});

const V2_REJECTIONS: readonly Rejection[] = [
  // produce-api.md §8.1: an answer missing resultCode or resultMsg is a failed call (docs/fidelity.md); V1 keeps resultMsg optional.
  { name: 'newInstance response without resultMsg', example: 'v2-newInstance.response', schema: id('v2', 'newInstance.response'), at: '/resultMsg', to: REMOVE, pointer: '/resultMsg', rule: 'required' },
  { name: 'queryInstance response without resultMsg', example: 'v2-queryInstance.response', schema: id('v2', 'queryInstance.response'), at: '/resultMsg', to: REMOVE, pointer: '/resultMsg', rule: 'required' },
  { name: 'changeInstanceCheck response without resultMsg', example: 'v2-changeInstanceCheck.response', schema: id('v2', 'changeInstanceCheck.response'), at: '/resultMsg', to: REMOVE, pointer: '/resultMsg', rule: 'required' },
  { name: 'newInstance request with testFlag "2"', example: 'v2-newInstance.request', schema: id('v2', 'newInstance.request'), at: '/testFlag', to: '2', pointer: '/testFlag', rule: 'enum' },
  { name: 'newInstance request with a 65-character businessId', example: 'v2-newInstance.request', schema: id('v2', 'newInstance.request'), at: '/businessId', to: chars(65), pointer: '/businessId', rule: 'maxLength' },
  { name: 'newInstance request with a field koomock does not send', example: 'v2-newInstance.request', schema: id('v2', 'newInstance.request'), at: '/productId', to: 'OFFI461867333479178240', pointer: '', rule: 'additionalProperties' },
  { name: 'newInstance response with resultCode as a number', example: 'v2-newInstance.response', schema: id('v2', 'newInstance.response'), at: '/resultCode', to: 0, pointer: '/resultCode', rule: 'type' },
  { name: 'newInstance response with a 5-digit resultCode', example: 'v2-newInstance.response', schema: id('v2', 'newInstance.response'), at: '/resultCode', to: '00000', pointer: '/resultCode', rule: 'pattern' },
  { name: 'newInstance 000000 response without instanceId', example: 'v2-newInstance.response', schema: id('v2', 'newInstance.response'), at: '/instanceId', to: REMOVE, pointer: '/instanceId', rule: 'required' },
  { name: 'newInstance 000004 response without instanceId', example: 'v2-newInstance.response-async', schema: id('v2', 'newInstance.response'), at: '/instanceId', to: REMOVE, pointer: '/instanceId', rule: 'required' },
  { name: 'newInstance response with a 65-character instanceId', example: 'v2-newInstance.response', schema: id('v2', 'newInstance.response'), at: '/instanceId', to: chars(65), pointer: '/instanceId', rule: 'maxLength' },
  { name: 'newInstance response with an empty instanceId', example: 'v2-newInstance.response', schema: id('v2', 'newInstance.response'), at: '/instanceId', to: '', pointer: '/instanceId', rule: 'minLength' },
  { name: 'newInstance response with a 256-character resultMsg', example: 'v2-newInstance.response', schema: id('v2', 'newInstance.response'), at: '/resultMsg', to: chars(256), pointer: '/resultMsg', rule: 'maxLength' },
  { name: 'queryInstance request with 101 instanceIds', example: 'v2-queryInstance.request', schema: id('v2', 'queryInstance.request'), at: '/instanceId', to: Array.from({ length: 101 }, (_, i) => `id${i}`).join(','), pointer: '/instanceId', rule: 'pattern' },
  { name: 'queryInstance request with an empty id in the list', example: 'v2-queryInstance.request', schema: id('v2', 'queryInstance.request'), at: '/instanceId', to: 'a,,b', pointer: '/instanceId', rule: 'pattern' },
  { name: 'queryInstance response without appInfo.frontEndUrl', example: 'v2-queryInstance.response', schema: id('v2', 'queryInstance.response'), at: '/info/0/appInfo/frontEndUrl', to: REMOVE, pointer: '/info/0/appInfo/frontEndUrl', rule: 'required' },
  { name: 'queryInstance response with a frontEndUrl that is not an http(s) URL', example: 'v2-queryInstance.response', schema: id('v2', 'queryInstance.response'), at: '/info/0/appInfo/frontEndUrl', to: 'www.isvwebsite.com/app', pointer: '/info/0/appInfo/frontEndUrl', rule: 'pattern' },
  { name: 'queryInstance response with a 513-character adminUrl', example: 'v2-queryInstance.response', schema: id('v2', 'queryInstance.response'), at: '/info/0/appInfo/adminUrl', to: `https://${chars(505)}`, pointer: '/info/0/appInfo/adminUrl', rule: 'maxLength' },
  { name: 'queryInstance response info entry without instanceId', example: 'v2-queryInstance.response', schema: id('v2', 'queryInstance.response'), at: '/info/0/instanceId', to: REMOVE, pointer: '/info/0/instanceId', rule: 'required' },
  { name: 'queryInstance response with a 129-character password', example: 'v2-queryInstance.response', schema: id('v2', 'queryInstance.response'), at: '/info/0/appInfo/password', to: chars(129), pointer: '/info/0/appInfo/password', rule: 'maxLength' },
  { name: 'queryInstance response with a 1025-character memo', example: 'v2-queryInstance.response', schema: id('v2', 'queryInstance.response'), at: '/info/0/appInfo/memo', to: chars(1025), pointer: '/info/0/appInfo/memo', rule: 'maxLength' },
  { name: 'queryInstance response with info as an object', example: 'v2-queryInstance.response', schema: id('v2', 'queryInstance.response'), at: '/info', to: { instanceId: 'x' }, pointer: '/info', rule: 'type' },
  { name: 'queryInstance response with usageValue as a string', example: 'v2-queryInstance.response-usage', schema: id('v2', 'queryInstance.response'), at: '/info/0/usageInfo/0/usageValue', to: '12.5', pointer: '/info/0/usageInfo/0/usageValue', rule: 'type' },
  { name: 'queryInstance response usageInfo without statisticalTime', example: 'v2-queryInstance.response-usage', schema: id('v2', 'queryInstance.response'), at: '/info/0/usageInfo/0/statisticalTime', to: REMOVE, pointer: '/info/0/usageInfo/0/statisticalTime', rule: 'required' },
  { name: 'queryInstance response with a 14-digit statisticalTime', example: 'v2-queryInstance.response-usage', schema: id('v2', 'queryInstance.response'), at: '/info/0/usageInfo/0/statisticalTime', to: '20240301000000', pointer: '/info/0/usageInfo/0/statisticalTime', rule: 'pattern' },
  { name: 'refreshInstance request with scene "RENEW"', example: 'v2-refreshInstance.request', schema: id('v2', 'refreshInstance.request'), at: '/scene', to: 'RENEW', pointer: '/scene', rule: 'enum' },
  { name: 'refreshInstance request with a 15-digit expireTime', example: 'v2-refreshInstance.request', schema: id('v2', 'refreshInstance.request'), at: '/expireTime', to: '202211240236182', pointer: '/expireTime', rule: 'pattern' },
  { name: 'refreshInstance request with month 13 in expireTime', example: 'v2-refreshInstance.request', schema: id('v2', 'refreshInstance.request'), at: '/expireTime', to: '20221324023618', pointer: '/expireTime', rule: 'pattern' },
  { name: 'refreshInstance request without orderLineId', example: 'v2-refreshInstance.request', schema: id('v2', 'refreshInstance.request'), at: '/orderLineId', to: REMOVE, pointer: '/orderLineId', rule: 'required' },
  { name: 'refreshInstance response with resultCode as a number', example: 'v2-refreshInstance.response', schema: id('v2', 'refreshInstance.response'), at: '/resultCode', to: 0, pointer: '/resultCode', rule: 'type' },
  { name: 'updateInstanceStatus request with status "PAUSE"', example: 'v2-updateInstanceStatus.request', schema: id('v2', 'updateInstanceStatus.request'), at: '/status', to: 'PAUSE', pointer: '/status', rule: 'enum' },
  { name: 'updateInstanceStatus request with the wrong activity', example: 'v2-updateInstanceStatus.request', schema: id('v2', 'updateInstanceStatus.request'), at: '/activity', to: 'instanceStatus', pointer: '/activity', rule: 'const' },
  { name: 'updateInstanceStatus response without resultCode', example: 'v2-updateInstanceStatus.response', schema: id('v2', 'updateInstanceStatus.response'), at: '/resultCode', to: REMOVE, pointer: '/resultCode', rule: 'required' },
  { name: 'releaseInstance request with a field koomock does not send', example: 'v2-releaseInstance.request', schema: id('v2', 'releaseInstance.request'), at: '/reason', to: 'unsubscribe', pointer: '', rule: 'additionalProperties' },
  { name: 'releaseInstance request with an empty orderId', example: 'v2-releaseInstance.request', schema: id('v2', 'releaseInstance.request'), at: '/orderId', to: '', pointer: '/orderId', rule: 'minLength' },
  { name: 'releaseInstance response with resultMsg as a number', example: 'v2-releaseInstance.response', schema: id('v2', 'releaseInstance.response'), at: '/resultMsg', to: 0, pointer: '/resultMsg', rule: 'type' },
  { name: 'upgradeInstance request without orderId', example: 'v2-upgradeInstance.request', schema: id('v2', 'upgradeInstance.request'), at: '/orderId', to: REMOVE, pointer: '/orderId', rule: 'required' },
  { name: 'upgradeInstance response with resultCode "success"', example: 'v2-upgradeInstance.response', schema: id('v2', 'upgradeInstance.response'), at: '/resultCode', to: 'success', pointer: '/resultCode', rule: 'pattern' },
  { name: 'changeInstanceCheck request with linearValue as a string', example: 'v2-changeInstanceCheck.request', schema: id('v2', 'changeInstanceCheck.request'), at: '/productInfo/linearValue', to: '20', pointer: '/productInfo/linearValue', rule: 'type' },
  { name: 'changeInstanceCheck request without productInfo.skuCode', example: 'v2-changeInstanceCheck.request', schema: id('v2', 'changeInstanceCheck.request'), at: '/productInfo/skuCode', to: REMOVE, pointer: '/productInfo/skuCode', rule: 'required' },
  { name: 'changeInstanceCheck request with an unknown productInfo field', example: 'v2-changeInstanceCheck.request', schema: id('v2', 'changeInstanceCheck.request'), at: '/productInfo/periodType', to: 'year', pointer: '/productInfo', rule: 'additionalProperties' },
  { name: 'changeInstanceCheck response with a 7-digit resultCode', example: 'v2-changeInstanceCheck.response', schema: id('v2', 'changeInstanceCheck.response'), at: '/resultCode', to: '0000000', pointer: '/resultCode', rule: 'pattern' },
  { name: 'orderNotify request without testFlag', example: 'v2-orderNotify.request', schema: id('v2', 'orderNotify.request'), at: '/testFlag', to: REMOVE, pointer: '/testFlag', rule: 'required' },
  { name: 'orderNotify request with testFlag as a number', example: 'v2-orderNotify.request', schema: id('v2', 'orderNotify.request'), at: '/testFlag', to: 1, pointer: '/testFlag', rule: 'enum' },
  { name: 'orderNotify response with resultCode as a number', example: 'v2-orderNotify.response', schema: id('v2', 'orderNotify.response'), at: '/resultCode', to: 0, pointer: '/resultCode', rule: 'type' },
];

const V1_REJECTIONS: readonly Rejection[] = [
  { name: 'V1 newInstance request with a 14-digit timeStamp', example: 'v1-newInstance.request', schema: id('v1', 'newInstance.request'), at: '/timeStamp', to: '20200727073711', pointer: '/timeStamp', rule: 'pattern' },
  { name: 'V1 newInstance request with a 51-character authToken', example: 'v1-newInstance.request', schema: id('v1', 'newInstance.request'), at: '/authToken', to: `${'A'.repeat(50)}=`, pointer: '/authToken', rule: 'maxLength' },
  { name: 'V1 newInstance request without customerId', example: 'v1-newInstance.request', schema: id('v1', 'newInstance.request'), at: '/customerId', to: REMOVE, pointer: '/customerId', rule: 'required' },
  { name: 'V1 newInstance request with a plaintext mobilePhone', example: 'v1-newInstance.request-full', schema: id('v1', 'newInstance.request'), at: '/mobilePhone', to: '13800000000', pointer: '/mobilePhone', rule: 'pattern' },
  { name: 'V1 newInstance request with periodType "week"', example: 'v1-newInstance.request-full', schema: id('v1', 'newInstance.request'), at: '/periodType', to: 'week', pointer: '/periodType', rule: 'enum' },
  { name: 'V1 newInstance response without appInfo.frontEndUrl', example: 'v1-newInstance.response', schema: id('v1', 'newInstance.response'), at: '/appInfo/frontEndUrl', to: REMOVE, pointer: '/appInfo/frontEndUrl', rule: 'required' },
  { name: 'V1 newInstance 000000 response without appInfo', example: 'v1-newInstance.response', schema: id('v1', 'newInstance.response'), at: '/appInfo', to: REMOVE, pointer: '/appInfo', rule: 'required' },
  { name: 'V1 newInstance 000000 response without instanceId', example: 'v1-newInstance.response', schema: id('v1', 'newInstance.response'), at: '/instanceId', to: REMOVE, pointer: '/instanceId', rule: 'required' },
  { name: 'V1 newInstance response with encryptType "3"', example: 'v1-newInstance.response', schema: id('v1', 'newInstance.response'), at: '/encryptType', to: '3', pointer: '/encryptType', rule: 'enum' },
  { name: 'V1 newInstance response with a plaintext password', example: 'v1-newInstance.response', schema: id('v1', 'newInstance.response'), at: '/appInfo/password', to: 'Huawei12345', pointer: '/appInfo/password', rule: 'pattern' },
  { name: 'V1 newInstance response with a 132-character userName ciphertext', example: 'v1-newInstance.response', schema: id('v1', 'newInstance.response'), at: '/appInfo/userName', to: LONG_CIPHERTEXT, pointer: '/appInfo/userName', rule: 'maxLength' },
  { name: 'V1 refreshInstance request with a 17-digit expireTime', example: 'v1-refreshInstance.request', schema: id('v1', 'refreshInstance.request'), at: '/expireTime', to: '20210727153156000', pointer: '/expireTime', rule: 'pattern' },
  { name: 'V1 refreshInstance response with resultCode as a number', example: 'v1-refreshInstance.response', schema: id('v1', 'refreshInstance.response'), at: '/resultCode', to: 0, pointer: '/resultCode', rule: 'type' },
  { name: 'V1 expireInstance request without orderId', example: 'v1-expireInstance.request', schema: id('v1', 'expireInstance.request'), at: '/orderId', to: REMOVE, pointer: '/orderId', rule: 'required' },
  { name: 'V1 expireInstance response with a 256-character resultMsg', example: 'v1-expireInstance.response', schema: id('v1', 'expireInstance.response'), at: '/resultMsg', to: chars(256), pointer: '/resultMsg', rule: 'maxLength' },
  { name: 'V1 releaseInstance request with a negative orderAmount', example: 'v1-releaseInstance.request', schema: id('v1', 'releaseInstance.request'), at: '/orderAmount', to: '-1', pointer: '/orderAmount', rule: 'pattern' },
  { name: 'V1 releaseInstance response without resultCode', example: 'v1-releaseInstance.response', schema: id('v1', 'releaseInstance.response'), at: '/resultCode', to: REMOVE, pointer: '/resultCode', rule: 'required' },
  { name: 'V1 upgrade request with a 5-digit amount', example: 'v1-upgrade.request', schema: id('v1', 'upgrade.request'), at: '/amount', to: '12345', pointer: '/amount', rule: 'pattern' },
  { name: 'V1 upgrade request without skuCode', example: 'v1-upgrade.request', schema: id('v1', 'upgrade.request'), at: '/skuCode', to: REMOVE, pointer: '/skuCode', rule: 'required' },
  { name: 'V1 upgrade response with resultCode as a number', example: 'v1-upgrade.response', schema: id('v1', 'upgrade.response'), at: '/resultCode', to: 0, pointer: '/resultCode', rule: 'type' },
  { name: 'V1 instanceStatus request with instanceStatus "UNFREEZE"', example: 'v1-instanceStatus.request', schema: id('v1', 'instanceStatus.request'), at: '/instanceStatus', to: 'UNFREEZE', pointer: '/instanceStatus', rule: 'enum' },
  // biome-ignore lint/correctness/noPrecisionLoss: a timeStamp sent as a JSON number, which loses the same digits; only its type is checked
  { name: 'V1 instanceStatus request with timeStamp as a number', example: 'v1-instanceStatus.request', schema: id('v1', 'instanceStatus.request'), at: '/timeStamp', to: 20230327070251713, pointer: '/timeStamp', rule: 'type' },
  { name: 'V1 instanceStatus response with a 5-digit resultCode', example: 'v1-instanceStatus.response', schema: id('v1', 'instanceStatus.response'), at: '/resultCode', to: '00000', pointer: '/resultCode', rule: 'pattern' },
  { name: 'V1 queryInstance request with testFlag "2"', example: 'v1-queryInstance.request', schema: id('v1', 'queryInstance.request'), at: '/testFlag', to: '2', pointer: '/testFlag', rule: 'enum' },
  { name: 'V1 queryInstance response with a plaintext password', example: 'v1-queryInstance.response', schema: id('v1', 'queryInstance.response'), at: '/info/0/appInfo/password', to: 'Huawei12345', pointer: '/info/0/appInfo/password', rule: 'pattern' },
  { name: 'V1 queryInstance response usageInfo without usageValue', example: 'v1-queryInstance.response', schema: id('v1', 'queryInstance.response'), at: '/info/0/usageInfo/0/usageValue', to: REMOVE, pointer: '/info/0/usageInfo/0/usageValue', rule: 'required' },
];

const REJECTIONS = [...V2_REJECTIONS, ...V1_REJECTIONS];

describe('produce schemas reject a message with one broken field', () => {
  test.for(REJECTIONS.map((r) => [r.name, r] as const))('rejects a %s', ([, row]) => {
    expectRejects(PRODUCE, row);
  });

  test('every produce schema has at least one rejection row', () => {
    expect(uncovered(OWN, REJECTIONS)).toEqual([]);
  });

  test('reports a missing instanceId of a 000000 answer once, at /instanceId, as required', () => {
    const result = registry.validate(id('v2', 'newInstance.response'), { resultCode: '000000', resultMsg: 'success' });
    expect(result).toEqual({
      ok: false,
      violations: [{ pointer: '/instanceId', rule: 'required', message: "must have required property 'instanceId'" }],
    });
  });
});

describe('produce schemas accept what the docs allow', () => {
  const rows: readonly Acceptance[] = [
    { name: 'a newInstance failure answer without instanceId', example: 'v2-newInstance.response', at: '/resultCode', to: '000100' },
    { name: 'a newInstance answer with a field the platform ignores', example: 'v2-newInstance.response', at: '/traceId', to: 'abc' },
    { name: 'a newInstance request without testFlag (docs/fidelity.md#d6 omit)', example: 'v2-newInstance.request', at: '/testFlag', to: REMOVE },
    { name: 'a refreshInstance request with a 14-digit expireTime (docs/fidelity.md#d8 default)', example: 'v2-refreshInstance.request', at: '/expireTime', to: '20221124023618' },
    { name: 'a refreshInstance request with scene RENEWAL_CHANGE', example: 'v2-refreshInstance.request', at: '/scene', to: 'RENEWAL_CHANGE' },
    { name: 'a refreshInstance request without productId', example: 'v2-refreshInstance.request', at: '/productId', to: REMOVE },
    { name: 'a releaseInstance request without orderId', example: 'v2-releaseInstance.request', at: '/orderId', to: REMOVE },
    { name: 'a queryInstance request for 100 instances', example: 'v2-queryInstance.request', at: '/instanceId', to: Array.from({ length: 100 }, (_, i) => `${i}`.padStart(64, 'a')).join(',') },
    { name: 'a queryInstance answer without info', example: 'v2-queryInstance.response', at: '/info', to: REMOVE },
    { name: 'a queryInstance answer with an instance field the platform ignores', example: 'v2-queryInstance.response', at: '/info/0/status', to: 'RUNNING' },
    { name: 'a changeInstanceCheck request without linearValue', example: 'v2-changeInstanceCheck.request', at: '/productInfo/linearValue', to: REMOVE },
    { name: 'a V1 newInstance 000004 answer without appInfo', example: 'v1-newInstance.response', at: '/resultCode', to: '000004' },
    { name: 'a V1 newInstance answer with AES-128 encryptType "2"', example: 'v1-newInstance.response', at: '/encryptType', to: '2' },
    { name: 'a V1 newInstance request with customerName', example: 'v1-newInstance.request', at: '/customerName', to: 'CBC_marketplace_01' },
  ];
  test.for(rows.map((r) => [r.name, r] as const))('accepts %s', ([, row]) => {
    expectAccepts(PRODUCE, row);
  });
});
