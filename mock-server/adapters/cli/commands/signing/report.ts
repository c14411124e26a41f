import type { KnownMistake } from '../../../../core/signing/index.js';
import type { VerdictFail } from '../../../../core/result.js';
import type { Lang } from '../../i18n.js';
import { localise } from '../../../../core/messages/localise.js';

/** Which fact a diagnosis block shows; the label text comes from LABELS. */
type BlockLabel =
  | 'payload'
  | 'stringToSign'
  | 'canonicalRequest'
  | 'debugCanonical'
  | 'message'
  | 'hmacKey'
  | 'body'
  | 'expectedHeader';

interface DiagnosisBlock {
  readonly label: BlockLabel;
  readonly value: string;
}

/** What `koomock verify` prints when a signature is not accepted. */
export interface VerifyReport {
  /** e.g. `V2 signature`. */
  readonly subject: string;
  readonly verdict: VerdictFail;
  readonly blocks: readonly DiagnosisBlock[];
  readonly expected: string;
  /** The signature given; undefined when it could not be read. */
  readonly received: string | undefined;
  /** True when the given signature equals the expected one (the failure is elsewhere: time, shape). */
  readonly signatureMatches: boolean;
  readonly mistakes: readonly KnownMistake[];
  readonly notes?: readonly string[];
}

interface Labels extends Readonly<Record<BlockLabel, string>> {
  readonly expected: string;
  readonly received: string;
  readonly matches: string;
  readonly mistake: string;
  readonly noMistake: string;
}

const LABELS: Readonly<Record<Lang, Labels>> = {
  en: {
    payload: 'RequestPayload (the body, top-level keys sorted, compact, nulls dropped)',
    stringToSign: 'string to sign',
    canonicalRequest: 'canonical request',
    debugCanonical: 'canonical request as APIG prints it (\\n shown as |)',
    message: 'message signed',
    hmacKey: 'HMAC key',
    body: 'body signed (exact bytes)',
    expectedHeader: 'expected header',
    expected: 'expected signature',
    received: 'received signature',
    matches: 'the signature itself matches: only the check above fails',
    mistake: 'known mistake',
    noMistake: 'no known mistake reproduces the received signature: check the key, then compare your string to sign with the one above, character by character',
  },
  zh: {
    payload: 'RequestPayload（请求体：顶层键排序、紧凑、去掉 null）',
    stringToSign: '待签字符串（StringToSign）',
    canonicalRequest: '规范请求 (canonical request)',
    debugCanonical: 'APIG 错误信息中的规范请求形式（\\n 显示为 |）',
    message: '签名原文',
    hmacKey: 'HMAC 密钥',
    body: '签名的响应体（原样字节）',
    expectedHeader: '期望的请求头',
    expected: '期望签名',
    received: '收到的签名',
    matches: '签名本身是匹配的：只是上面的检查未通过',
    mistake: '已知错误',
    noMistake: '没有已知错误能复现收到的签名：请核对密钥，并将你的待签字符串与上面的逐字比较',
  },
};

const MAX_SHOWN = 4000;

/**
 * The lines of a verify diagnosis: verdict, what koomock built, expected vs received, known mistakes
 * with their advice in `lang`. Multi-line values (a canonical request) are shown between `-----`
 * fences with their real line breaks, so they can be diffed against the seller's own.
 * @example
 *   toReportLines(report, 'zh').forEach((l) => io.out(l));
 */
export function toReportLines(report: VerifyReport, lang: Lang): string[] {
  const t = LABELS[lang];
  const say = (text: string): string => localise(text, lang);
  const lines = [`✗ ${say(report.subject)}${lang === 'zh' ? '：' : ': '}${say(report.verdict.reason)}`, `  ${say(report.verdict.detail)}`];
  for (const block of report.blocks) lines.push(...toBlock(t[block.label], block.value));
  lines.push(`${t.expected}: ${report.expected}`);
  if (report.received !== undefined) lines.push(`${t.received}: ${report.received}`);
  if (report.signatureMatches) lines.push(t.matches);
  for (const m of report.mistakes) lines.push(`${t.mistake}: ${m.id}`, `  ${lang === 'zh' ? m.zh : m.en}`);
  if (report.mistakes.length === 0 && !report.signatureMatches && report.verdict.reason === 'mismatch') lines.push(t.noMistake);
  for (const note of report.notes ?? []) lines.push(say(note));
  return lines;
}

function toBlock(label: string, value: string): string[] {
  const shown = value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}… (${value.length} characters in all)` : value;
  return shown.includes('\n') ? [`${label}:`, '-----', ...shown.split('\n'), '-----'] : [`${label}: ${shown}`];
}
