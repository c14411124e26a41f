import { describe, expect, test } from 'vitest';
import { checkResponseAppInfo } from '../../../../mock-server/core/checks/response-appinfo.js';

// produce-api.md §7 SELF-GENERATED vectors (key testAccessKey123, plaintext Huawei12345).
const KEY = 'testAccessKey123';
const AES256 = 'abcdefghijklmnop1xYuLrdjn7qeWzXPhaG6cQ==';
const AES128 = 'abcdefghijklmnophSViD56uRtzvT8vEfymQQw==';
const front = 'https://app.example/login';

describe('response.appinfo', () => {
  test.for([
    ['newInstance with AES-256 (encryptType 1)', { resultCode: '000000', encryptType: '1', appInfo: { frontEndUrl: front, userName: AES256, password: AES256 } }],
    ['no encryptType (defaults to 1)', { resultCode: '000000', appInfo: { frontEndUrl: front, password: AES256 } }],
    ['queryInstance with AES-128', { resultCode: '000000', encryptType: '2', info: [{ instanceId: 'i', appInfo: { frontEndUrl: front, userName: AES128 } }] }],
    ['no appInfo', { resultCode: '000004', instanceId: 'i' }],
  ] as const)('passes for %s', ([, value]) => {
    expect(checkResponseAppInfo({ key: KEY, value })).toMatchObject({ id: 'response.appinfo', ok: true });
  });

  test.for([
    ['a password encrypted with another key', { appInfo: { frontEndUrl: front, password: AES256 } }, 'wrongKey', '/appInfo/password', 'decryption failed'],
    ['AES-256 ciphertext labelled encryptType 2', { encryptType: '2', appInfo: { frontEndUrl: front, userName: AES256 } }, KEY, '/appInfo/userName', 'does not decrypt'],
    ['a plaintext password', { appInfo: { frontEndUrl: front, password: 'Huawei12345' } }, KEY, '"Huawei12345" does not decrypt', 'expected a 16-character IV'],
    ['a numeric password', { info: [{ instanceId: 'i', appInfo: { frontEndUrl: front, password: 12345 } }] }, KEY, '/info/0/appInfo/password = 12345', '(not a string)'],
    ['encryptType 3', { encryptType: '3', appInfo: { frontEndUrl: front, password: AES256 } }, KEY, 'encryptType "3"', ''],
  ] as const)('fails for %s', ([, value, key, received, detail]) => {
    const r = checkResponseAppInfo({ key, value });
    expect(r.ok).toBe(false);
    expect(r.received).toContain(received);
    expect(r.received).toContain(detail);
    expect(`${r.received}${r.hint}`).not.toContain('wrongKey');
  });
});
