import type { Command } from 'commander';
import type { ApigRequest } from '../../../../core/signing/open-api-signing.js';
import type { CliIo } from '../../io.js';
import { type ApigOptions, readApigRequest } from './apig-input.js';
import { collect, EXAMPLES } from './help.js';
import { required, toNow } from './input.js';
import { finishVerify, toLang, type VerifyCommonOptions, withVerifyOptions } from './verify-common.js';

interface ApigVerifyOptions extends VerifyCommonOptions, ApigOptions {
  readonly authorization?: string;
}

/**
 * `koomock verify apig`: rebuilds the canonical request from the client's own SignedHeaders, as the
 * marketplace gateway does (docs/fidelity.md#d20), and on failure shows it with real line breaks.
 */
export function addVerifyApig(verify: Command, io: CliIo, setExit: (code: number) => void): void {
  const command = verify
    .command('apig')
    .description('APIG SDK-HMAC-SHA256 Authorization of an Open API call')
    .option('--sk <sk>', 'the secret access key (SK)')
    .option('--ak <ak>', 'the expected access key id; default: whatever Access= says')
    .option('--method <method>', 'HTTP method sent')
    .option('--url <url>', 'the full URL called, with its query string')
    .option('--date <date>', "X-Sdk-Date sent, UTC yyyyMMdd'T'HHmmss'Z' (or give it as --header)")
    .option('--header <line>', "a header sent, 'Name: value' (repeat the flag)", collect, [])
    .option('--body <text>', 'the body sent: text, @file (exact bytes) or - (stdin); default empty')
    .option('--authorization <value>', "the Authorization header sent: 'SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…'");
  withVerifyOptions(command, '--date')
    .addHelpText('after', EXAMPLES.verifyApig)
    .action(async (o: ApigVerifyOptions) => {
      // Imported when it runs: `koomock --help` does not load the signing code.
      const { diagnoseApigSignature, parseApigAuthorization, parseSdkDate, toApigAuthorization, toApigStringToSign, toDebugCanonical, verifyApigRequest } = await import(
        '../../../../core/signing/open-api-signing.js'
      );
      const lang = toLang(o, io.env);
      const sk = required(o.sk, '--sk', 'the secret access key (SK) the request was signed with');
      const authorization = required(o.authorization, '--authorization', "the Authorization header sent, 'SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…'");
      const { body: rawBody, ...input } = await readApigRequest(o, io);
      const headers = Object.create(null) as Record<string, string>;
      for (const [name, value] of Object.entries(input.headers)) headers[name.toLowerCase()] = value;
      headers.authorization = authorization;
      const req: ApigRequest = { method: input.method, path: input.url.pathname, query: input.url.search.slice(1), headers, rawBody };
      const auth = parseApigAuthorization(authorization);
      const verdict = verifyApigRequest(req, {
        // An AK other than --ak is unknown, as at the gateway (same answer as a wrong signature, docs/fidelity.md#d22).
        lookupSk: (ak) => (o.ak === undefined || ak === o.ak ? sk : undefined),
        now: toNow(o.now, parseSdkDate(input.date) ?? 0),
      });
      await finishVerify(io, setExit, lang, verdict, (fail) => {
        const d = diagnoseApigSignature(req, sk);
        const declared = auth?.signedHeaders ?? Object.keys(headers).filter((n) => n !== 'authorization');
        const signedHeaders = [...new Set(declared.map((n) => n.toLowerCase()))].sort();
        const akMismatch = o.ak !== undefined && auth !== undefined && auth.ak !== o.ak;
        return {
          subject: 'APIG signature',
          verdict: fail,
          blocks: [
            { label: 'canonicalRequest', value: d.canonical },
            { label: 'debugCanonical', value: toDebugCanonical(d.canonical) },
            { label: 'stringToSign', value: toApigStringToSign(input.date, d.canonical) },
            { label: 'expectedHeader', value: toApigAuthorization({ ak: o.ak ?? auth?.ak ?? '<AK>', signedHeaders, signature: d.expected }) },
          ],
          expected: d.expected,
          received: auth?.signature ?? authorization,
          signatureMatches: auth?.signature === d.expected,
          mistakes: d.mistakes,
          notes: akMismatch ? [`Access=${auth?.ak ?? ''} is not the AK given with --ak (${o.ak ?? ''}): sign with the AK/SK pair of one account`] : [],
        };
      });
    });
}
