import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isKoomockError, usageError } from '../../../../core/errors.js';
import type { CliIo } from '../../io.js';

/** Bodies above this are refused: no marketplace message is near it (APIG's own cap is 12 MB). */
const MAX_BYTES = 16 * 1024 * 1024;

/**
 * A usage error on one line, for a flag: what was wrong and what to pass instead. Callers never put
 * a secret (--key, --sk) in `problem`.
 * @example
 *   throw flagError('--type', '"3" is not an encryptType', 'pass 1 (AES-256) or 2 (AES-128)');
 */
export const flagError = (flag: string, problem: string, instead: string) =>
  usageError(`${flag} ${problem}; ${instead}`.replace(/[\r\n]+/g, ' '), { flag });

/**
 * The value of a flag that must be present and non-empty.
 * @example
 *   const key = required(opts.key, '--key', 'the 基础接口 access key');
 */
export function required(value: string | undefined, flag: string, what: string): string {
  if (value === undefined || value === '') throw flagError(flag, 'is missing', `pass ${what}`);
  return value;
}

/**
 * The bytes of a `TEXT|@file|-` argument: `@path` reads the file's exact bytes (relative to `cwd`),
 * `-` reads standard input, anything else is the text itself as UTF-8.
 * @example
 *   await readBytesArg('@body.json', '--body', io); // the file's bytes
 */
export async function readBytesArg(arg: string, flag: string, { cwd, stdin }: Pick<CliIo, 'cwd' | 'stdin'>): Promise<Uint8Array> {
  if (arg === '-') return readStdin(stdin, flag);
  if (!arg.startsWith('@')) return Buffer.from(arg, 'utf8');
  const path = resolve(cwd, arg.slice(1));
  const instead = `pass ${flag} @path/to/file (a readable file) or the text itself`;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw flagError(flag, `names ${path}, which is not a file`, instead);
    if (info.size > MAX_BYTES) throw flagError(flag, `names ${path}, which has ${info.size} bytes (more than ${MAX_BYTES})`, instead);
    return await readFile(path);
  } catch (e) {
    if (isKoomockError(e)) throw e;
    const code = e instanceof Error && 'code' in e ? String(e.code) : 'unknown error';
    throw flagError(flag, `names ${path}, which cannot be read (${code})`, instead);
  }
}

async function readStdin(stdin: CliIo['stdin'], flag: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
    size += buf.length;
    if (size > MAX_BYTES) throw flagError(flag, `reads more than ${MAX_BYTES} bytes from standard input`, 'pass a smaller body');
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/**
 * Checks that body bytes are UTF-8 JSON (an object when `object`) and returns the text unchanged,
 * byte for byte: signatures cover the body exactly as given.
 * @example
 *   toJsonText(Buffer.from('{"a":1}'), '--body', { object: true }); // '{"a":1}'
 */
export function toJsonText(bytes: Uint8Array, flag: string, options: { readonly object?: boolean } = {}): string {
  const example = `e.g. ${flag} '{"activity":"newInstance","orderId":"CS1906666666ABCDE"}' or ${flag} @body.json`;
  let text: string;
  try {
    // ignoreBOM keeps a BOM in the text, so the text is exactly the bytes (and JSON.parse names it).
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw flagError(flag, 'is not UTF-8 text', `save the body as UTF-8 and pass JSON, ${example}`);
  }
  if (text.startsWith('\uFEFF')) throw flagError(flag, 'starts with a UTF-8 byte-order mark', 'save the file without BOM');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message.slice(0, 120) : 'parse error';
    throw flagError(flag, `is not valid JSON (${why})`, `pass JSON, ${example}`);
  }
  if (options.object === true && (typeof value !== 'object' || value === null || Array.isArray(value))) {
    throw flagError(flag, 'is JSON but not an object', `a signed produce body is a JSON object, ${example}`);
  }
  return text;
}

/**
 * A flag that must be digits only (Unix time in milliseconds).
 * @example
 *   toDigits('1680508066618', '--timestamp'); // '1680508066618'
 */
export function toDigits(value: string, flag: string): string {
  if (!/^\d{1,20}$/.test(value)) {
    throw flagError(flag, 'is not digits', 'pass Unix time in milliseconds as sent, e.g. 1680508066618');
  }
  return value;
}

/**
 * `--now`: milliseconds, or `now` for this machine's clock; `fallback` when absent.
 * @example
 *   toNow(undefined, 1680508066618); // 1680508066618
 */
export function toNow(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (value === 'now') return Date.now();
  if (!/^\d{1,15}$/.test(value)) {
    throw flagError('--now', `${JSON.stringify(value.slice(0, 40))} is not a time`, 'pass Unix time in milliseconds (e.g. 1680508126618) or "now"');
  }
  return Number(value);
}
