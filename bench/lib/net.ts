/**
 * Local network pieces of the benchmarks: free ports and a fixed-concurrency request loop.
 * Everything listens on and talks to 127.0.0.1 only.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A free port on 127.0.0.1, for a server that others must know the address of before it starts.
 * @example const port = await reserveFreePort();
 */
export async function reserveFreePort(): Promise<number> {
  const server = createServer();
  const url = await listenLocal(server);
  await closeServer(server);
  return Number(new URL(url).port);
}

/**
 * Starts `server` on 127.0.0.1 and a free port; resolves to its origin.
 * @example const url = await listenLocal(createServer(handler)); // 'http://127.0.0.1:40123'
 */
export const listenLocal = (server: Server): Promise<string> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });

/** Stops `server`, dropping idle keep-alive connections so close does not wait for them. */
export const closeServer = (server: Server): Promise<void> =>
  new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });

export interface LoadResult {
  readonly requests: number;
  readonly ms: number;
  readonly perSecond: number;
  /** Answers that were not what `send` expected; a benchmark with any is not valid. */
  readonly failures: number;
}

/**
 * Sends `total` requests with `concurrency` in flight at any time; `send` resolves true for a good answer.
 * @example
 *   const r = await driveLoad({ concurrency: 8, total: 2000, send: async () => (await get()).status === 200 });
 */
export async function driveLoad(options: { readonly concurrency: number; readonly total: number; readonly send: () => Promise<boolean> }): Promise<LoadResult> {
  let started = 0;
  let failures = 0;
  const worker = async (): Promise<void> => {
    while (started < options.total) {
      started++;
      if (!(await options.send())) failures++;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const ms = performance.now() - t0;
  return { requests: options.total, ms, perSecond: (options.total / ms) * 1000, failures };
}
