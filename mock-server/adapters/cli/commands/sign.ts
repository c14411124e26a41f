import type { Command } from 'commander';
import { EXIT_OK } from '../io.js';
import type { CliIo } from '../io.js';
import type { RegisterCommand } from './register.js';
import { type ApigOptions, readApigRequest } from './signing/apig-input.js';
import { createGroup, finishGroup } from './signing/group.js';
import { collect, EXAMPLES, KEY_HELP } from './signing/help.js';
import { readBytesArg, required, toDigits, toJsonText } from './signing/input.js';
import { parseV1Params } from './signing/v1-params.js';

interface ProduceOptions {
  readonly key?: string;
  readonly timestamp?: string;
  readonly nonce?: string;
  readonly body?: string;
  readonly lower?: boolean;
}

interface ApigSignOptions extends ApigOptions {
  readonly signedHeaders?: string;
}

/**
 * `koomock sign <scheme>`: computes one signature and prints exactly one line, the value, so scripts
 * can use it. Schemes: v2, kit, v1, body, apig, usage (docs/signing.md). The signing code is
 * imported when a scheme runs, so that `koomock --help` does not load it.
 */
export const registerSign: RegisterCommand = (program, io, setExit) => {
  const sign = createGroup(program, 'sign', 'compute a signature, print it on one line (计算签名)');
  const done = (value: string) => {
    io.out(value);
    setExit(EXIT_OK);
  };

  produceCommand(sign, 'v2', 'V2 basic interface signature (基础接口 URL param signature)', EXAMPLES.signV2).action(
    async (o: ProduceOptions) => {
      const input = await toProduceInput(o, io, KEY_HELP.v2);
      const { computeV2Signature } = await signing();
      const signature = computeV2Signature(input);
      done(o.lower === true ? signature : signature.toUpperCase());
    },
  );

  produceCommand(sign, 'kit', 'joint-operation kit x-sign header (联营 kit 接口)', EXAMPLES.signKit).action(
    async (o: ProduceOptions) => {
      const input = await toProduceInput(o, io, KEY_HELP.kit);
      const { computeKitSignature } = await signing();
      const signature = computeKitSignature(input);
      done(o.lower === true ? signature : signature.toUpperCase());
    },
  );

  sign
    .command('v1')
    .description('V1 authToken over the query parameters (Base64, not URL-encoded)')
    .option('--key <key>', KEY_HELP.v1)
    .option('--params <query>', 'the query string (or whole URL) as received; values are URL-decoded, authToken is left out')
    .addHelpText('after', EXAMPLES.signV1)
    .action(async (o: { key?: string; params?: string }) => {
      const { computeV1AuthToken } = await signing();
      const key = required(o.key, '--key', KEY_HELP.v1);
      const params = parseV1Params(required(o.params, '--params', "the request's query string including timeStamp"));
      done(computeV1AuthToken({ key, params }));
    });

  sign
    .command('body')
    .description('V1 response Body-Sign: Base64 HMAC-SHA256 of the exact body bytes')
    .option('--key <key>', KEY_HELP.v1)
    .option('--body <json>', 'the response body: JSON text, @file (exact bytes) or - (stdin)')
    .option('--header', 'print the whole Body-Sign header value instead of the signature')
    .addHelpText('after', EXAMPLES.signBody)
    .action(async (o: { key?: string; body?: string; header?: boolean }) => {
      const { computeBodySign, toBodySignHeader } = await signing();
      const key = required(o.key, '--key', KEY_HELP.v1);
      const body = await readBytesArg(required(o.body, '--body', 'the response body, e.g. @response.json'), '--body', io);
      toJsonText(body, '--body');
      const signature = computeBodySign({ key, body });
      done(o.header === true ? toBodySignHeader(signature) : signature);
    });

  sign
    .command('apig')
    .description('APIG SDK-HMAC-SHA256 Authorization header of an Open API call (AK/SK)')
    .option('--ak <ak>', 'the access key id (AK)')
    .option('--sk <sk>', 'the secret access key (SK)')
    .option('--method <method>', 'HTTP method, e.g. GET')
    .option('--url <url>', 'the full URL called, with its query string')
    .option('--date <date>', "X-Sdk-Date, UTC yyyyMMdd'T'HHmmss'Z' (or give it as --header)")
    .option('--header <line>', "a header sent, 'Name: value' (repeat the flag); all are signed", collect, [])
    .option('--body <text>', 'the body sent: text, @file (exact bytes) or - (stdin); default empty')
    .option('--signed-headers <names>', 'sign only these, e.g. host;x-sdk-date (Go SDK style)')
    .addHelpText('after', EXAMPLES.signApig)
    .action(async (o: ApigSignOptions) => {
      const { signApigRequest } = await import('../../../core/signing/open-api-signing.js');
      const ak = required(o.ak, '--ak', 'the access key id (AK) of the seller account');
      const sk = required(o.sk, '--sk', 'the secret access key (SK) of the seller account');
      const request = await readApigRequest(o, io);
      const signed = signApigRequest({
        method: request.method,
        url: request.url.href,
        headers: request.headers,
        body: request.body,
        ak,
        sk,
        date: request.date,
        ...(o.signedHeaders === undefined ? {} : { signedHeaders: o.signedHeaders.split(';').map((n) => n.trim()) }),
      });
      done(signed.authorization);
    });

  sign
    .command('usage')
    .description('usage push (话单) body signature: Base64 HMAC-SHA256 of ts={ts}&nonce={nonce}&body={body}')
    .option('--key <key>', KEY_HELP.usage)
    .option('--ts <ms>', 'the ts header, Unix time in milliseconds')
    .option('--nonce <nonce>', 'the nonce header')
    .option('--body <json>', 'the body sent: JSON text, @file (exact bytes) or - (stdin)')
    .addHelpText('after', EXAMPLES.signUsage)
    .action(async (o: { key?: string; ts?: string; nonce?: string; body?: string }) => {
      const { computeUsageSignature } = await import('../../../core/signing/open-api-signing.js');
      const key = required(o.key, '--key', KEY_HELP.usage);
      const ts = toDigits(required(o.ts, '--ts', 'the ts header (Unix ms)'), '--ts');
      const nonce = required(o.nonce, '--nonce', 'the nonce header');
      const body = await readBytesArg(required(o.body, '--body', 'the body sent, e.g. @usage.json'), '--body', io);
      toJsonText(body, '--body');
      done(computeUsageSignature({ key, ts, nonce, body }));
    });

  finishGroup(sign, 'scheme');
};

