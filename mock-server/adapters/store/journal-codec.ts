/**
 * How the memory store keeps one journal entry: the UTF-8 bytes of its JSON text, deflated when
 * that text is long enough for deflate to pay (headers and answer bodies repeat a lot), in a buffer
 * of its own outside the JavaScript heap. Reading inflates it back to the very same text.
 */
import { constants, deflateRawSync, inflateRawSync } from 'node:zlib';

/** Shorter texts are kept as they are: deflate saves little on them and costs a call each. */
const PACK_FROM_BYTES = 512;
/** Fast compression: the journal is written on every exchange and rarely read. */
const LEVEL = constants.Z_BEST_SPEED;

/** The stored form of one entry's JSON text. */
export interface PackedText {
  readonly bytes: Buffer;
  readonly deflated: boolean;
}

/** @example const p = packText(JSON.stringify(exchange)); unpackText(p) === JSON.stringify(exchange); */
export function packText(text: string): PackedText {
  const size = Buffer.byteLength(text, 'utf8');
  if (size >= PACK_FROM_BYTES) {
    const deflated = deflateRawSync(text, { level: LEVEL });
    // deflateRawSync answers a view of a larger buffer: copy it out so the spare bytes are freed.
    if (deflated.byteLength < size) return { bytes: ownCopy(deflated), deflated: true };
  }
  // Its own allocation, not a slice of Node's shared 8 KiB pool that would keep the slab alive.
  const bytes = Buffer.allocUnsafeSlow(size);
  bytes.write(text, 'utf8');
  return { bytes, deflated: false };
}

/** The JSON text `packText` was given. */
export function unpackText(packed: PackedText): string {
  return (packed.deflated ? inflateRawSync(packed.bytes) : packed.bytes).toString('utf8');
}

function ownCopy(view: Buffer): Buffer {
  if (view.byteOffset === 0 && view.buffer.byteLength === view.byteLength) return view;
  const copy = Buffer.allocUnsafeSlow(view.byteLength);
  view.copy(copy);
  return copy;
}
