import type { RegisterCommand } from './register.js';
import { createGroup, finishGroup } from './signing/group.js';
import { EXAMPLES, KEY_HELP } from './signing/help.js';
import { flagError, readBytesArg, required, toJsonText, toNow } from './signing/input.js';
import { parseV1Params, toQueryText } from './signing/v1-params.js';
import { type VerifyCommonOptions, finishVerify, toLang, withVerifyOptions } from './signing/verify-common.js';
import { addVerifyApig } from './signing/verify-apig.js';

interface ProduceOptions extends VerifyCommonOptions {
  readonly key?: string;
  readonly timestamp?: string;
  readonly nonce?: string;
  readonly body?: string;
  readonly signature?: string;
}

interface UsageOptions extends VerifyCommonOptions {
  readonly key?: string;
  readonly ts?: string;
  readonly nonce?: string;
  readonly body?: string;
  readonly signature?: string;
  readonly canonical?: boolean;
}

interface BodyOptions extends VerifyCommonOptions {
  readonly key?: string;
  readonly body?: string;
  readonly header?: string;
  readonly signature?: string;
  readonly timestamp?: string;
}

const SIGNATURE_HELP = 'the signature to check';

/** Unix ms of a digits-only text, else 0 (the verifier then reports the text as malformed anyway). */
const msOf = (text: string): number => (/^\d{1,15}$/.test(text) ? Number(text) : 0);

/**
 * `koomock verify <scheme>`: checks a signature the way the receiving side does. Prints `ok` (exit 0),
 * or a diagnosis (exit 1): the verdict, what koomock signed, the expected signature and any known
 * mistake that reproduces the given one, with its advice (`--lang zh` for Chinese). The signing code
 * is imported when a scheme runs, so that `koomock --help` does not load it.
 */
