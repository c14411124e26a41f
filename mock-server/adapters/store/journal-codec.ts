/**
 * How the memory store keeps its journal entries: the UTF-8 bytes of each entry's JSON text,
 * deflated when that text is long enough for deflate to pay (headers and answer bodies repeat a
 * lot), packed one after another into 1 MiB slabs outside the JavaScript heap. One allocation per
 * slab, not per entry, keeps the allocator's overhead and holes out of a 50,000-entry journal; a
 * slab is freed once retention has pruned every entry in it. Reading inflates an entry back to the
 * very same text.
 */
import { constants, deflateRawSync, inflateRawSync } from 'node:zlib';

/** Shorter texts are kept as they are: deflate saves little on them and costs a call each. */
const PACK_FROM_BYTES = 512;
/** Fast compression: the journal is written on every exchange and rarely read. */
const LEVEL = constants.Z_BEST_SPEED;
const SLAB_BYTES = 1024 * 1024;

/** Where one entry's text is kept. */
export interface StoredText {
  readonly slab: Buffer;
  readonly start: number;
  readonly end: number;
  readonly deflated: boolean;
}

/** @example const slabs = createTextSlabs(); const t = slabs.pack(json); unpackText(t) === json; */
export function createTextSlabs(slabBytes = SLAB_BYTES): { pack(text: string): StoredText } {
  let slab = Buffer.alloc(0);
  let used = 0;
  /** Room for `size` bytes, in the current slab when they fit, else in a fresh one. */
  const reserve = (size: number): { slab: Buffer; start: number } => {
    if (used + size > slab.byteLength) {
      slab = Buffer.allocUnsafeSlow(Math.max(size, slabBytes));
      used = 0;
    }
    const start = used;
    used += size;
    return { slab, start };
  };
  return {
    pack(text) {
      const size = Buffer.byteLength(text, 'utf8');
      if (size >= PACK_FROM_BYTES) {
        const deflated = deflateRawSync(text, { level: LEVEL });
        if (deflated.byteLength < size) {
          const at = reserve(deflated.byteLength);
          deflated.copy(at.slab, at.start);
          return { ...at, end: at.start + deflated.byteLength, deflated: true };
        }
      }
      const at = reserve(size);
      at.slab.write(text, at.start, size, 'utf8');
      return { ...at, end: at.start + size, deflated: false };
    },
  };
}

/** The JSON text `pack` was given. */
export function unpackText(t: StoredText): string {
  const bytes = t.slab.subarray(t.start, t.end);
  return (t.deflated ? inflateRawSync(bytes) : bytes).toString('utf8');
}
