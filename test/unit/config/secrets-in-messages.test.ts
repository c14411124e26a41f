import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { loadConfig, type LoadConfigOptions } from '../../../mock-server/config/load.js';
import { isKoomockError } from '../../../mock-server/core/errors.js';
import { it, writeIn } from './config-fixtures.js';

/** Looks like a real key; must never appear in a message, in the error details, or in part (first 12 chars). */
const SECRET = 'Zq7SuperSecretValue9Xk';
const PIECE = SECRET.slice(0, 12);

interface Case {
  readonly name: string;
  readonly file?: readonly [string, string];
  readonly env?: Record<string, string>;
  readonly flags?: LoadConfigOptions['flags'];
}

const leaks = (e: unknown): boolean => {
  const text = isKoomockError(e) ? `${e.message}\n${JSON.stringify(e.details)}` : String(e);
  return text.includes(PIECE);
};

describe('no message ever contains a secret', () => {
  it.for<Case>([
    { name: 'an SK that breaks its pattern (file)', file: ['koomock.config.yaml', `seller:\n  sk: "${SECRET} !"\n`] },
    { name: 'an SK that breaks its pattern (variable)', env: { KOOMOCK_SK: `${SECRET}-` } },
    { name: 'an AK that breaks its pattern (flag)', flags: { ak: `${SECRET}=` } },
    { name: 'a basic key with a trailing space (variable)', env: { KOOMOCK_KEY: `${SECRET} ` } },
    { name: 'a kit key over 256 characters (file)', file: ['koomock.config.yaml', `seller:\n  keys:\n    kit: ${SECRET.repeat(20)}\n`] },
    { name: 'an admin token with a line break (file)', file: ['koomock.config.yaml', `server:\n  adminToken: "${SECRET}\\n2"\n`] },
    { name: 'a number where the SK belongs', file: ['koomock.config.yaml', `seller:\n  sk: [${SECRET}]\n`] },
    { name: 'two categories with the same key (variables)', env: { KOOMOCK_KEY: SECRET, KOOMOCK_GENERAL_KEY: SECRET } },
    { name: 'two categories with the same key (file)', file: ['koomock.config.yaml', `seller:\n  keys:\n    basic: ${SECRET}\n    kit: ${SECRET}\n`] },
    { name: 'a valid secret next to an unrelated error', env: { KOOMOCK_SK: SECRET, KOOMOCK_PORT: 'x' } },
    { name: 'a secret under a misspelt key', file: ['koomock.config.yaml', `seller:\n  secretKey: ${SECRET}\n`] },
    { name: 'a secret pasted into the wrong key', env: { KOOMOCK_KEY: SECRET }, file: ['koomock.config.yaml', `seller:\n  accountId: ${SECRET}\n`] },
    { name: 'an unclosed quote around a secret', file: ['koomock.config.yaml', `seller:\n  sk: "${SECRET}\n  ak: X\n`] },
    { name: 'a block-scalar header glued to a secret', file: ['koomock.config.yaml', `seller:\n  sk: |${SECRET}\n`] },
    { name: 'a bad escape in a quoted secret', file: ['koomock.config.yaml', `seller:\n  sk: "${SECRET}\\q"\n`] },
    { name: 'an alias named like a secret', file: ['koomock.config.yaml', `seller:\n  sk: *${SECRET}\n`] },
    { name: 'a directive named like a secret', file: ['koomock.config.yaml', `%${SECRET}\n---\nseller: 1\n`] },
    { name: 'an unquoted secret in JSON', file: ['koomock.config.json', `{"seller": {"sk": ${SECRET}}}`] },
    { name: 'a secret in a JSON string with a raw line break', file: ['koomock.config.json', `{"seller": {"sk": "${SECRET}\n"}}`] },
    // Found by the property below: a quoted key holding a whole `sk: value` line.
    { name: 'a quoted key that holds a pasted secret line', file: ['koomock.config.yaml', `"  sk: ${SECRET}": `] },
    { name: 'a nested quoted key that holds a pasted secret line', file: ['koomock.config.yaml', `seller:\n  "ak: ${SECRET}": 1\n`] },
  ])('$name', ({ file, env, flags }, { dir }) => {
    if (file !== undefined) writeIn(dir, file[0], file[1]);
    let thrown: unknown;
    try {
      loadConfig({ env: env ?? {}, ...(flags === undefined ? {} : { flags }), cwd: dir });
    } catch (e) {
      thrown = e;
    }
    expect(isKoomockError(thrown) && thrown.code).toBe('CONFIG_INVALID');
    expect(leaks(thrown)).toBe(false);
  });

  // The secret always follows a secret key, as a pasted key would; a secret written as a key
  // name would be a key name, not a secret value.
  const FRAGMENTS = ['seller:\n', '  keys:\n', `  sk: ${SECRET}`, `    basic: ${SECRET}`, `  ak: "${SECRET}`, `    kit: '${SECRET}`, '"', "'", '[', ']', '{', '}', ':', ': ', '\n', '  ', '\t', '- ', '&', '*', '!', '#', '|', '>', '\\', ',', '%', '---\n', '?'];

  it('holds for any mix of YAML fragments around secret values, and nothing but CONFIG_INVALID escapes', ({ dir }) => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 24 }), (parts) => {
        writeIn(dir, 'koomock.config.yaml', parts.join(''));
        try {
          loadConfig({ env: {}, cwd: dir });
          return true;
        } catch (e) {
          return isKoomockError(e) && e.code === 'CONFIG_INVALID' && !leaks(e);
        }
      }),
      { numRuns: 300 },
    );
  });
});
