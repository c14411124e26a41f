import { describe, expect } from 'vitest';
import { loadConfig } from '../../../mock-server/config/load.js';
import { errorOf, it, loadErrorOf, writeIn } from './config-fixtures.js';
import { rsaKeyPair } from '../../support/rsa-keys.js';

const YAML = 'koomock.config.yaml';

/** The one-line problems of a CONFIG_INVALID message (each starts with "  - "). */
const problemLines = (message: string): string[] => message.split('\n').filter((l) => l.startsWith('  - '));

describe('syntax errors name the file, line and column', () => {
  it.for([
    ['an unclosed quote', 'server:\n  host: "127.0.0.1\n  port: 7070\n', 2, 'this quoted value has no closing quote'],
    ['an unclosed list', 'server:\n  hostNames: [a.example\n  port: 7070\n', 2, 'this [ ] or { } is not closed'],
    ['tab indentation', 'server:\n\tport: 7070\n', 2, 'tabs are not allowed'],
    ['a duplicate key', 'server:\n  port: 7070\n  port: 7071\n', 3, 'appears twice'],
    ['a value on the line of a nested key', 'seller: name: x\n', 1, 'mapping cannot start on the line of its key'],
    ['an alias without an anchor', 'server:\n  host: *h\n', 2, 'not defined before it'],
  ] as const)('YAML: %s', ([, text, line, words], { dir }) => {
    const e = loadErrorOf(dir, text);
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.message).toMatch(new RegExp(`^koomock\\.config\\.yaml:${line}:\\d+: YAML syntax error at line ${line}, column \\d+: `));
    expect(e.message).toContain(words);
    expect(e.details).toMatchObject({ file: YAML, line });
  });

  it.for([
    ['a trailing comma', '{\n  "server": {\n    "port": 7070,\n  }\n}\n', 4, 3, 'trailing comma'],
    ['an unquoted value', '{\n  "server": {"host": localhost}\n}\n', 2, 22, 'expected a value'],
    ['a duplicate key', '{\n  "server": {"port": 1},\n  "server": {"port": 2}\n}\n', 3, 3, 'appears twice'],
    ['a missing brace at the end', '{\n  "server": {"port": 1}\n', 3, 1, '`}` is missing'],
  ] as const)('JSON: %s', ([, text, line, column, words], { dir }) => {
    const e = loadErrorOf(dir, text, 'koomock.config.json');
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.message).toContain(`koomock.config.json:${line}:${column}: JSON syntax error at line ${line}, column ${column}: `);
    expect(e.message).toContain(words);
  });
});

