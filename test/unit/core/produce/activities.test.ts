import { describe, expect, test } from 'vitest';
import { getSchemaRegistry } from '../../../../mock-server/config/schemas-fs.js';
import { isKoomockError } from '../../../../mock-server/core/errors.js';
import { buildProduceRequest } from '../../../../mock-server/core/produce/activities.js';
import type { BuildContext } from '../../../../mock-server/core/produce/build-context.js';
import type { CallSpec } from '../../../../mock-server/core/produce/types.js';
import { DEFAULT_PROFILE, withProfile } from '../../../../mock-server/core/profile.js';
import { decryptClientSecret } from '../../../../mock-server/core/signing/kit/rsa-oaep.js';
import { rsaKeyPair } from '../../../support/rsa-keys.js';
import { createTestClock, createTestRandom, SELLER_URL } from './support.js';

const sellerRsa = rsaKeyPair(3072);

const ctx = (overrides: Parameters<typeof withProfile>[0] = {}): BuildContext => ({
  profile: withProfile(overrides),
  clock: createTestClock(),
  random: createTestRandom(),
  kitPublicKey: sellerRsa.publicKey,
});

const spec = (activity: string, fields: Record<string, unknown>, extra: Partial<CallSpec> = {}): CallSpec => ({ activity, url: SELLER_URL, fields, ...extra });

const ids = { orderId: 'CS2211181819B4LVS', orderLineId: 'CS2211181819B4LVS-000001' };
const instanceId = '10e758d0-31ad-4c4b-8f1b-81d03469a10e';

const bodyOf = (s: CallSpec, c: BuildContext = ctx()) => JSON.parse(buildProduceRequest(s, c).body as string) as Record<string, unknown>;

const inputErrorOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    if (isKoomockError(e)) return `${e.code}: ${e.message}`;
    throw e;
  }
  throw new Error('expected an error');
};

