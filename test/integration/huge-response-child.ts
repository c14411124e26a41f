/**
 * Child process for the memory test: a seller streaming a 1 GiB body (one 64 KiB chunk written
 * over and over, never allocated whole), one attempt against it through the fetch transport, RSS
 * sampled every 50 ms meanwhile. Prints one JSON line: peak RSS, the failed checks, timings.
 * Usage: node --import tsx huge-response-child.ts
 */
import { getSchemaRegistry } from '../../mock-server/config/schemas-fs.js';
import { createFetchTransport } from '../../mock-server/adapters/seller/fetch-transport.js';
import { runAttempt } from '../../mock-server/core/produce/attempt.js';
import { withProfile } from '../../mock-server/core/profile.js';
import { createTestSeller } from '../support/seller-server.js';
import { createTestClock, createTestRandom, TEST_KEYS } from '../unit/core/produce/support.js';

const GiB = 1024 * 1024 * 1024;

const seller = await createTestSeller({ kind: 'huge', bytes: GiB });
const transport = createFetchTransport();
const schemas = getSchemaRegistry();
const baselineRss = process.memoryUsage().rss;
let peakRss = baselineRss;
const sample = (): void => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
const sampler = setInterval(sample, 50);
const started = performance.now();
const record = await runAttempt(
  { activity: 'newInstance', url: `${seller.url}/saasproduce`, fields: { orderId: 'CS1', orderLineId: 'CS1-000001' } },
  { transport, clock: createTestClock(Date.now()), random: createTestRandom(), profile: withProfile({ callTimeoutMs: 10_000 }), keys: TEST_KEYS, schemas },
  { attempt: 1 },
);
const ms = performance.now() - started;
// Let the seller run on for a moment: it must not keep pushing the rest of the gigabyte.
await new Promise((resolve) => setTimeout(resolve, 200));
sample();
clearInterval(sampler);
const failed = record.checks.filter((c) => !c.ok).map((c) => ({ id: c.id, received: c.received }));
process.stdout.write(`${JSON.stringify({ baselineRss, peakRss, ms, failed, bytesWritten: seller.bytesWritten() })}\n`);
await transport.close();
await seller.close();
