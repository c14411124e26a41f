/** Produce-side signing: one module per scheme, each compute*() / verify*() -> Verdict / diagnose*(). */
export { decryptV1Field, deriveAesKey, type DecryptResult, type EncryptType, type EncryptV1FieldInput, encryptV1Field } from './v1/aes.js';
export {
  BODY_SIGN_TYPE,
  type BodySignInput,
  computeBodySign,
  diagnoseBodySign,
  parseBodySignHeader,
  toBodySignHeader,
  verifyBodySign,
} from './body-sign/body-sign.js';
export { parseJsonObject, toCanonicalJson } from './canonical-json.js';
export { isObject as isJsonObject } from '../is-object.js';
export { computeKitSignature, diagnoseKitSignature, type KitDiagnoseInput, type KitVerifyInput, verifyKitSignature } from './kit/kit.js';
export type { KnownMistake, SignatureDiagnosis } from './mistakes.js';
export { listProduceMistakeIds, type ProduceDiagnoseInput, type ProduceDiagnosis } from './produce/mistakes.js';
export { KEY_PLACEHOLDER, type ProduceScheme, type ProduceSignInput } from './produce/signature.js';
export type { ProduceVerdict, ProduceVerifyOptions } from './produce/verify.js';
export { type ClientSecretResult, decryptClientSecret, encryptClientSecret, MIN_RSA_BITS, OAEP_VARIANTS, OAEP_VARIANT_TEXT, type OaepHash, otherVariantsHint } from './kit/rsa-oaep.js';
export { secureEqual, secureEqualHex } from './secure-equal.js';
export { createSha1Prng, type Sha1Prng } from './v1/sha1prng.js';
export { checkTimestampWindow, DEFAULT_WINDOW_MS } from './timestamp-window.js';
export { computeV1AuthToken, diagnoseV1AuthToken, toV1Message, type V1Verdict, verifyV1AuthToken } from './v1/auth-token.js';
export { computeV2Signature, diagnoseV2Signature, type V2VerifyInput, verifyV2Signature } from './produce/v2.js';
export * from './open-api-signing.js';
export { AGENT_JWT_TTL_MS, type AgentJwtClaims, type AgentJwtInput, type AgentJwtVerdict, signAgentJwt, verifyAgentJwt } from './agent-jwt/jwt.js';