describe('schema violations name the file, key path, expectation, given value and line', () => {
  it.for([
    ['a spelled-out duration', 'profile:\n  callTimeoutMs: 3 hours\n', 'profile.callTimeoutMs (koomock.config.yaml, line 2): expected a duration above zero', 'got "3 hours"; did you mean `3h`?'],
    ['a zero duration where it must be positive', 'profile:\n  retryIntervalMs: 0s\n', 'profile.retryIntervalMs (koomock.config.yaml, line 2): expected a duration above zero', 'got "0s"'],
    ['a value outside an enum', 'profile:\n  generation: v3\n', 'profile.generation (koomock.config.yaml, line 2): expected one of `v2`, `v1`', 'got "v3"'],
    ['a number outside an enum', 'profile:\n  expireTimeDigits: 15\n', 'profile.expireTimeDigits (koomock.config.yaml, line 2): expected one of `14`, `17`', 'got 15'],
    ['a port out of range', 'server:\n  port: 70000\n', 'server.port (koomock.config.yaml, line 2): expected a TCP port', 'got 70000'],
    ['an empty value', 'server:\n  port:\n', 'server.port (koomock.config.yaml, line 2): expected a TCP port', 'got null (an empty value)'],
    ['text for a boolean', 'server:\n  console: "yes"\n', 'server.console (koomock.config.yaml, line 2): expected `true` or `false`', 'got "yes"'],
    ['an account id of the wrong length', 'seller:\n  accountId: abc\n', 'seller.accountId (koomock.config.yaml, line 2): expected a Huawei Cloud account id: 32 lower-case hex characters', 'got "abc"'],
    ['a production URL without a scheme', 'seller:\n  productionUrl: isv.example.com/produce\n', 'seller.productionUrl (koomock.config.yaml, line 2): expected the seller\'s production interface address', 'got "isv.example.com/produce"'],
    ['a catalog entry without a required key', 'catalog:\n  - productId: P1\n    productName: n\n    chargingMode: ONE_TIME\n', 'catalog[0].skuCode (koomock.config.yaml, line 2): expected a text of 1 to 64 characters', 'got nothing'],
    ['an unknown charging mode', 'catalog:\n  - productId: P1\n    skuCode: S1\n    productName: n\n    chargingMode: MONTHLY\n', 'catalog[0].chargingMode (koomock.config.yaml, line 5): expected one of `PERIOD`, `ONE_TIME`, `ON_DEMAND`, `ON_DEMAND_PKG`', 'got "MONTHLY"'],
    ['an empty catalog', 'catalog: []\n', 'catalog (koomock.config.yaml, line 1): expected a list of 1 to 1000 items', 'got a list of 0 items'],
    ['a list where a mapping belongs', 'server:\n  - port: 1\n', 'server (koomock.config.yaml, line 2): expected a mapping with the keys', 'got a list of 1 item'],
  ] as const)('%s', ([, text, start, end], { dir }) => {
    const e = loadErrorOf(dir, text);
    expect(e.code).toBe('CONFIG_INVALID');
    const [line, ...rest] = problemLines(e.message);
    expect(rest).toEqual([]);
    expect(line).toContain(start);
    expect(line?.endsWith(end)).toBe(true);
  });

  it('reports every problem at once, in file order', ({ dir }) => {
    const lines = problemLines(loadErrorOf(dir, 'profile:\n  generation: v3\nserver:\n  port: -1\n').message);
    expect(lines.map((l) => l.split(' (')[0])).toEqual(['  - profile.generation', '  - server.port']);
  });

  it('names the variable a bad value came from', ({ dir }) => {
    const e = errorOf(() => loadConfig({ env: { KOOMOCK_PORT: 'eighty' }, cwd: dir }));
    expect(problemLines(e.message)).toEqual([
      '  - server.port (variable KOOMOCK_PORT): expected a TCP port: a whole number from 0 to 65535 (0 picks a free port), got "eighty"',
    ]);
  });

  it('names the flag a bad value came from', ({ dir }) => {
    const e = errorOf(() => loadConfig({ env: {}, flags: { profile: ['pollWindowMs=3 hours'] }, cwd: dir }));
    expect(problemLines(e.message)).toHaveLength(1);
    expect(e.message).toContain('profile.pollWindowMs (flag --profile pollWindowMs): expected a duration');
    expect(e.message).toContain('did you mean `3h`?');
  });

  it('rejects a --profile flag without name=value', ({ dir }) => {
    const e = errorOf(() => loadConfig({ env: {}, flags: { profile: ['debug'] }, cwd: dir }));
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.message).toContain('--profile expects name=value');
  });

  it('rejects --memory together with --db', ({ dir }) => {
    expect(errorOf(() => loadConfig({ env: {}, flags: { memory: true, db: 'x.db' }, cwd: dir })).message).toContain('--memory and --db contradict');
  });
});

