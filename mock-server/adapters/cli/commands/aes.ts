import type { Command } from 'commander';
import type { EncryptType } from '../../../core/signing/index.js';
import { EXIT_CHECK_FAILED, EXIT_OK } from '../io.js';
import type { RegisterCommand } from './register.js';
import { createGroup, finishGroup } from './signing/group.js';
import { EXAMPLES, KEY_HELP } from './signing/help.js';
import { flagError, required } from './signing/input.js';

interface AesOptions {
  readonly key?: string;
  readonly type?: string;
  readonly iv?: string;
  readonly text?: string;
}

const TYPE_HELP = 'encryptType: 1 = AES-256-CBC (default), 2 = AES-128-CBC';
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * `koomock aes encrypt|decrypt`: the V1 sensitive-field encryption (produce-api.md §7): AES-CBC with
 * PKCS5 padding, the AES key derived from the access key with Java's SHA1PRNG, `IV + Base64(ciphertext)`.
 * Prints one line: the ciphertext or the plaintext. A well-formed value that does not decrypt exits 1.
 * The cipher code is imported when an action runs (`koomock --help` does not load it).
 */
export const registerAes: RegisterCommand = (program, io, setExit) => {
  const aes = createGroup(program, 'aes', 'V1 AES field encryption of userName/password/mobilePhone/email (敏感字段加解密)');

  fieldCommand(aes, 'encrypt', 'encrypt a V1 field: prints IV + Base64(ciphertext)')
    .option('--iv <iv>', '16 ASCII characters; default: 16 random letters and digits')
    .option('--text <plain>', 'the plaintext')
    .addHelpText('after', EXAMPLES.aesEncrypt)
    .action(async (o: AesOptions) => {
      const [{ encryptV1Field }, { createCryptoRandom }] = await Promise.all([import('../../../core/signing/index.js'), import('../../../app/random.js')]);
      const { key, encryptType } = toKeyAndType(o);
      const plaintext = required(o.text, '--text', 'the plaintext to encrypt');
      if (o.iv !== undefined && !/^[\x21-\x7e]{16}$/.test(o.iv)) {
        throw flagError('--iv', `has ${o.iv.length} characters or non-ASCII ones`, 'pass 16 ASCII letters or digits, e.g. abcdefghijklmnop, or leave it out');
      }
      const iv = o.iv === undefined ? { random: createCryptoRandom() } : { iv: o.iv };
      io.out(encryptV1Field({ key, encryptType, plaintext, ...iv }));
      setExit(EXIT_OK);
    });

  fieldCommand(aes, 'decrypt', 'decrypt a V1 field given as IV + Base64(ciphertext)')
    .option('--text <cipher>', 'the value: 16-character IV followed by Base64 ciphertext')
    .addHelpText('after', EXAMPLES.aesDecrypt)
    .action(async (o: AesOptions) => {
      const { decryptV1Field } = await import('../../../core/signing/index.js');
      const { key, encryptType } = toKeyAndType(o);
      const value = required(o.text, '--text', 'the encrypted value (IV + Base64)');
      if (value.length <= 16 || !BASE64.test(value.slice(16))) {
        throw flagError('--text', 'is not a 16-character IV followed by Base64', 'pass the value as sent, e.g. abcdefghijklmnop1xYuLrdjn7qeWzXPhaG6cQ==');
      }
      const result = decryptV1Field({ key, encryptType, value });
      if (result.ok) {
        io.out(result.plaintext);
        setExit(EXIT_OK);
        return;
      }
      io.err(`koomock aes decrypt: ${result.detail}`);
      setExit(EXIT_CHECK_FAILED);
    });

  finishGroup(aes, 'action');
};

/** A subcommand with the options both actions take first: `--key` and `--type`. */
function fieldCommand(aes: Command, name: 'encrypt' | 'decrypt', description: string): Command {
  return aes.command(name).description(description).option('--key <key>', KEY_HELP.v1).option('--type <type>', TYPE_HELP, '1');
}

/** `--key` (required) and `--type`, checked in that order. */
function toKeyAndType(o: AesOptions): { key: string; encryptType: EncryptType } {
  return { key: required(o.key, '--key', KEY_HELP.v1), encryptType: toEncryptType(o.type) };
}

function toEncryptType(type: string | undefined): EncryptType {
  if (type === '1' || type === '2') return type;
  throw flagError('--type', `${JSON.stringify((type ?? '').slice(0, 20))} is not an encryptType`, 'pass 1 (AES-256-CBC, the default) or 2 (AES-128-CBC)');
}