describe('V2 builders', () => {
  test('newInstance posts the sorted compact body with a businessId and no testFlag by default', () => {
    const req = buildProduceRequest(spec('newInstance', ids), ctx());
    expect(req).toMatchObject({ method: 'POST', url: SELLER_URL, keyCategory: 'basic', family: 'v2' });
    expect(req.headers).toEqual({ accept: 'application/json', 'content-type': 'application/json;charset=utf8' });
    expect(req.body).toMatch(/^\{"activity":"newInstance","businessId":"[0-9a-f-]{36}","orderId":"CS2211181819B4LVS","orderLineId":"CS2211181819B4LVS-000001"\}$/);
    expect(req.businessId).toBe(JSON.parse(req.body as string).businessId);
  });

  test('every build gets a fresh businessId (docs/fidelity.md#d15)', () => {
    const c = ctx();
    const a = buildProduceRequest(spec('newInstance', ids), c).businessId;
    const b = buildProduceRequest(spec('newInstance', ids), c).businessId;
    expect(a).not.toBe(b);
  });

  test.for([
    ['normal run under omit', {}, false, undefined],
    ['debug run under omit', {}, true, '1'],
    ['normal run under zero', { testFlag: 'zero' as const }, false, '0'],
    ['debug run under zero', { testFlag: 'zero' as const }, true, '1'],
  ] as const)('testFlag for a %s (docs/fidelity.md#d6)', ([, profile, debugFlag, expected]) => {
    expect(bodyOf(spec('queryInstance', { instanceId }, { debugFlag }), ctx(profile)).testFlag).toBe(expected);
  });

  test.for([
    ['normal', false, '0'],
    ['debug', true, '1'],
  ] as const)('orderNotify always carries testFlag (%s run) and uses the general key', ([, debugFlag, flag]) => {
    const req = buildProduceRequest(spec('orderNotify', ids, { debugFlag }), ctx());
    expect(req.keyCategory).toBe('general');
    expect(req.headers['content-type']).toBe('application/json;charset=utf-8');
    expect(req.body).toBe(`{"activity":"orderNotify","orderId":"CS2211181819B4LVS","orderLineId":"CS2211181819B4LVS-000001","testFlag":"${flag}"}`);
  });

  test.for(['TRIAL_TO_FORMAL', 'RENEWAL', 'UNSUBSCRIBE_RENEWAL_PERIOD', 'RENEWAL_CHANGE'])('refreshInstance sends scene %s', (scene) => {
    const body = bodyOf(spec('refreshInstance', { scene, ...ids, instanceId, expireTime: '20221124023618' }));
    expect(body).toEqual({ activity: 'refreshInstance', scene, ...ids, instanceId, expireTime: '20221124023618' });
  });

  test.for([
    ['14 digits by default', 14, '20221124023618'],
    ['17 digits under expireTimeDigits 17', 17, '20221124023618256'],
  ] as const)('refreshInstance writes an epoch-ms expireTime as %s (docs/fidelity.md#d8)', ([, digits, expected]) => {
    const body = bodyOf(spec('refreshInstance', { scene: 'RENEWAL', ...ids, instanceId, expireTime: Date.UTC(2022, 10, 24, 2, 36, 18, 256) }), ctx({ expireTimeDigits: digits }));
    expect(body.expireTime).toBe(expected);
  });

  test('changeInstanceCheck sends productInfo in the fixed order productId, skuCode, linearValue, productName', () => {
    const req = buildProduceRequest(
      spec('changeInstanceCheck', { productInfo: { productName: 'Pro', linearValue: '5', skuCode: 'sku-1', productId: 'OFFI1' }, instanceId }),
      ctx(),
    );
    expect(req.body).toBe(`{"activity":"changeInstanceCheck","instanceId":"${instanceId}","productInfo":{"productId":"OFFI1","skuCode":"sku-1","linearValue":5,"productName":"Pro"}}`);
  });

  test('queryInstance joins a list of ids with commas', () => {
    expect(bodyOf(spec('queryInstance', { instanceId: ['a', 'b', 'c'] })).instanceId).toBe('a,b,c');
  });

  test('numbers given for string fields are sent as strings', () => {
    expect(bodyOf(spec('upgradeInstance', { instanceId: 42, orderId: 7, orderLineId: 8 }))).toMatchObject({ instanceId: '42', orderId: '7' });
  });

  test.for([
    ['a missing required field', spec('newInstance', { orderId: 'CS1' }), 'INPUT_INVALID: newInstance.orderLineId is required'],
    ['an unknown field', spec('newInstance', { ...ids, orderID: 'x' }), 'INPUT_INVALID: newInstance: unknown field orderID'],
    ['an unknown scene', spec('refreshInstance', { scene: 'RENEW', ...ids, instanceId, expireTime: '20221124023618' }), 'INPUT_INVALID: refreshInstance.scene: "RENEW" is not one of'],
    ['an unknown status', spec('updateInstanceStatus', { instanceId, status: 'FROZEN' }), 'INPUT_INVALID: updateInstanceStatus.status: "FROZEN"'],
    ['more than 100 query ids', spec('queryInstance', { instanceId: Array.from({ length: 101 }, (_, i) => `i${i}`) }), 'INPUT_INVALID: queryInstance.instanceId: at most 100'],
    ['an object for a string', spec('releaseInstance', { instanceId: { a: 1 } }), 'INPUT_INVALID: releaseInstance.instanceId: expected a string, received object'],
    ['a V1 name under V2', spec('upgrade', {}), 'INPUT_INVALID: activity "upgrade" does not exist in V2; V2 uses upgradeInstance'],
    ['an unknown activity', spec('deleteInstance', {}), 'INPUT_INVALID: activity "deleteInstance" does not exist in V2'],
  ] as const)('rejects %s', ([, s, message]) => {
    expect(inputErrorOf(() => buildProduceRequest(s, ctx()))).toContain(message);
  });

  test.for([
    ['sets a field', { orderId: 'OTHER' }, 'orderId', 'OTHER'],
    ['deletes a field', { orderLineId: null }, 'orderLineId', undefined],
    ['adds an extra field', { extra: 'x' }, 'extra', 'x'],
    ['replaces the businessId', { businessId: 'fixed' }, 'businessId', 'fixed'],
  ] as const)('an override %s before the body is serialised', ([, overrides, field, expected]) => {
    const req = buildProduceRequest(spec('newInstance', ids, { overrides }), ctx());
    const body = JSON.parse(req.body as string) as Record<string, unknown>;
    expect(body[field]).toBe(expected);
    expect(field in body).toBe(expected !== undefined);
    expect(Object.keys(body)).toEqual(Object.keys(body).sort());
  });

  test('an override reaches into productInfo and can delete a nested field', () => {
    const body = bodyOf(
      spec('changeInstanceCheck', { instanceId, productInfo: { productId: 'P', skuCode: 'S', productName: 'N', linearValue: 2 } }, { overrides: { 'productInfo.skuCode': 'S2', 'productInfo.linearValue': null } }),
    );
    expect(body.productInfo).toEqual({ productId: 'P', skuCode: 'S2', productName: 'N' });
  });
});

