import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { DEFAULT_SELLER, DEFAULT_SERVER } from '../../../mock-server/config/defaults.js';
import { CONFIG_VARIABLES } from '../../../mock-server/config/env.js';
import type { ConfigFlags } from '../../../mock-server/config/flags.js';
import { loadConfig } from '../../../mock-server/config/load.js';
import type { KoomockConfig, ValueSource } from '../../../mock-server/config/types.js';
import { DEFAULT_PROFILE } from '../../../mock-server/core/profile.js';
import { errorOf, expectSetsKey, it, type KeyRow, writeIn } from './config-fixtures.js';

interface Row {
  readonly name: string;
  readonly file?: string;
  readonly env?: Record<string, string>;
  readonly flags?: ConfigFlags;
  readonly read: (c: KoomockConfig) => unknown;
  readonly expected: unknown;
  readonly source?: ValueSource;
  readonly credential?: 'seller.sk' | 'seller.keys.basic';
}

const FILE = 'koomock.config.yaml';

describe('loadConfig precedence: defaults <- file <- variables <- flags', () => {
  it.for<Row>([
    { name: 'the default when nothing is set', read: (c) => c.server.port, expected: 7070 },
    { name: 'the file over the default', file: 'server:\n  port: 8001\n', read: (c) => c.server.port, expected: 8001 },
    { name: 'a variable over the file', file: 'server:\n  port: 8001\n', env: { KOOMOCK_PORT: '8002' }, read: (c) => c.server.port, expected: 8002 },
    { name: 'a flag over a variable and the file', file: 'server:\n  port: 8001\n', env: { KOOMOCK_PORT: '8002' }, flags: { port: '8003' }, read: (c) => c.server.port, expected: 8003 },
    { name: 'a flag over the default alone', flags: { port: 8004 }, read: (c) => c.server.port, expected: 8004 },
    { name: 'the default SK', read: (c) => c.seller.sk, expected: DEFAULT_SELLER.sk, credential: 'seller.sk', source: { kind: 'default' } },
    { name: 'the SK from the file, with its line', file: 'seller:\n  name: x\n  sk: FileSk123\n', read: (c) => c.seller.sk, expected: 'FileSk123', credential: 'seller.sk', source: { kind: 'file', file: FILE, line: 3 } },
    { name: 'KOOMOCK_SK over the file', file: 'seller:\n  sk: FileSk123\n', env: { KOOMOCK_SK: 'EnvSk456' }, read: (c) => c.seller.sk, expected: 'EnvSk456', credential: 'seller.sk', source: { kind: 'env', variable: 'KOOMOCK_SK' } },
    { name: '--sk over KOOMOCK_SK', env: { KOOMOCK_SK: 'EnvSk456' }, flags: { sk: 'FlagSk789' }, read: (c) => c.seller.sk, expected: 'FlagSk789', credential: 'seller.sk', source: { kind: 'flag', flag: '--sk' } },
    { name: 'KOOMOCK_KEY over the file basic key', file: 'seller:\n  keys:\n    basic: file-basic-key\n', env: { KOOMOCK_KEY: 'env-basic-key' }, read: (c) => c.seller.keys.basic, expected: 'env-basic-key', credential: 'seller.keys.basic', source: { kind: 'env', variable: 'KOOMOCK_KEY' } },
    { name: 'an empty variable counts as unset', file: 'server:\n  port: 8001\n', env: { KOOMOCK_PORT: '' }, read: (c) => c.server.port, expected: 8001 },
    { name: 'a profile option from a flag over the file', file: 'profile:\n  callTimeoutMs: 30s\n', flags: { profile: ['callTimeoutMs=5s'] }, read: (c) => c.profile.callTimeoutMs, expected: 5000 },
    { name: 'the default journal retention', read: (c) => c.journal, expected: { maxExchanges: 50_000, maxAgeMs: 7 * 86_400_000 } },
    { name: 'journal retention from the file, 0 = unlimited', file: 'journal:\n  maxExchanges: 0\n  maxAge: 36h\n', read: (c) => c.journal, expected: { maxExchanges: 0, maxAgeMs: 36 * 3_600_000 } },
    { name: '--no-console over the file', file: 'server:\n  console: true\n', flags: { console: false }, read: (c) => c.server.console, expected: false },
  ])('takes $name', ({ file, env, flags, read, expected, credential, source }, { dir }) => {
    if (file !== undefined) writeIn(dir, FILE, file);
    const loaded = loadConfig({ env: env ?? {}, ...(flags === undefined ? {} : { flags }), cwd: dir });
    expect(read(loaded.config)).toEqual(expected);
    if (credential !== undefined) expect(loaded.sources[credential]).toEqual(source);
  });

  it('merges mappings key by key: one profile option from the file keeps every other default', ({ dir }) => {
    writeIn(dir, FILE, 'profile:\n  retryWindowMs:\n    newInstance: 1h\n');
    const { profile } = loadConfig({ env: {}, cwd: dir }).config;
    expect(profile.retryWindowMs).toEqual({ ...DEFAULT_PROFILE.retryWindowMs, newInstance: 3_600_000 });
    expect({ ...profile, retryWindowMs: undefined }).toEqual({ ...DEFAULT_PROFILE, retryWindowMs: undefined });
  });

  it('replaces lists as a whole', ({ dir }) => {
    writeIn(dir, FILE, 'server:\n  hostNames: [mkt-intl.myhuaweicloud.com]\n');
    expect(loadConfig({ env: {}, cwd: dir }).config.server.hostNames).toEqual(['mkt-intl.myhuaweicloud.com']);
  });

  it('makes the usage key the basic key unless set, and says so (docs/fidelity.md#d26)', ({ dir }) => {
    const loaded = loadConfig({ env: { KOOMOCK_KEY: 'env-basic-key' }, cwd: dir });
    expect(loaded.config.seller.keys.usage).toBe('env-basic-key');
    expect(loaded.sources['seller.keys.usage']).toEqual({ kind: 'derived', from: 'seller.keys.basic', source: { kind: 'env', variable: 'KOOMOCK_KEY' } });
  });

  it('keeps a usage key that is set', ({ dir }) => {
    const loaded = loadConfig({ env: { KOOMOCK_USAGE_KEY: 'usage-key-1' }, cwd: dir });
    expect(loaded.config.seller.keys.usage).toBe('usage-key-1');
    expect(loaded.sources['seller.keys.usage']).toEqual({ kind: 'env', variable: 'KOOMOCK_USAGE_KEY' });
  });
});