describe('unknown keys', () => {
  it.for([
    ['a typo in seller', 'seller:\n  productonUrl: https://a.example\n', 'seller.productonUrl (koomock.config.yaml, line 2): unknown key; did you mean `productionUrl`?'],
    ['a typo at the top level', 'profiles:\n  debug: true\n', 'profiles (koomock.config.yaml, line 1): unknown key; did you mean `profile`?'],
    ['a typo in a retry window', 'profile:\n  retryWindowMs:\n    newInstanse: 1h\n', 'profile.retryWindowMs.newInstanse (koomock.config.yaml, line 3): unknown key; did you mean `newInstance`?'],
    ['a typo in a catalog entry', 'catalog:\n  - productId: P\n    skuCode: S\n    productName: N\n    chargingMode: ONE_TIME\n    prices: "1"\n', 'catalog[0].prices (koomock.config.yaml, line 6): unknown key; did you mean `price`?'],
    ['a snake-case key', 'server:\n  admin_token: abcdefgh\n', 'server.admin_token (koomock.config.yaml, line 2): unknown key; did you mean `adminToken`?'],
  ] as const)('suggests the closest key for %s', ([, text, expected], { dir }) => {
    expect(problemLines(loadErrorOf(dir, text).message)).toEqual([`  - ${expected}`]);
  });

  it('lists the allowed keys when nothing is close', ({ dir }) => {
    expect(problemLines(loadErrorOf(dir, 'server:\n  colour: blue\n').message)).toEqual([
      '  - server.colour (koomock.config.yaml, line 2): unknown key; the keys allowed in `server` are `host`, `port`, `db`, `adminToken`, `console`, `hostNames`',
    ]);
  });

  it('suggests the closest profile option for a --profile flag', ({ dir }) => {
    const e = errorOf(() => loadConfig({ env: {}, flags: { profile: ['callTimeout=5s'] }, cwd: dir }));
    expect(problemLines(e.message)).toEqual(['  - profile.callTimeout (flag --profile callTimeout): unknown key; did you mean `callTimeoutMs`?']);
  });

  it('accepts a $schema key for editors', ({ dir }) => {
    writeIn(dir, 'koomock.config.json', '{"$schema": "./node_modules/koomock/schemas/config.schema.json"}');
    expect(loadConfig({ env: {}, cwd: dir }).config.server.port).toBe(7070);
  });
});

const PERIOD = 'productId: P1\n    skuCode: S1\n    productName: Monthly\n    chargingMode: PERIOD';

