/**
 * Verifies the JWT the KooGallery Agents gateway sends in `Authorization: Bearer <jwt>` (AK/SK mode):
 * decode the payload to read `api_key`, look up its SK, check the HS256 signature in constant time,
 * then the expiry. Written from the platform's description alone (docs/agents.md), with node:crypto.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export type JwtVerdict = { ok: true; apiKey: string } | { ok: false; why: string };

const decode = (part: string): Record<string, unknown> | undefined => {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
};

/** Constant time, whatever the lengths. */
const sameBytes = (a: Buffer, b: Buffer): boolean => a.length === b.length && timingSafeEqual(a, b);

/**
 * @param header the Authorization header as received
 * @param keys SK by AK
 * @param nowMs the backend's own clock
 */
export function verifyGatewayJwt(header: string | undefined, keys: ReadonlyMap<string, string>, nowMs: number): JwtVerdict {
  const token = header?.startsWith('Bearer ') === true ? header.slice('Bearer '.length).trim() : undefined;
  if (token === undefined) return { ok: false, why: 'missing Bearer token' };
  const [h, p, s, extra] = token.split('.');
  if (h === undefined || p === undefined || s === undefined || extra !== undefined) return { ok: false, why: 'not a JWT' };
  const head = decode(h);
  const claims = decode(p);
  if (head?.['alg'] !== 'HS256' || claims === undefined) return { ok: false, why: 'not an HS256 JWT' };
  const apiKey = claims['api_key'];
  const sk = typeof apiKey === 'string' ? keys.get(apiKey) : undefined;
  if (typeof apiKey !== 'string' || sk === undefined) return { ok: false, why: 'unknown api_key' };
  const expected = createHmac('sha256', sk).update(`${h}.${p}`).digest();
  if (!sameBytes(expected, Buffer.from(s, 'base64url'))) return { ok: false, why: 'bad signature' };
  const exp = claims['exp'];
  if (typeof exp !== 'number' || exp * 1000 <= nowMs) return { ok: false, why: 'expired' };
  return { ok: true, apiKey };
}