interface VariableRow extends KeyRow {
  readonly variable: string;
  readonly value: string;
}

const VARIABLE_ROWS: readonly VariableRow[] = [
  { variable: 'KOOMOCK_HOST', value: '0.0.0.0', read: (c) => c.server.host, expected: '0.0.0.0' },
  { variable: 'KOOMOCK_PORT', value: '9091', read: (c) => c.server.port, expected: 9091 },
  { variable: 'KOOMOCK_DB', value: 'memory', read: (c) => c.server.db, expected: { kind: 'memory' } },
  { variable: 'KOOMOCK_ADMIN_TOKEN', value: 'admin-token-1234567890', read: (c) => c.server.adminToken, expected: 'admin-token-1234567890' },
  { variable: 'KOOMOCK_SELLER_URL', value: 'https://isv.example.com/produce', read: (c) => c.seller.productionUrl, expected: 'https://isv.example.com/produce' },
  { variable: 'KOOMOCK_AK', value: 'ENVAK0000000000000001', read: (c) => c.seller.ak, expected: 'ENVAK0000000000000001' },
  { variable: 'KOOMOCK_SK', value: 'EnvSecretKey01', read: (c) => c.seller.sk, expected: 'EnvSecretKey01' },
  { variable: 'KOOMOCK_KEY', value: 'env-basic', read: (c) => c.seller.keys.basic, expected: 'env-basic' },
  { variable: 'KOOMOCK_KIT_KEY', value: 'env-kit', read: (c) => c.seller.keys.kit, expected: 'env-kit' },
  { variable: 'KOOMOCK_GENERAL_KEY', value: 'env-general', read: (c) => c.seller.keys.general, expected: 'env-general' },
  { variable: 'KOOMOCK_LICENSE_KEY', value: 'env-license', read: (c) => c.seller.keys.license, expected: 'env-license' },
  { variable: 'KOOMOCK_USAGE_KEY', value: 'env-usage', read: (c) => c.seller.keys.usage, expected: 'env-usage' },
  { variable: 'KOOMOCK_V1_KEY', value: 'env-v1', read: (c) => c.seller.keys.v1, expected: 'env-v1' },
  { variable: 'KOOMOCK_AGENT_URL', value: 'https://agent.example.com/v1/chat', read: (c) => c.agent.url, expected: 'https://agent.example.com/v1/chat' },
  { variable: 'KOOMOCK_AGENT_AK', value: 'env-agent-ak', read: (c) => c.agent.ak, expected: 'env-agent-ak' },
  { variable: 'KOOMOCK_AGENT_SK', value: 'env-agent-sk', read: (c) => c.agent.sk, expected: 'env-agent-sk' },
];

