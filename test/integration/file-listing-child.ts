/**
 * Child process for the file listing memory test: 40 uploads of 12 MB in a store, then the admin
 * API's file list asked three times and one file's content read through, RSS sampled every 10 ms.
 * Prints one JSON line: RSS before the listing, peak RSS during it, what the list and the content held.
 * Usage: node --expose-gc --import tsx file-listing-child.ts memory|sqlite
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmulator } from '../../mock-server/emulator.js';

const kind = process.argv[2] === 'sqlite' ? 'sqlite' : 'memory';
const dir = mkdtempSync(join(tmpdir(), 'koomock-files-'));
const emulator = await createEmulator({ store: kind, dbPath: join(dir, 'state.db') });
const SIZE = 12 * 1024 * 1024;
const content = new Uint8Array(SIZE);
for (let i = 0; i < SIZE; i += 1) content[i] = (i * 31) & 0xff;
const sha256 = createHash('sha256').update(content).digest('hex');
for (let i = 0; i < 40; i += 1) {
  emulator.store.putFile({ type: 'FILE', eventId: 'ev-1', sellerId: emulator.seller.id, fileName: `f${i}.bin`, sha256, content, receivedAt: i });
}

const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
await new Promise((r) => setTimeout(r, 100));
gc?.();
const before = process.memoryUsage().rss;
let peak = before;
const timer = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 10);

let listed = 0;
let withBytes = 0;
for (let round = 0; round < 3; round += 1) {
  const res = await fetch(`${emulator.url}/_koomock/files`);
  const body = (await res.json()) as { files: Record<string, unknown>[] };
  listed = body.files.length;
  withBytes = body.files.filter((f) => 'content' in f).length;
  peak = Math.max(peak, process.memoryUsage().rss);
}
const afterList = peak;
const res = await fetch(`${emulator.url}/_koomock/files/7/content`);
const hash = createHash('sha256');
let bytes = 0;
for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
  hash.update(chunk);
  bytes += chunk.byteLength;
}
peak = Math.max(peak, process.memoryUsage().rss);
clearInterval(timer);
await emulator.close();
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify({ before, afterList, peak, listed, withBytes, contentBytes: bytes, contentOk: hash.digest('hex') === sha256 }));
