/**
 * Child process for the kill -9 test: acknowledges one usage batch, then keeps writing more
 * until the parent kills it, so the kill lands in the middle of later writes.
 * Usage: node --import tsx usage-writer-child.ts <db path>
 */
import { createSqliteStore } from '../../../mock-server/adapters/store/sqlite-store.js';

const path = process.argv[2];
if (path === undefined) throw new Error('usage: usage-writer-child.ts <db path>');

const record = (sn: string) => ({
  instance_id: 'od-1',
  record_time: '20241121T090000Z',
  begin_time: '20241121T080000Z',
  end_time: '20241121T090000Z',
  usage_value: '1.5',
  metering_sn: sn,
});

const store = createSqliteStore(path);
const acked = store.addUsageRecords('s1', Array.from({ length: 50 }, (_, i) => record(`acked-${i}`)), Date.now());
// Group commit: a batch is acknowledged once its transaction committed, as the usage push API does.
await store.durable();
process.stdout.write(`acked ${acked.stored.length}\n`);

let batch = 0;
const more = (): void => {
  batch += 1;
  store.addUsageRecords('s1', Array.from({ length: 20 }, (_, i) => record(`later-${batch}-${i}`)), Date.now());
  setImmediate(more);
};
more();