describe('environment variables', () => {
  it.for(VARIABLE_ROWS)('$variable sets its key', (row, { dir }) => {
    expectSetsKey(dir, row, { env: { [row.variable]: row.value } });
  });

  it('every variable the loader knows has a row above', () => {
    expect(VARIABLE_ROWS.map((r) => r.variable).sort()).toEqual(CONFIG_VARIABLES.map((v) => v.name).sort());
  });

  it('KOOMOCK_DB with a path resolves it against the current folder', ({ dir }) => {
    expect(loadConfig({ env: { KOOMOCK_DB: 'state/k.db' }, cwd: dir }).config.server.db).toEqual({ kind: 'file', path: join(dir, 'state', 'k.db') });
  });

  it('KOOMOCK_CONFIG names the file to read', ({ dir }) => {
    mkdirSync(join(dir, 'ci'));
    writeIn(dir, 'ci/custom.yaml', 'server:\n  port: 8111\n');
    const loaded = loadConfig({ env: { KOOMOCK_CONFIG: 'ci/custom.yaml' }, cwd: dir });
    expect(loaded.config.server.port).toBe(8111);
    expect(loaded.file).toBe(join(dir, 'ci', 'custom.yaml'));
  });
});

describe('finding the config file', () => {
  it.for(['koomock.config.yaml', 'koomock.config.yml'])('reads %s from the current folder', (name, { dir }) => {
    writeIn(dir, name, 'server:\n  port: 8201\n');
    expect(loadConfig({ env: {}, cwd: dir }).config.server.port).toBe(8201);
  });

  it('reads koomock.config.json from the current folder', ({ dir }) => {
    writeIn(dir, 'koomock.config.json', '{"server": {"port": 8202}}');
    expect(loadConfig({ env: {}, cwd: dir }).config.server.port).toBe(8202);
  });

  it('--config wins over KOOMOCK_CONFIG and over the file in the folder', ({ dir }) => {
    writeIn(dir, 'koomock.config.yaml', 'server:\n  port: 8301\n');
    writeIn(dir, 'from-variable.yaml', 'server:\n  port: 8302\n');
    writeIn(dir, 'from-flag.json', '{"server": {"port": 8303}}');
    const loaded = loadConfig({ file: 'from-flag.json', env: { KOOMOCK_CONFIG: 'from-variable.yaml' }, cwd: dir });
    expect(loaded.config.server.port).toBe(8303);
  });

  it('runs on the defaults when there is no file', ({ dir }) => {
    const loaded = loadConfig({ env: {}, cwd: dir });
    expect(loaded.file).toBeUndefined();
    expect(loaded.config.server).toEqual({ ...DEFAULT_SERVER, db: { kind: 'file', path: join(dir, '.koomock', 'koomock.db') } });
  });

  it('refuses to choose between two config files', ({ dir }) => {
    writeIn(dir, 'koomock.config.yaml', '{}\n');
    writeIn(dir, 'koomock.config.json', '{}');
    const e = errorOf(() => loadConfig({ env: {}, cwd: dir }));
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.message).toContain('koomock.config.yaml and koomock.config.json');
    expect(e.message).toContain('--config');
  });

  it('names a missing --config file and says how to make one', ({ dir }) => {
    const e = errorOf(() => loadConfig({ file: 'nope.yaml', env: {}, cwd: dir }));
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.message).toBe('config file nope.yaml (named by --config) does not exist: check the path, or run `koomock init` to write one');
  });

  it('resolves a db path written in the file against the file folder', ({ dir }) => {
    mkdirSync(join(dir, 'conf'));
    writeIn(dir, 'conf/k.yaml', 'server:\n  db: data/k.db\n');
    expect(loadConfig({ file: 'conf/k.yaml', env: {}, cwd: dir }).config.server.db).toEqual({ kind: 'file', path: join(dir, 'conf', 'data', 'k.db') });
  });

  it('--memory keeps state in memory', ({ dir }) => {
    expect(loadConfig({ env: { KOOMOCK_DB: 'x.db' }, flags: { memory: true }, cwd: dir }).config.server.db).toEqual({ kind: 'memory' });
  });
});
