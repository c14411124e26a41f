import type { EncryptType } from '../signing/index.js';
import type { FidelityProfile } from '../profile.js';

/**
 * The V1 `encryptType` each value of the profile option `v1EncryptType` stands for: `1` =
 * AES-256-CBC (the platform's default), `2` = AES-128-CBC (produce-api.md §7, docs/v1.md).
 */
export const V1_ENCRYPT_TYPE: Readonly<Record<FidelityProfile['v1EncryptType'], EncryptType>> = { aes256: '1', aes128: '2' };
