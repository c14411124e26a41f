/**
 * Seller -> marketplace signing (open-api.md §2, §3.3.1; docs/fidelity.md, docs/fidelity.md#d26): APIG
 * `SDK-HMAC-SHA256` and the usage-push body signature. The lead merges these into `index.ts`.
 */
export {
  type ApigAuthorization,
  type ApigSigned,
  type ApigSignInput,
  parseApigAuthorization,
  signApigRequest,
  toApigAuthorization,
  toDebugCanonical,
} from './apig/apig.js';
export {
  APIG_ALGORITHM,
  type ApigCanonicalParts,
  computeApigSignature,
  joinApigCanonicalRequest,
  toApigCanonicalParts,
  toApigCanonicalQuery,
  toApigCanonicalUri,
  toApigStringToSign,
  UNSIGNED_PAYLOAD,
} from './apig/canonical.js';
export { parseSdkDate, toSdkDate } from './apig/sdk-date.js';
export { APIG_MISTAKES, diagnoseApigSignature } from './apig/diagnose.js';
export { type ApigRequest, type ApigVerdict, type ApigVerifyContext, type ApigVerifyOptions, verifyApigRequest } from './apig/verify.js';
export { encodeRfc3986 } from './apig/rfc3986.js';
export {
  computeUsageSignature,
  isNaturallySorted,
  toUsageSigningBytes,
  type UsageSignatureInput,
  type UsageVerdict,
  type UsageVerifyInput,
  type UsageVerifyOptions,
  verifyUsageSignature,
} from './usage/usage.js';
export { diagnoseUsageSignature } from './usage/diagnose.js';
export { USAGE_MISTAKES } from './usage/mistakes.js';
