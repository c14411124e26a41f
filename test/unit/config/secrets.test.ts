import { describe, expect, test } from 'vitest';
import { isSecretPath, maskSecret, redactSecrets } from '../../../mock-server/config/secrets.js';

describe('maskSecret', () => {
  test.for([
    ['a long key shows its first and last 4 characters', 'EXAMPLEKEY00000000000000', 'EXAM…0000'],
    ['exactly 16 characters still shows 4+4', 'abcdefghijklmnop', 'abcd…mnop'],
    ['15 characters shows nothing', 'abcdefghijklmno', '****'],
    ['a short secret shows nothing', 'key', '****'],
    ['an empty secret shows nothing', '', '****'],
    ['multi-byte characters are not cut in half', '密钥密钥密钥密钥密钥密钥密钥密钥', '密钥密钥…密钥密钥'],
  ] as const)('%s', ([, secret, masked]) => {
    expect(maskSecret(secret)).toBe(masked);
  });
});

describe('redactSecrets', () => {
  test('replaces every occurrence of every secret', () => {
    expect(redactSecrets('a=s3cret-one b=s3cret-two a=s3cret-one', ['s3cret-one', 's3cret-two'])).toBe('a=**** b=**** a=****');
  });

  test('removes a secret that contains another one whole', () => {
    expect(redactSecrets('key=abcdef123', ['abc', 'abcdef123'])).toBe('key=****');
  });

  test('leaves text alone when no secret occurs', () => {
    expect(redactSecrets('server.port: expected a port', ['s3cret'])).toBe('server.port: expected a port');
  });
});

describe('isSecretPath', () => {
  test.for(['seller.ak', 'seller.sk', 'seller.keys.basic', 'seller.keys.kit', 'seller.keys.general', 'seller.keys.license', 'seller.keys.usage', 'seller.keys.v1', 'server.adminToken'])(
    '%s is a secret',
    (path) => {
      expect(isSecretPath(path)).toBe(true);
    },
  );

  test.for(['seller.name', 'seller.productionUrl', 'server.port', 'seller.kitPublicKey'])('%s is not a secret', (path) => {
    expect(isSecretPath(path)).toBe(false);
  });
});