describe('kit builders', () => {
  test('tenantSync posts to <address>/produceAPI/v2/tenantSync with integer testFlag and East-8 timeStamp', () => {
    const req = buildProduceRequest(
      spec('tenantSync', { instanceId: 'i1', tenantId: 't1', tenantCode: 'huawei', name: 'n', domainName: 'https://tenant.example', flag: 1 }, { url: 'https://seller.example/' }),
      ctx(),
    );
    expect(req.url).toBe('https://seller.example/produceAPI/v2/tenantSync');
    expect(req.keyCategory).toBe('kit');
    // Wall clock 1680508066618 = 2023-04-03T07:47:46.618Z = 15:47:46.618 in Beijing. Fields in the
    // documented order (open-api §4.2), not sorted: the signature is computed over the sorted form.
    expect(req.body).toBe(
      '{"instanceId":"i1","orderId":"","tenantId":"t1","tenantCode":"huawei","name":"n","domainName":"https://tenant.example","flag":1,"testFlag":0,"timeStamp":"20230403154746618"}',
    );
  });

  test('authSync keeps each user in the documented order and defaults currentSyncTime to timeStamp', () => {
    const body = bodyOf(
      spec('authSync', { instanceId: 'i', tenantId: 't', appId: 'a', flag: 1, userList: [{ role: 'admin', enable: 'true', orgCode: 'o', name: 'N', userName: 'u' }] }, { debugFlag: true }),
    );
    expect(JSON.stringify(body.userList)).toBe('[{"userName":"u","name":"N","orgCode":"o","role":"admin","enable":"true"}]');
    expect(body.currentSyncTime).toBe(body.timeStamp);
    expect(body.testFlag).toBe(1);
  });

  const app = { instanceId: 'i', tenantId: 't', appId: 'a', clientId: 'c', clientSecret: 'plain-secret-密', flag: 1 };
  test.for(['sha256', 'sha256-mgf1-sha1', 'sha1'] as const)('applicationSync sends clientSecret encrypted with the oaepHash %s variant', (oaepHash) => {
    const body = bodyOf(spec('applicationSync', app), ctx({ oaepHash }));
    expect(body.clientSecret).not.toBe(app.clientSecret);
    expect(decryptClientSecret({ privateKeyPem: sellerRsa.privateKey, ciphertext: String(body.clientSecret), hash: oaepHash })).toEqual({ ok: true, plaintext: app.clientSecret });
  });

  test('applicationSync without the seller public key is KEY_MISSING naming the config key and init --kit', () => {
    const { kitPublicKey: _, ...noKey } = ctx();
    let error: unknown;
    try {
      buildProduceRequest(spec('applicationSync', app), noKey);
    } catch (e) {
      error = e;
    }
    expect(isKoomockError(error) ? `${error.code}: ${error.message}` : String(error)).toMatch(/^KEY_MISSING: .*seller\.kitPublicKeyFile.*koomock init --kit/);
  });

  test('an override of clientSecret is sent as written (to send a ciphertext the seller cannot read)', () => {
    expect(bodyOf(spec('applicationSync', app, { overrides: { clientSecret: 'bm90LWVuY3J5cHRlZA==' } })).clientSecret).toBe('bm90LWVuY3J5cHRlZA==');
  });

  test('an override of clientSecret needs no seller public key, and keeps the field in its documented place', () => {
    const { kitPublicKey: _, ...noKey } = ctx();
    const req = buildProduceRequest(spec('applicationSync', app, { overrides: { clientSecret: 'bm90LWVuY3J5cHRlZA==' } }), noKey);
    expect(Object.keys(JSON.parse(String(req.body)) as object).slice(0, 5)).toEqual(['instanceId', 'tenantId', 'appId', 'clientId', 'clientSecret']);
  });
});

