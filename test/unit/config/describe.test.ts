import { describe, expect, test } from 'vitest';
import { describeSource, formatCredentialSummary } from '../../../mock-server/config/describe.js';
import { loadConfig, resolveConfig } from '../../../mock-server/config/load.js';
import type { ValueSource } from '../../../mock-server/config/types.js';
import { errorOf, it } from './config-fixtures.js';

describe('describeSource', () => {
  test.for<[string, ValueSource, string]>([
    ['the defaults', { kind: 'default' }, 'built-in test value (docs/config.md)'],
    ['a file line', { kind: 'file', file: 'koomock.config.yaml', line: 7 }, 'koomock.config.yaml, line 7'],
    ['a variable', { kind: 'env', variable: 'KOOMOCK_SK' }, 'KOOMOCK_SK'],
    ['a flag', { kind: 'flag', flag: '--sk' }, '--sk'],
    ['a derived value', { kind: 'derived', from: 'seller.keys.basic', source: { kind: 'env', variable: 'KOOMOCK_KEY' } }, 'same as seller.keys.basic (KOOMOCK_KEY)'],
  ])('names %s', ([, source, text]) => {
    expect(describeSource(source)).toBe(text);
  });
});

describe('formatCredentialSummary', () => {
  it('shows each credential masked with its origin and never a whole secret', ({ dir }) => {
    const secret = 'EnvSecretKey0123456789';
    const loaded = loadConfig({ env: { KOOMOCK_SK: secret }, cwd: dir });
    const lines = formatCredentialSummary(loaded);
    expect(lines).toContain('seller.sk            EnvS…6789  KOOMOCK_SK');
    expect(lines.find((l) => l.startsWith('seller.keys.usage'))).toBe('seller.keys.usage    koom…0000  same as seller.keys.basic (built-in test value (docs/config.md))');
    expect(lines.some((l) => l.startsWith('server.adminToken'))).toBe(false);
    const c = loaded.config.seller;
    for (const s of [c.ak, c.sk, ...Object.values(c.keys)]) expect(lines.join('\n')).not.toContain(s);
  });
});

describe('resolveConfig', () => {
  it('resolves an object over the defaults', ({ dir }) => {
    const config = resolveConfig({ server: { db: 'memory', port: 0 }, profile: { callTimeoutMs: '2s' } }, { cwd: dir });
    expect(config.server).toMatchObject({ db: { kind: 'memory' }, port: 0 });
    expect(config.profile.callTimeoutMs).toBe(2000);
  });

  it('names the object in its messages', ({ dir }) => {
    const e = errorOf(() => resolveConfig({ server: { prot: 1 } }, { cwd: dir, label: 'createEmulator({ config })' }));
    expect(e.message).toContain('server.prot (createEmulator({ config })): unknown key; did you mean `port`?');
  });
});
