/**
 * Reads a request body as raw bytes, as sent (no inflating: the signature covers the bytes on the
 * wire), bounded by APIG's limit. A body that grows past the limit is read off to its end (so the
 * connection stays usable) and then refused with the gateway's 413; a body cut short is refused
 * as unreadable (gateway-errors.ts answers both).
 */
import type { IncomingMessage } from 'node:http';
import { bodyTooLargeError, MAX_BODY_BYTES } from './gateway-errors.js';

const EMPTY = new Uint8Array();

/** The error for a body whose connection ended before the whole body arrived. */
const abortedError = (): Error => Object.assign(new Error('request aborted'), { type: 'request.aborted', status: 400 });

/** A request without Content-Length or Transfer-Encoding carries no body. */
const hasBody = (req: IncomingMessage): boolean => req.headers['transfer-encoding'] !== undefined || req.headers['content-length'] !== undefined;

/**
 * The whole body; rejects with an error `isBodyReadError` recognises.
 * @example const body = await readRawBody(req); // Uint8Array of at most MAX_BODY_BYTES
 */
export function readRawBody(req: IncomingMessage): Promise<Uint8Array> {
  if (!hasBody(req) || req.readableEnded) return Promise.resolve(EMPTY);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let failure: Error | undefined;
    const cleanup = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onAborted);
      req.off('close', onClose);
    };
    const onData = (chunk: Buffer): void => {
      received += chunk.byteLength;
      if (failure !== undefined) return;
      if (received > MAX_BODY_BYTES) {
        // Read the rest off and refuse once it has all arrived.
        failure = bodyTooLargeError();
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      if (failure !== undefined) {
        reject(failure);
        return;
      }
      const whole = Buffer.concat(chunks, received);
      resolve(new Uint8Array(whole.buffer, whole.byteOffset, whole.byteLength));
    };
    const onAborted = (): void => {
      cleanup();
      reject(failure ?? abortedError());
    };
    const onClose = (): void => {
      if (!req.complete) onAborted();
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onAborted);
    req.on('close', onClose);
  });
}
