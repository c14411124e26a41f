/**
 * Signing benchmark: what each produce (V2) and Open API (APIG) signing step costs, as a multiple of
 * one raw HMAC-SHA256 over the same JSON body, measured in the same rounds.
 *
 *   node --import tsx bench/signing.ts
 */
import { createHmac } from 'node:crypto';
import {
  type ApigRequest,
  computeV2Signature,
  parseSdkDate,
  signApigRequest,
  toCanonicalJson,
  verifyApigRequest,
  verifyV2Signature,
} from '../mock-server/core/signing/index.js';
import { type SyncCase, timeSyncCases } from './lib/stats.js';
import { formatDuration, formatNumber, formatRatio, printHeader, printTable } from './lib/table.js';
import { runMain } from './lib/watchdog.js';

const KEY = 'benchBasicAccessKey0123456789';
const AK = 'BENCHAK0000000000000';
const SK = 'benchSecretAccessKey00000000000000000000';
const TIMESTAMP = '1680508066618';
const NONCE = '50D83FDE1C2E4A5B9F8D7C6B5A4E3D2C1B0A9F8E7D6C5B4A3F2E1D0C9B8A17DA';
const SDK_DATE = '20230403T074746Z';
const USAGE_URL = 'https://mkt.myhuaweicloud.com/api/mkp-openapi-public/global/v1/isv/usage-data';

/** A newInstance body as the marketplace sends it (canonical: sorted, compact). */
const PAYLOAD = toCanonicalJson({
  activity: 'newInstance',
  businessId: '61e834ba-7b47-4f2b-a2b6-0d6e6a6d1f3c',
  customerId: '68cbc86abc2018ab880d92f36422fa0e',
  customerName: 'huaweicloud-buyer-01',
  expireTime: '20250403074746',
  orderId: 'CS2304031547TRGLZ',
  orderLineId: 'CS2304031547TRGLZ-000001',
  periodNumber: '1',
  periodType: 'month',
  productId: 'OFFI900000000000000002',
  provisionType: '1',
  saasExtendParams: 'W3sibmFtZSI6ImVtYWlsRG9tYWluIiwidmFsdWUiOiJleGFtcGxlLmNvbSJ9XQ==',
  skuCode: 'ab8a2f8c-1e0a-4b3e-9c5d-7f6e5d4c3b2a',
  testFlag: '1',
  userId: '0a1b2c3d4e5f60718293a4b5c6d7e8f9',
  userName: 'buyer01',
});

/** Changes the first hex digit, so the signature has the right shape but the wrong value. */
const flipFirstHex = (hex: string): string => (hex[0] === '0' ? '1' : '0') + hex.slice(1);

function buildCases(): SyncCase[] {
  const signature = computeV2Signature({ key: KEY, payload: PAYLOAD, timestamp: TIMESTAMP, nonce: NONCE });
  const now = Number(TIMESTAMP);
  const v2Input = { key: KEY, body: PAYLOAD, signature, timestamp: TIMESTAMP, nonce: NONCE };
  const signApig = () => signApigRequest({ method: 'POST', url: USAGE_URL, headers: { 'Content-Type': 'application/json' }, body: PAYLOAD, ak: AK, sk: SK, date: SDK_DATE });
  const signed = signApig();
  const headers: Record<string, string> = { authorization: signed.authorization };
  for (const [name, value] of Object.entries(signed.headers)) headers[name.toLowerCase()] = value;
  const url = new URL(USAGE_URL);
  const apigRequest: ApigRequest = { method: 'POST', path: url.pathname, query: url.search.slice(1), headers, rawBody: Buffer.from(PAYLOAD, 'utf8') };
  const apigWrong: ApigRequest = { ...apigRequest, headers: { ...headers, authorization: headers.authorization?.replace(/Signature=(\w+)/, (_, s: string) => `Signature=${flipFirstHex(s)}`) ?? '' } };
  const apigOptions = { lookupSk: (ak: string) => (ak === AK ? SK : undefined), now: parseSdkDate(SDK_DATE) ?? 0 };

  // A benchmark of a broken verifier would be meaningless: check each outcome once before timing.
  const expectations: [string, boolean][] = [
    ['verifyV2Signature accepts the good signature', verifyV2Signature(v2Input, { now }).ok],
    ['verifyV2Signature rejects the changed signature', !verifyV2Signature({ ...v2Input, signature: flipFirstHex(signature) }, { now }).ok],
    ['verifyApigRequest accepts the good signature', verifyApigRequest(apigRequest, apigOptions).ok],
    ['verifyApigRequest rejects the changed signature', !verifyApigRequest(apigWrong, apigOptions).ok],
  ];
  const broken = expectations.filter(([, ok]) => !ok).map(([what]) => what);
  if (broken.length > 0) throw new Error(`signing does not behave as expected (${broken.join('; ')}): run the signing unit tests first`);

  return [
    { name: 'baseline: raw createHmac(sha256).digest(hex)', run: () => createHmac('sha256', KEY).update(PAYLOAD).digest('hex') },
    { name: 'computeV2Signature', run: () => computeV2Signature({ key: KEY, payload: PAYLOAD, timestamp: TIMESTAMP, nonce: NONCE }) },
    { name: 'verifyV2Signature (valid)', run: () => verifyV2Signature(v2Input, { now }).ok },
    { name: 'verifyV2Signature (mismatch + diagnosis)', run: () => verifyV2Signature({ ...v2Input, signature: flipFirstHex(signature) }, { now }).ok },
    { name: 'signApigRequest (POST, same body)', run: () => signApig().signature },
    { name: 'verifyApigRequest (valid)', run: () => verifyApigRequest(apigRequest, apigOptions).ok },
    { name: 'verifyApigRequest (mismatch)', run: () => verifyApigRequest(apigWrong, apigOptions).ok },
  ];
}

async function main(): Promise<void> {
  printHeader('signing', `each step as a multiple of one raw HMAC-SHA256 over the same ${Buffer.byteLength(PAYLOAD)}-byte JSON body`);
  const timings = timeSyncCases(buildCases(), { warmupMs: 250, roundMs: 60, rounds: 9, maxIterations: 2_000_000 });
  printTable(
    ['operation', 'ops/s', 'time/op', 'ratio (× raw HMAC)'],
    timings.map((t) => [t.name, formatNumber(1e9 / t.nsPerOp), formatDuration(t.nsPerOp / 1e6), formatRatio(t.ratio)]),
  );
  console.log('\nratio: median over 9 interleaved rounds of (operation time ÷ raw HMAC time in the same round); lower is cheaper.');
}

await runMain('signing', main);