describe('V1 builders', () => {
  test('newInstance is a GET with sorted, percent-encoded parameters and a fresh businessId', () => {
    const req = buildProduceRequest(
      spec('newInstance', { customerId: 'c1', orderId: 'CS1', productId: 'P1', customerName: 'a b/c+d=' }, { generation: 'v1' }),
      ctx(),
    );
    expect(req).toMatchObject({ method: 'GET', body: undefined, keyCategory: 'v1', family: 'v1' });
    expect(req.url).toBe(`${SELLER_URL}?activity=newInstance&businessId=${req.businessId}&customerId=c1&customerName=a%20b%2Fc%2Bd%3D&orderId=CS1&productId=P1`);
  });

  test('the v1 profile selects V1 and names the V1 activity of a V2 name', () => {
    expect(inputErrorOf(() => buildProduceRequest(spec('updateInstanceStatus', { instanceId, status: 'FREEZE' }), ctx({ generation: 'v1' })))).toContain(
      'V1 calls it instanceStatus',
    );
  });
});

describe('built requests satisfy the request schemas', () => {
  const schemas = getSchemaRegistry();
  const v2: readonly [string, Record<string, unknown>][] = [
    ['newInstance', ids],
    ['queryInstance', { instanceId }],
    ['refreshInstance', { scene: 'RENEWAL', ...ids, instanceId, expireTime: Date.UTC(2030, 0, 1) }],
    ['updateInstanceStatus', { instanceId, status: 'UNFREEZE' }],
    ['releaseInstance', { instanceId, ...ids }],
    ['upgradeInstance', { instanceId, ...ids }],
    ['changeInstanceCheck', { instanceId, productInfo: { productId: 'P', skuCode: 'S', productName: 'N', linearValue: 3 } }],
    ['orderNotify', ids],
  ];
  test.for(v2)('V2 %s', ([activity, fields]) => {
    const body = bodyOf(spec(activity, fields, { debugFlag: true }));
    expect(schemas.validate(`produce/v2/${activity}.request.schema.json`, body)).toEqual({ ok: true });
  });

  const kit: readonly [string, Record<string, unknown>][] = [
    ['tenantSync', { instanceId: 'i', tenantId: 't', tenantCode: 'c', name: 'n', domainName: 'https://t.example', flag: 1 }],
    ['applicationSync', { instanceId: 'i', tenantId: 't', appId: 'a', clientId: 'c', clientSecret: 'c2VjcmV0', flag: 1 }],
    ['authSync', { instanceId: 'i', tenantId: 't', appId: 'a', flag: 3, userList: [{ userName: 'u', name: 'n', orgCode: 'o', role: 'user', enable: 'false', employeeType: 2 }] }],
    ['singleOrgSync', { instanceId: 'i', tenantId: 't', orgCode: 'o', orgName: 'n', parentCode: 'p', flag: 2 }],
    ['allOrgSync', { instanceId: 'i', tenantId: 't', orgInfoList: [{ orgCode: 'o', orgName: 'n' }] }],
  ];
  test.for(kit)('kit %s', ([activity, fields]) => {
    expect(schemas.validate(`kit/${activity}.request.schema.json`, bodyOf(spec(activity, fields)))).toEqual({ ok: true });
  });

  const v1: readonly [string, Record<string, unknown>][] = [
    ['newInstance', { customerId: 'c', orderId: 'CS1', productId: 'P1', expireTime: Date.UTC(2030, 0, 1) }],
    ['refreshInstance', { orderId: 'CS1', instanceId, expireTime: '20300101000000', trialToFormal: '1' }],
    ['expireInstance', { instanceId, orderId: 'CS1' }],
    ['releaseInstance', { instanceId, orderId: 'CS1' }],
    ['upgrade', { instanceId, orderId: 'CS2', skuCode: 'S', productId: 'P', amount: 5 }],
    ['instanceStatus', { instanceId, instanceStatus: 'NORMAL' }],
    ['queryInstance', { instanceId: [instanceId, 'other'] }],
  ];
  test.for(v1)('V1 %s (with the signing parameters added)', ([activity, fields]) => {
    const req = buildProduceRequest(spec(activity, fields, { generation: 'v1', debugFlag: true }), ctx());
    const params = { ...req.params, timeStamp: '20300101000000000', authToken: 'IzyXxySagieGHt354yIOhnCrv0vphQN0e9NuWT2MKNY=' };
    expect(schemas.validate(`produce/v1/${activity}.request.schema.json`, params)).toEqual({ ok: true });
  });

  test('DEFAULT_PROFILE is V2', () => {
    expect(DEFAULT_PROFILE.generation).toBe('v2');
  });
});
