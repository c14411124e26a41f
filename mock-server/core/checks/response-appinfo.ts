import { decryptV1Field, type EncryptType } from '../signing/index.js';
import type { CheckResult } from '../result.js';
import { quoted } from './cut.js';
import { isObject } from '../is-object.js';

export const RESPONSE_APPINFO = 'response.appinfo';

const ENCRYPTED_FIELDS = ['userName', 'password'] as const;

interface Located {
  readonly path: string;
  readonly appInfo: Record<string, unknown>;
  readonly encryptType: unknown;
}

/** newInstance carries `appInfo` at the top, queryInstance in `info[].appInfo`; encryptType may sit beside either. */
function locate(value: Readonly<Record<string, unknown>>): Located[] {
  const out: Located[] = [];
  if (isObject(value.appInfo)) out.push({ path: '/appInfo', appInfo: value.appInfo, encryptType: value.appInfo.encryptType ?? value.encryptType });
  if (Array.isArray(value.info)) {
    value.info.forEach((entry: unknown, i) => {
      if (isObject(entry) && isObject(entry.appInfo)) {
        out.push({ path: `/info/${i}/appInfo`, appInfo: entry.appInfo, encryptType: entry.appInfo.encryptType ?? entry.encryptType ?? value.encryptType });
      }
    });
  }
  return out;
}

/**
 * V1 answers: `appInfo.userName` and `appInfo.password` decrypt with the seller's V1 key and the
 * answer's `encryptType` (docs/fidelity.md#d19: AES-CBC, SHA1PRNG-derived key, `IV + Base64`). Plaintext is never
 * put in the result.
 * @example
 *   checkResponseAppInfo({ key, value: { resultCode: '000000', encryptType: '1', appInfo: { frontEndUrl, password: 'abcdefghijklmnop1xYu…' } } }).ok;
 */
export function checkResponseAppInfo(input: { readonly key: string; readonly value: Readonly<Record<string, unknown>> }): CheckResult {
  const expected = 'appInfo.userName/password as IV (16 chars) + Base64(AES-CBC ciphertext) under the V1 key and encryptType';
  const found = locate(input.value);
  if (found.length === 0) return { id: RESPONSE_APPINFO, ok: true, expected, received: '(no appInfo)' };
  let checked = 0;
  for (const { path, appInfo, encryptType } of found) {
    const type = encryptType === undefined ? '1' : encryptType;
    if (type !== '1' && type !== '2') {
      return {
        id: RESPONSE_APPINFO,
        ok: false,
        expected,
        received: `encryptType ${quoted(type)}`,
        hint: 'Send encryptType "1" (AES-256-CBC, the default) or "2" (AES-128-CBC) as a string, matching how userName and password were encrypted.',
      };
    }
    for (const field of ENCRYPTED_FIELDS) {
      const cipher = appInfo[field];
      if (cipher === undefined) continue;
      checked += 1;
      const result = typeof cipher === 'string' ? decryptV1Field({ key: input.key, encryptType: type as EncryptType, value: cipher }) : undefined;
      if (result?.ok === true) continue;
      return {
        id: RESPONSE_APPINFO,
        ok: false,
        expected,
        received: `${path}/${field} = ${quoted(cipher)} does not decrypt${result === undefined ? ' (not a string)' : `: ${result.detail}`}`,
        hint:
          'Encrypt with the V1 key as the Java sample does: SecureRandom.getInstance("SHA1PRNG") seeded with the key bytes feeds KeyGenerator("AES").init(256); put the 16-character IV in front of the Base64 ciphertext; encryptType must name the key size used (1 = AES-256, 2 = AES-128).',
      };
    }
  }
  return { id: RESPONSE_APPINFO, ok: true, expected, received: checked === 0 ? 'appInfo without userName/password' : `${checked} field(s) decrypt` };
}
