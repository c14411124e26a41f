import { Command } from 'commander';
import { describe, expect, test } from 'vitest';
import { addConfigOptions, toConfigOptions } from '../../../mock-server/config/cli-options.js';
import { CONFIG_FLAGS, type ConfigFlags } from '../../../mock-server/config/flags.js';
import { loadConfig } from '../../../mock-server/config/load.js';
import type { KoomockConfig } from '../../../mock-server/config/types.js';
import { expectSetsKey, it, type KeyRow } from './config-fixtures.js';

/** Parses argv with a command that has the config options, as a real command would. */
function parse(argv: string[]): ReturnType<typeof toConfigOptions> {
  let opts: Record<string, unknown> = {};
  const program = new Command('koomock').exitOverride();
  addConfigOptions(program.command('serve')).action((o: Record<string, unknown>) => {
    opts = o;
  });
  program.parse(['serve', ...argv], { from: 'user' });
  return toConfigOptions(opts);
}

describe('config flags on a command', () => {
  test('reads every kind of flag', () => {
    expect(parse(['--config', 'ci.yaml', '--port', '9090', '--no-console', '--profile', 'debug=true', '--profile', 'callTimeoutMs=5s', '--seller-url', 'https://a.example/p'])).toEqual({
      file: 'ci.yaml',
      flags: { port: '9090', console: false, profile: ['debug=true', 'callTimeoutMs=5s'], sellerUrl: 'https://a.example/p' },
    });
  });

  test('sets nothing when no flag is given, so the file and variables stand', () => {
    expect(parse([])).toEqual({ flags: {} });
  });

  test('reads --console and --memory', () => {
    expect(parse(['--console', '--memory']).flags).toEqual({ console: true, memory: true });
  });
});

interface FlagRow extends KeyRow {
  readonly flag: string;
  readonly flags: ConfigFlags;
}

const FLAG_ROWS: readonly FlagRow[] = [
  { flag: '--host', flags: { host: '0.0.0.0' }, read: (c) => c.server.host, expected: '0.0.0.0' },
  { flag: '--port', flags: { port: '9092' }, read: (c) => c.server.port, expected: 9092 },
  { flag: '--db', flags: { db: 'memory' }, read: (c) => c.server.db, expected: { kind: 'memory' } },
  { flag: '--admin-token', flags: { adminToken: 'flag-admin-token' }, read: (c) => c.server.adminToken, expected: 'flag-admin-token' },
  { flag: '--seller-url', flags: { sellerUrl: 'https://isv.example.com/p' }, read: (c) => c.seller.productionUrl, expected: 'https://isv.example.com/p' },
  { flag: '--ak', flags: { ak: 'FLAGAK' }, read: (c) => c.seller.ak, expected: 'FLAGAK' },
  { flag: '--sk', flags: { sk: 'FlagSk' }, read: (c) => c.seller.sk, expected: 'FlagSk' },
  { flag: '--key', flags: { key: 'flag-basic' }, read: (c) => c.seller.keys.basic, expected: 'flag-basic' },
  { flag: '--kit-key', flags: { kitKey: 'flag-kit' }, read: (c) => c.seller.keys.kit, expected: 'flag-kit' },
  { flag: '--general-key', flags: { generalKey: 'flag-general' }, read: (c) => c.seller.keys.general, expected: 'flag-general' },
  { flag: '--license-key', flags: { licenseKey: 'flag-license' }, read: (c) => c.seller.keys.license, expected: 'flag-license' },
  { flag: '--usage-key', flags: { usageKey: 'flag-usage' }, read: (c) => c.seller.keys.usage, expected: 'flag-usage' },
  { flag: '--v1-key', flags: { v1Key: 'flag-v1' }, read: (c) => c.seller.keys.v1, expected: 'flag-v1' },
];

describe('every flag sets its key', () => {
  it.for(FLAG_ROWS)('$flag', (row, { dir }) => {
    expectSetsKey(dir, row, { flags: row.flags });
  });

  test('the rows above cover every config flag', () => {
    expect(FLAG_ROWS.map((r) => r.flag).sort()).toEqual(CONFIG_FLAGS.map((f) => f.flag).sort());
  });

  it.for([
    ['a boolean', 'debug=true', (c: KoomockConfig) => c.profile.debug, true],
    ['a number', 'expireTimeDigits=17', (c: KoomockConfig) => c.profile.expireTimeDigits, 17],
    ['a word', 'generation=v1', (c: KoomockConfig) => c.profile.generation, 'v1'],
    ['a duration', 'retryIntervalMs=30s', (c: KoomockConfig) => c.profile.retryIntervalMs, 30_000],
    ['a nested retry window', 'retryWindowMs.orderNotify=90m', (c: KoomockConfig) => c.profile.retryWindowMs['orderNotify'], 5_400_000],
  ] as const)('--profile reads %s', ([, assignment, read, expected], { dir }) => {
    expect(read(loadConfig({ env: {}, flags: { profile: [assignment] }, cwd: dir }).config)).toEqual(expected);
  });

  it('a later --profile wins over an earlier one', ({ dir }) => {
    expect(loadConfig({ env: {}, flags: { profile: ['callTimeoutMs=5s', 'callTimeoutMs=7s'] }, cwd: dir }).config.profile.callTimeoutMs).toBe(7000);
  });
});
