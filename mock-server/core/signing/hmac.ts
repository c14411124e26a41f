import { createHmac } from 'node:crypto';

/**
 * HMAC-SHA256 of `message` under `key` (a string key is its UTF-8 bytes): the one MAC under every
 * scheme koomock signs or checks (produce V2/Kit, V1 authToken, Body-Sign, APIG, usage push).
 * @example
 *   hmacSha256('key', 'message').toString('hex'); // '6e9ef29b…'
 */
export const hmacSha256 = (key: string | Uint8Array, message: string | Uint8Array): Buffer => createHmac('sha256', key).update(message).digest();
