import { performance } from 'node:perf_hooks';
import type { Readable } from 'node:stream';
import { Agent, request } from 'undici';
import { ANSWER_MAX_BYTES } from '../../core/checks/body-size.js';
import type { SellerTransport, TransportRequest, TransportResult } from '../../core/ports.js';
import { classifyTransportError } from './classify-error.js';

/** The largest answer body koomock reads (produce answers are small JSON objects); `body.size` reports more. */
export const MAX_BODY_BYTES = ANSWER_MAX_BYTES;

export interface FetchTransportOptions {
  /** Extra CA certificate(s), PEM, for a seller with a private CA. */
  readonly ca?: string | Buffer;
  /** Skip certificate verification (first local tries only). */
  readonly insecure?: boolean;
  readonly maxBodyBytes?: number;
}

export interface ClosableSellerTransport extends SellerTransport {
  /** Closes every connection, including hung ones. */
  close(): Promise<void>;
}

const joinHeaders = (headers: Record<string, string | string[] | undefined>): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
};

/** Reads at most `max` bytes, then destroys the stream: a huge body is never buffered. */
async function readCapped(body: Readable, max: number, progress: { bytes: number }): Promise<{ bytes: Uint8Array; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let truncated = false;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    const room = max - progress.bytes;
    if (chunk.length > room) {
      if (room > 0) chunks.push(chunk.subarray(0, room));
      progress.bytes = max;
      truncated = true;
      body.destroy();
      break;
    }
    chunks.push(chunk);
    progress.bytes += chunk.length;
  }
  return { bytes: new Uint8Array(Buffer.concat(chunks, progress.bytes)), truncated };
}

/**
 * The seller transport over undici: one timeout for the whole exchange including the body (docs/fidelity.md#d7),
 * body capped at `maxBodyBytes` (1 MiB), redirects not followed, network errors returned as data.
 * @example
 *   const transport = createFetchTransport({ ca: readFileSync('seller-ca.pem') });
 *   const result = await transport.send({ method: 'POST', url, headers, body }, { timeoutMs: 20_000 });
 *   await transport.close();
 */
export function createFetchTransport(options: FetchTransportOptions = {}): ClosableSellerTransport {
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const agent = new Agent({
    connect: { ...(options.ca === undefined ? {} : { ca: options.ca }), rejectUnauthorized: options.insecure !== true },
    // The exchange timer below bounds everything; undici's own timers (300 s) would only get in the way.
    headersTimeout: 0,
    bodyTimeout: 0,
  });
  return {
    async send(req: TransportRequest, { timeoutMs }): Promise<TransportResult> {
      const started = performance.now();
      const elapsed = () => performance.now() - started;
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      // Set once the status line and headers are in, so a failure can say how far the answer got.
      let partial: { status: number; bytes: number } | undefined;
      try {
        const res = await request(req.url, {
          method: req.method as 'GET' | 'POST',
          headers: { ...req.headers },
          ...(req.body === undefined ? {} : { body: req.body }),
          dispatcher: agent,
          signal: controller.signal,
        });
        partial = { status: res.statusCode, bytes: 0 };
        const { bytes, truncated } = await readCapped(res.body, maxBodyBytes, partial);
        return { kind: 'response', status: res.statusCode, headers: joinHeaders(res.headers), body: bytes, truncated, durationMs: elapsed() };
      } catch (e) {
        const at = partial === undefined ? {} : { partial: { ...partial } };
        if (controller.signal.aborted) {
          return { kind: 'error', error: 'timeout', message: `no complete answer within ${timeoutMs} ms`, durationMs: elapsed(), ...at };
        }
        return { kind: 'error', ...classifyTransportError(e), durationMs: elapsed(), ...at };
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => agent.destroy(),
  };
}
