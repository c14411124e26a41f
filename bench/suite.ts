/**
 * Suite benchmark: wall time of the whole shipped conformance suite (`runSuite`, in process) against
 * the reference seller, as a multiple of the same number of plain valid newInstance round trips to
 * that seller, measured in the same rounds. Also prints how much virtual time the suite covered.
 *
 *   node --import tsx bench/suite.ts
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RunningSeller, startSeller } from '../examples/seller-express/src/app.js';
import { runSuite, selectScenarios } from '../mock-server/app/run-suite.js';
import { resolveConfig } from '../mock-server/config/load.js';
import type { KoomockConfig } from '../mock-server/config/types.js';
import type { Scenario } from '../mock-server/core/scenario/load/model.js';
import { isSkippedScenario, type RunReport } from '../mock-server/core/scenario/run/report.js';
import { computeV2Signature, toCanonicalJson } from '../mock-server/core/signing/index.js';
import { createEmulator } from '../mock-server/emulator.js';
import { reserveFreePort } from './lib/net.js';
import { median } from './lib/stats.js';
import { formatDuration, formatRatio, printHeader, printTable } from './lib/table.js';
import { runMain } from './lib/watchdog.js';
import { toVirtualSpans } from './lib/virtual-time.js';

const REPO_ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const ROUNDS = 5;
const KEYS = { basic: 'bench-basic-key-0123456789', general: 'bench-general-key-0123456789', kit: 'bench-kit-key-0123456789' };
const AK = 'BENCHSUITEAK00000000';
const SK = 'benchSuiteSecretAccessKey000000000000000';
const PRODUCT_ID = 'OFFI900000000000000002';

interface Setup {
  readonly seller: RunningSeller;
  readonly config: KoomockConfig;
  readonly scenarios: readonly Scenario[];
  /** Where the seller's order query goes first: the emulator of each suite run, then the baseline's. */
  readonly port: number;
  readonly fallbackPort: number;
}

async function setUp(): Promise<Setup> {
  const port = await reserveFreePort();
  const fallbackPort = await reserveFreePort();
  // As test/e2e/run-faults.test.ts: both Open API hosts, so no scenario is skipped.
  const seller = await startSeller({
    port: 0,
    keys: KEYS,
    ak: AK,
    sk: SK,
    orderApiUrls: [`http://127.0.0.1:${port}`, `http://127.0.0.1:${fallbackPort}`],
    openApi: { attempts: 3, backoffMs: [20], timeoutMs: 3_000 },
  });
  const config = resolveConfig({ server: { port }, seller: { productionUrl: seller.produceUrl, ak: AK, sk: SK, keys: KEYS } }, { cwd: REPO_ROOT, label: 'bench/suite.ts' });
  const scenarios = selectScenarios([], [], { cwd: REPO_ROOT, config });
  return { seller, config, scenarios, port, fallbackPort };
}

/** Produce calls the suite sent (every attempt of every step): the baseline sends as many. */
const countRoundTrips = (report: RunReport): number => report.scenarios.flatMap((s) => s.steps).reduce((n, step) => n + step.attempts.length, 0);

/**
 * Scenarios the run skips for this seller: `async-provisioning` (the reference seller provisions
 * synchronously) and those that need the seller to act by itself (`requires`, e.g. pushing usage,
 * which would add the seller's metering interval to the suite's wall time and not to the baseline's).
 */
const mayBeSkipped = (setup: Setup, id: string): boolean =>
  id === 'async-provisioning' || (setup.scenarios.find((s) => s.id === id)?.requires?.length ?? 0) > 0;

/** One full suite run; throws unless every scenario passed or was skipped as `mayBeSkipped` allows. */
async function timeSuite(setup: Setup): Promise<{ ms: number; report: RunReport }> {
  const t0 = performance.now();
  const report = await runSuite({ config: setup.config, scenarios: setup.scenarios, emulator: { fallbackPort: setup.fallbackPort } });
  const ms = performance.now() - t0;
  const failed = report.scenarios.filter((s) => s.status !== 'passed' && !(isSkippedScenario(s) && mayBeSkipped(setup, s.id))).map((s) => s.id);
  if (failed.length > 0) throw new Error(`the reference seller did not pass ${failed.join(', ')}; expected every shipped scenario to pass: run test/e2e/run-reference-seller.test.ts`);
  return { ms, report };
}