describe('rules beyond the schema', () => {
  it.for([
    ['a duplicate productId', `catalog:\n  - ${PERIOD}\n    periodTypes: [month]\n  - ${PERIOD}\n    periodTypes: [year]\n`, 'catalog[1].productId (koomock.config.yaml, line 7): expected a productId no other catalog entry uses (catalog[0] has it already), got "P1"'],
    ['a PERIOD product without period types', `catalog:\n  - ${PERIOD}\n`, 'catalog[0].periodTypes (koomock.config.yaml, line 2): expected the period types of this PERIOD product'],
    ['period types on a ONE_TIME product', 'catalog:\n  - productId: P1\n    skuCode: S1\n    productName: N\n    chargingMode: ONE_TIME\n    periodTypes: [month]\n', 'catalog[0].periodTypes (koomock.config.yaml, line 6): expected no periodTypes: only PERIOD products have them'],
    ['a linear default above its max', `catalog:\n  - ${PERIOD}\n    periodTypes: [month]\n    linear: {name: users, min: 1, max: 10, default: 11}\n`, 'catalog[0].linear (koomock.config.yaml, line 7): expected `min` <= `default` <= `max`, got min 1, default 11, max 10'],
    ['a duration above 24 days', 'profile:\n  pollWindowMs: 25d\n', 'profile.pollWindowMs (koomock.config.yaml, line 2): expected a duration of at most 24 days, got "25d"'],
    ['a journal maxAge above 24 days', 'journal:\n  maxAge: 30d\n', 'journal.maxAge (koomock.config.yaml, line 2): expected a duration of at most 24 days, got "30d"'],
    ['a positive duration that rounds to zero', 'profile:\n  callTimeoutMs: 0.1ms\n', 'profile.callTimeoutMs (koomock.config.yaml, line 2): expected a duration above zero (it rounds to 0 ms)'],
    ['the same key for two categories', 'seller:\n  keys:\n    basic: same-key-1\n    general: same-key-1\n', 'seller.keys.general (koomock.config.yaml, line 4): expected a key different from seller.keys.basic'],
    ['a kit public key given twice', 'seller:\n  kitPublicKey: "-----BEGIN PUBLIC KEY-----"\n  kitPublicKeyFile: k.pem\n', 'seller.kitPublicKeyFile (koomock.config.yaml, line 3): expected either seller.kitPublicKey or seller.kitPublicKeyFile, not both'],
    ['a kit public key file that does not exist', 'seller:\n  kitPublicKeyFile: keys/missing.pem\n', 'seller.kitPublicKeyFile (koomock.config.yaml, line 2): expected a readable PEM file (ENOENT)'],
    ['an OAuth client given twice', 'oauth:\n  clients:\n    - { clientId: c1, clientSecret: s1 }\n    - { clientId: c1, clientSecret: s2 }\n', 'oauth.clients[1].clientId (koomock.config.yaml, line 4): expected a clientId not used by an earlier client of oauth.clients'],
    ['an OAuth client without a secret', 'oauth:\n  clients:\n    - { clientId: c1 }\n', 'oauth.clients[0]'],
    ['a login URL that is not http(s)', 'seller:\n  loginUrl: ftp://isv.example.com/sso\n', 'seller.loginUrl (koomock.config.yaml, line 2): expected'],
    ['a kit public key that is not a key', 'seller:\n  kitPublicKey: "-----BEGIN PUBLIC KEY-----\\nnot base64\\n-----END PUBLIC KEY-----\\n"\n', 'seller.kitPublicKey (koomock.config.yaml, line 2): expected an RSA public key in PEM form'],
  ] as const)('rejects %s', ([, text, expected], { dir }) => {
    const e = loadErrorOf(dir, text);
    expect(e.code).toBe('CONFIG_INVALID');
    const lines = problemLines(e.message);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(expected);
  });

  it('rejects an RSA kit key below 3072 bits (docs/fidelity.md#d18) or a private key, and takes a public key of 3072 bits', ({ dir }) => {
    writeIn(dir, 'small.pem', rsaKeyPair(2048).publicKey);
    writeIn(dir, YAML, 'seller:\n  kitPublicKeyFile: small.pem\n');
    expect(errorOf(() => loadConfig({ env: {}, cwd: dir })).message).toContain('expected an RSA public key of at least 3072 bits (docs/fidelity.md#d18), got 2048 bits');
    const pair = rsaKeyPair(3072);
    writeIn(dir, 'private.pem', pair.privateKey);
    writeIn(dir, YAML, 'seller:\n  kitPublicKeyFile: private.pem\n');
    expect(errorOf(() => loadConfig({ env: {}, cwd: dir })).message).toContain('expected a public key, got a private key');
    const good = pair.publicKey;
    writeIn(dir, 'good.pem', good);
    writeIn(dir, YAML, 'seller:\n  kitPublicKeyFile: good.pem\n');
    const loaded = loadConfig({ env: {}, cwd: dir });
    expect(loaded.config.seller.kitPublicKey).toBe(good);
    expect(loaded.sources['seller.kitPublicKey']).toEqual({ kind: 'file', file: YAML, line: 2 });
  });
});

describe('input that is not a config', () => {
  it('treats an empty YAML file as no settings', ({ dir }) => {
    writeIn(dir, YAML, '# nothing yet\n');
    expect(loadConfig({ env: {}, cwd: dir }).config.server.port).toBe(7070);
  });

  it('rejects a top level that is not a mapping', ({ dir }) => {
    expect(problemLines(loadErrorOf(dir, '- server\n- seller\n').message)[0]).toContain('(top level) (koomock.config.yaml, line 1): expected a mapping with the keys `$schema`, `server`, `journal`, `seller`, `oauth`, `agent`, `catalog`, `profile`, got a list of 2 items');
  });

  it('rejects an alias bomb without running out of memory', ({ dir }) => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i += 1) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    const e = loadErrorOf(dir, `${lines.join('\n')}\n`);
    expect(e.code).toBe('CONFIG_INVALID');
  });

  it('rejects a folder named as the config file', ({ dir }) => {
    expect(errorOf(() => loadConfig({ file: '.', env: {}, cwd: dir })).message).toContain('it is a folder');
  });
});