function produceCommand(group: Command, name: 'v2' | 'kit', description: string, example: string): Command {
  const key = name === 'v2' ? KEY_HELP.v2 : KEY_HELP.kit;
  return group
    .command(name)
    .description(description)
    .option('--key <key>', key)
    .option('--timestamp <ms>', 'the timestamp, Unix time in milliseconds, as sent')
    .option('--nonce <nonce>', 'the nonce, as sent')
    .option('--body <json>', 'the body: JSON text, @file (exact bytes) or - (stdin); signed exactly as given')
    .option('--lower', 'print lower-case hex (default upper case, like the marketplace)')
    .addHelpText('after', example);
}

const signing = () => import('../../../core/signing/index.js');

async function toProduceInput(o: ProduceOptions, io: CliIo, keyHelp: string) {
  const { parseJsonObject, toCanonicalJson } = await signing();
  const key = required(o.key, '--key', keyHelp);
  const timestamp = toDigits(required(o.timestamp, '--timestamp', 'the timestamp sent (Unix ms)'), '--timestamp');
  const nonce = required(o.nonce, '--nonce', 'the nonce sent');
  const bytes = await readBytesArg(required(o.body, '--body', 'the body, e.g. @body.json'), '--body', io);
  const payload = toJsonText(bytes, '--body', { object: true });
  const parsed = parseJsonObject(payload);
  if (parsed !== undefined && toCanonicalJson(parsed) !== payload) {
    io.err(
      'note: --body is not in canonical form (top-level keys sorted, compact, no nulls); it is signed exactly as given, ' +
        'but a seller that re-sorts like the official demo will compute another signature',
    );
  }
  return { key, timestamp, nonce, payload };
}