/** A valid V2 newInstance call for one order line, signed with the basic key, as the marketplace sends it. */
async function sendNewInstance(produceUrl: string, orderId: string, orderLineId: string): Promise<boolean> {
  const body = toCanonicalJson({ activity: 'newInstance', businessId: randomUUID(), orderId, orderLineId, testFlag: '1' });
  const timestamp = String(Date.now());
  const nonce = randomBytes(32).toString('hex').toUpperCase();
  const signature = computeV2Signature({ key: KEYS.basic, payload: body, timestamp, nonce }).toUpperCase();
  const res = await fetch(`${produceUrl}?signature=${signature}&timestamp=${timestamp}&nonce=${nonce}`, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json;charset=utf8' },
    body,
  });
  const answer = (await res.json()) as { resultCode?: unknown };
  return res.status === 200 && answer.resultCode === '000000';
}

/**
 * `count` newInstance round trips one after another, like the suite sends them; each makes the
 * seller query its order from an emulator on the suite's port. Orders are created before the clock starts.
 */
async function timeBaseline(setup: Setup, count: number): Promise<number> {
  const emulator = await createEmulator({ port: setup.port, config: { seller: { ak: AK, sk: SK } } });
  try {
    const lines: [string, string][] = [];
    for (let i = 0; i < count; i++) {
      const order = await emulator.admin.createOrder({ productId: PRODUCT_ID, periodNumber: 1 });
      const line = order.orderInfo.orderLine?.[0]?.orderLineId;
      if (line === undefined) throw new Error(`order ${order.orderInfo.orderId} has no order line; expected one`);
      lines.push([order.orderInfo.orderId, line]);
    }
    const t0 = performance.now();
    let failures = 0;
    for (const [orderId, orderLineId] of lines) if (!(await sendNewInstance(setup.seller.produceUrl, orderId, orderLineId))) failures++;
    const ms = performance.now() - t0;
    if (failures > 0) throw new Error(`${failures} of ${count} newInstance calls did not get resultCode 000000; expected all to succeed`);
    return ms;
  } finally {
    await emulator.close();
  }
}

async function main(): Promise<void> {
  const setup = await setUp();
  try {
    printHeader('suite', `the shipped conformance suite (${setup.scenarios.length} scenarios) against the reference seller, in process, vs plain newInstance round trips`);
    const warm = await timeSuite(setup);
    await timeBaseline(setup, countRoundTrips(warm.report));

    const suite: number[] = [];
    const baseline: number[] = [];
    const ratios: number[] = [];
    const counts: number[] = [];
    let last = warm.report;
    for (let round = 0; round < ROUNDS; round++) {
      const s = await timeSuite(setup);
      // Polls of background provisioning depend on wall time, so the count can differ a little per run.
      const count = countRoundTrips(s.report);
      const b = await timeBaseline(setup, count);
      suite.push(s.ms);
      baseline.push(b);
      ratios.push(s.ms / b);
      counts.push(count);
      last = s.report;
    }

    const { summary } = last;
    const calls = Math.min(...counts) === Math.max(...counts) ? String(counts[0]) : `${Math.min(...counts)}–${Math.max(...counts)}`;
    printTable(
      ['run', 'median wall time', 'ratio (× baseline)'],
      [
        ['baseline: as many plain valid newInstance round trips, sequential', formatDuration(median(baseline)), formatRatio(1)],
        [`runSuite: ${summary.scenarios} scenarios, ${calls} produce calls, ${summary.checks} checks`, formatDuration(median(suite)), formatRatio(median(ratios))],
      ],
    );
    const spans = toVirtualSpans(last);
    console.log(
      `\nvirtual time covered: ${spans.covered} across the scenarios (of which ${spans.waits} retry and poll waits within steps) in ${formatDuration(median(suite))} of wall time.`,
    );
    console.log(`ratio: median over ${ROUNDS} rounds of (suite wall time ÷ baseline wall time in the same round); the suite's time includes starting and stopping its emulator.`);
    console.log('Goal: the suite within ×1.2 of the plain round trips.');
  } finally {
    await setup.seller.close();
  }
}

await runMain('suite', main);