export const registerVerify: RegisterCommand = (program, io, setExit) => {
  const verify = createGroup(program, 'verify', 'check a signature and name the mistake if it is wrong (验证签名)');

  for (const scheme of ['v2', 'kit'] as const) {
    const isV2 = scheme === 'v2';
    const keyHelp = isV2 ? KEY_HELP.v2 : KEY_HELP.kit;
    const command = verify
      .command(scheme)
      .description(isV2 ? 'V2 basic interface signature (基础接口)' : 'joint-operation kit x-sign (联营 kit 接口)')
      .option('--key <key>', keyHelp)
      .option('--timestamp <ms>', isV2 ? 'the timestamp query parameter' : 'the x-timestamp header')
      .option('--nonce <nonce>', isV2 ? 'the nonce query parameter' : 'the x-nonce header')
      .option('--body <json>', 'the body as received: JSON text, @file (exact bytes) or - (stdin)')
      .option('--signature <hex>', isV2 ? 'the signature query parameter' : 'the x-sign header');
    withVerifyOptions(command, '--timestamp').addHelpText('after', isV2 ? EXAMPLES.verifyV2 : EXAMPLES.verifyKit);
    command.action(async (o: ProduceOptions) => {
      const { diagnoseKitSignature, diagnoseV2Signature, secureEqualHex, verifyKitSignature, verifyV2Signature } = await import('../../../core/signing/index.js');
      const lang = toLang(o, io.env);
      const key = required(o.key, '--key', keyHelp);
      const timestamp = required(o.timestamp, '--timestamp', 'the timestamp sent (Unix ms)');
      const nonce = required(o.nonce, '--nonce', 'the nonce sent');
      const signature = required(o.signature, '--signature', SIGNATURE_HELP);
      const body = toJsonText(await readBody(o.body), '--body', { object: true });
      const input = { key, body, timestamp, nonce };
      const options = { now: toNow(o.now, msOf(timestamp)) };
      const verdict = isV2 ? verifyV2Signature({ ...input, signature }, options) : verifyKitSignature({ ...input, sign: signature }, options);
      await finishVerify(io, setExit, lang, verdict, (fail) => {
        const d = isV2 ? diagnoseV2Signature({ ...input, signature }) : diagnoseKitSignature({ ...input, sign: signature });
        return {
          subject: isV2 ? 'V2 signature' : 'kit x-sign',
          verdict: fail,
          blocks: [
            { label: 'payload', value: d.payload },
            { label: 'stringToSign', value: d.canonical },
          ],
          expected: d.expected.toUpperCase(),
          received: signature,
          signatureMatches: secureEqualHex(d.expected, signature),
          mistakes: d.mistakes,
        };
      });
    });
  }

  withVerifyOptions(
    verify
      .command('v1')
      .description('V1 authToken of a query string')
      .option('--key <key>', KEY_HELP.v1)
      .option('--params <query>', 'the query string (or whole URL) as received, with or without authToken')
      .option('--signature <token>', 'the authToken (Base64 as decoded, not URL-encoded); or leave it in --params'),
  )
    .addHelpText('after', EXAMPLES.verifyV1)
    .action(async (o: VerifyCommonOptions & { key?: string; params?: string; signature?: string }) => {
      const { diagnoseV1AuthToken, verifyV1AuthToken } = await import('../../../core/signing/index.js');
      const lang = toLang(o, io.env);
      const key = required(o.key, '--key', KEY_HELP.v1);
      const raw = required(o.params, '--params', "the request's query string including timeStamp");
      const hasToken = Object.hasOwn(parseV1Params(raw), 'authToken');
      if (hasToken && o.signature !== undefined) throw flagError('--signature', 'is given although --params already has an authToken', 'pass the token once');
      if (!hasToken && o.signature === undefined) throw flagError('--signature', 'is missing', 'pass the authToken, or the whole query including authToken as --params');
      const query = hasToken ? toQueryText(raw) : `${toQueryText(raw)}&authToken=${encodeURIComponent(o.signature ?? '')}`;
      await finishVerify(io, setExit, lang, verifyV1AuthToken({ key, query }), (fail) => {
        const d = diagnoseV1AuthToken({ key, query });
        const received = o.signature ?? parseV1Params(raw).authToken;
        return {
          subject: 'V1 authToken',
          verdict: fail,
          blocks: [
            { label: 'message', value: d.canonical },
            { label: 'hmacKey', value: `{accessKey}${parseV1Params(raw).timeStamp ?? ''}` },
          ],
          expected: d.expected,
          received,
          signatureMatches: received === d.expected,
          mistakes: d.mistakes,
        };
      });
    });

  withVerifyOptions(
    verify
      .command('usage')
      .description('usage push (话单) body signature')
      .option('--key <key>', KEY_HELP.usage)
      .option('--ts <ms>', 'the ts header')
      .option('--nonce <nonce>', 'the nonce header')
      .option('--body <json>', 'the body as sent: JSON text, @file (exact bytes) or - (stdin)')
      .option('--signature <base64>', 'the signature header')
      .option('--canonical', 'also accept a signature over the recursively key-sorted body (docs/fidelity.md#d26 option)'),
    '--ts',
  )
    .addHelpText('after', EXAMPLES.verifyUsage)
    .action(async (o: UsageOptions) => {
      const { diagnoseUsageSignature, verifyUsageSignature } = await import('../../../core/signing/open-api-signing.js');
      const lang = toLang(o, io.env);
      const key = required(o.key, '--key', KEY_HELP.usage);
      const ts = required(o.ts, '--ts', 'the ts header (Unix ms)');
      const nonce = required(o.nonce, '--nonce', 'the nonce header');
      const signature = required(o.signature, '--signature', SIGNATURE_HELP);
      const body = await readBody(o.body);
      toJsonText(body, '--body');
      const mode = o.canonical === true ? 'canonical' : 'raw';
      const input = { key, ts, nonce, signature, body };
      await finishVerify(io, setExit, lang, verifyUsageSignature(input, { now: toNow(o.now, msOf(ts)), mode }), (fail) => {
        const d = diagnoseUsageSignature(input, { mode });
        return {
          subject: 'usage signature',
          verdict: fail,
          blocks: [{ label: 'message', value: d.canonical }],
          expected: d.expected,
          received: signature,
          signatureMatches: signature === d.expected,
          mistakes: d.mistakes,
        };
      });
    });

  withVerifyOptions(
    verify
      .command('body')
      .description('V1 response Body-Sign header')
      .option('--key <key>', KEY_HELP.v1)
      .option('--body <json>', 'the response body as sent: JSON text, @file (exact bytes) or - (stdin)')
      .option('--header <value>', 'the whole Body-Sign header value: sign_type="HMAC-SHA256", signature="…"')
      .option('--signature <base64>', 'only the signature (instead of --header)')
      .option('--timestamp <timeStamp>', "the request's timeStamp, to test the accessKey + timeStamp mistake"),
  )
    .addHelpText('after', EXAMPLES.verifyBody)
    .action(async (o: BodyOptions) => {
      const { diagnoseBodySign, parseBodySignHeader, toBodySignHeader, verifyBodySign } = await import('../../../core/signing/index.js');
      const lang = toLang(o, io.env);
      const key = required(o.key, '--key', KEY_HELP.v1);
      if ((o.header === undefined) === (o.signature === undefined)) {
        throw flagError('--header', o.header === undefined ? 'is missing' : 'is given together with --signature', 'pass either --header (the Body-Sign value) or --signature');
      }
      const body = await readBody(o.body);
      toJsonText(body, '--body');
      const header = o.header ?? toBodySignHeader(o.signature ?? '');
      await finishVerify(io, setExit, lang, verifyBodySign({ key, body, header }), (fail) => {
        const d = diagnoseBodySign({ key, body, header, ...(o.timestamp === undefined ? {} : { timeStamp: o.timestamp }) });
        const received = parseBodySignHeader(header)?.signature;
        return {
          subject: 'Body-Sign',
          verdict: fail,
          blocks: [{ label: 'body', value: d.canonical }],
          expected: d.expected,
          received: received ?? header,
          signatureMatches: received === d.expected,
          mistakes: d.mistakes,
        };
      });
    });

  addVerifyApig(verify, io, setExit);
  finishGroup(verify, 'scheme');

  function readBody(arg: string | undefined): Promise<Uint8Array> {
    return readBytesArg(required(arg, '--body', 'the body, e.g. @body.json'), '--body', io);
  }
};
