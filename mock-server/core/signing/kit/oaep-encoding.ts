import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * EME-OAEP encoding and decoding (RFC 8017 §7.1) with a digest and an MGF1 digest chosen apart,
 * for the variant node:crypto cannot name: SHA-256 for the label hash with MGF1 over SHA-1, which
 * is what Java's `RSA/ECB/OAEPWithSHA-256AndMGF1Padding` does with its default parameters
 * (docs/joint-operation.md#the-oaep-variant). The raw RSA step is left to the caller.
 */
export type Digest = 'sha256' | 'sha1';

const digestLength = (d: Digest): number => (d === 'sha256' ? 32 : 20);

function mgf1(seed: Buffer, length: number, digest: Digest): Buffer {
  const out: Buffer[] = [];
  for (let counter = 0; out.length * digestLength(digest) < length; counter += 1) {
    const c = Buffer.alloc(4);
    c.writeUInt32BE(counter);
    out.push(createHash(digest).update(seed).update(c).digest());
  }
  return Buffer.concat(out).subarray(0, length);
}

function xorInto(target: Buffer, mask: Buffer): void {
  for (let i = 0; i < target.length; i += 1) target[i] = (target[i] ?? 0) ^ (mask[i] ?? 0);
}

/** The encoded block EM (k bytes, first byte 0) for `message`; throws a RangeError when it is too long. */
export function oaepEncode(message: Buffer, k: number, hash: Digest, mgfHash: Digest, seed: Buffer = randomBytes(digestLength(hash))): Buffer {
  const hLen = digestLength(hash);
  if (message.length > k - 2 * hLen - 2) throw new RangeError(`message too long for OAEP: at most ${k - 2 * hLen - 2} bytes`);
  const lHash = createHash(hash).digest();
  const db = Buffer.concat([lHash, Buffer.alloc(k - message.length - 2 * hLen - 2), Buffer.from([1]), message]);
  xorInto(db, mgf1(seed, db.length, mgfHash));
  const maskedSeed = Buffer.from(seed);
  xorInto(maskedSeed, mgf1(db, hLen, mgfHash));
  return Buffer.concat([Buffer.from([0]), maskedSeed, db]);
}

/** The message inside an encoded block, or undefined when the block is not a valid OAEP encoding with these digests. */
export function oaepDecode(em: Buffer, hash: Digest, mgfHash: Digest): Buffer | undefined {
  const hLen = digestLength(hash);
  if (em.length < 2 * hLen + 2 || em[0] !== 0) return undefined;
  const seed = Buffer.from(em.subarray(1, 1 + hLen));
  const db = Buffer.from(em.subarray(1 + hLen));
  xorInto(seed, mgf1(db, hLen, mgfHash));
  xorInto(db, mgf1(seed, db.length, mgfHash));
  if (!timingSafeEqual(db.subarray(0, hLen), createHash(hash).digest())) return undefined;
  let i = hLen;
  while (i < db.length && db[i] === 0) i += 1;
  if (db[i] !== 1) return undefined;
  return db.subarray(i + 1);
}
