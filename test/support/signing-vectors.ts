import { readFixture } from './run-cli.js';

/**
 * The known-answer vectors of test/fixtures/{produce,openapi}-signing-vectors.json as the CLI tests read them,
 * and the argv fragments that pass one vector to `koomock sign|verify|aes`.
 */

export interface ProduceRow {
  readonly name: string;
  readonly key: string;
  readonly payload: string;
  readonly nonce: string;
  readonly timestamp: string;
  readonly signature?: string;
  readonly sign?: string;
}

export interface V1AuthTokenRow {
  readonly name: string;
  readonly key: string;
  readonly params: Record<string, string>;
  readonly authToken: string;
}

export interface BodySignRow {
  readonly name: string;
  readonly key: string;
  readonly body: string;
  readonly signature: string;
}

/** produce-api.md §7: one field encrypted with the IV at its front. */
export interface AesFieldRow {
  readonly name: string;
  readonly accessKey: string;
  readonly encryptType: '1' | '2';
  readonly iv: string;
  readonly plaintext: string;
  readonly value: string;
}

export interface ProduceVectors {
  readonly v2: ProduceRow[];
  readonly kit: ProduceRow[];
  readonly v1AuthToken: V1AuthTokenRow[];
  readonly bodySign: BodySignRow[];
  readonly aesFields: AesFieldRow[];
}

export interface ApigRow {
  readonly name: string;
  readonly request: { method: string; url: string; headers: Record<string, string>; body: string };
  readonly ak: string;
  readonly sk: string;
  readonly signedHeaders: string[] | null;
  readonly canonicalRequest: string;
  readonly stringToSign: string;
  readonly signature: string;
  readonly authorization: string;
}

export interface UsageRow {
  readonly name: string;
  readonly key: string;
  readonly ts: string;
  readonly nonce: string;
  readonly body: string;
  readonly signature: string;
}

export interface OpenApiVectors {
  readonly apig: ApigRow[];
  readonly usage: UsageRow[];
}

export const PRODUCE_VECTORS = readFixture<ProduceVectors>('produce-signing-vectors.json');
export const OPEN_API_VECTORS = readFixture<OpenApiVectors>('openapi-signing-vectors.json');

/**
 * The row at `index`, or a clear error when the fixture has fewer rows (instead of `undefined` later).
 * @example
 *   const KIT = rowAt(PRODUCE_VECTORS.kit, 1);
 */
export const rowAt = <T>(rows: readonly T[], index: number): T => {
  const row = rows[index];
  if (row === undefined) throw new Error(`the signing vectors have no row ${index} here (${rows.length} rows)`);
  return row;
};

/** `--key … --timestamp … --nonce … --body …` of a V2 or kit vector, optionally with another body. */
export const produceArgs = (row: ProduceRow, body = row.payload): string[] =>
  ['--key', row.key, '--timestamp', row.timestamp, '--nonce', row.nonce, '--body', body];

/** The request flags of an APIG vector; X-Sdk-Date (and Host, when the vector has it) as --header. */
export const apigRequestArgs = (v: ApigRow): string[] => [
  '--method',
  v.request.method,
  '--url',
  v.request.url,
  ...Object.entries(v.request.headers).flatMap(([name, value]) => ['--header', `${name}: ${value}`]),
  ...(v.request.body === '' ? [] : ['--body', v.request.body]),
];

/** `--key … --ts … --nonce … --body …` of a usage vector. */
export const usageArgs = (row: UsageRow): string[] => ['--key', row.key, '--ts', row.ts, '--nonce', row.nonce, '--body', row.body];
