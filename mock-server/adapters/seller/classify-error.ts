import type { TransportErrorKind } from '../../core/ports.js';

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'HOSTNAME_MISMATCH',
  'EPROTO',
]);

const KIND_BY_CODE: Readonly<Record<string, TransportErrorKind>> = {
  ECONNREFUSED: 'refused',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  UND_ERR_SOCKET: 'reset',
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  EAI_NONAME: 'dns',
  EAI_FAIL: 'dns',
  // undici's checks on what the seller sent: a body longer or shorter than its Content-Length,
  // more than 16 KiB of headers, and its internal assertions on the status line (a status below
  // 100, a 101 without an upgrade).
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'protocol',
  UND_ERR_HEADERS_OVERFLOW: 'protocol',
  ERR_ASSERTION: 'protocol',
  ETIMEDOUT: 'timeout',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
};

const MESSAGE_MAX = 300;

/** The `code`s along an error's cause chain (undici wraps the socket error). */
function codesOf(e: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = e;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    // llhttp's parse errors often carry no code, only their name.
    else if ((current as { name?: unknown }).name === 'HTTPParserError') codes.push('HTTPParserError');
    current = (current as { cause?: unknown }).cause;
  }
  return codes;
}

function kindOf(code: string): TransportErrorKind | undefined {
  if (TLS_CODES.has(code) || code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_') || code.startsWith('CERT_')) return 'tls';
  if (code === 'HTTPParserError' || code.startsWith('HPE_')) return 'protocol';
  return KIND_BY_CODE[code];
}

/**
 * Sorts a network error into the transport's kinds, with a short message (codes and the first
 * message of the cause chain; the URL carries a signature, never a key).
 * @example
 *   classifyTransportError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }));
 *   // { error: 'refused', message: 'ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:1' }
 */
export function classifyTransportError(e: unknown): { error: TransportErrorKind; message: string } {
  const codes = codesOf(e);
  // The innermost code is the most specific (ECONNRESET under UND_ERR_SOCKET).
  const error = [...codes].reverse().map(kindOf).find((k) => k !== undefined) ?? 'other';
  let inner: unknown = e;
  while (typeof inner === 'object' && inner !== null && (inner as { cause?: unknown }).cause instanceof Error) inner = (inner as { cause: unknown }).cause;
  // One line: assertion messages and some socket errors span several.
  const text = (inner instanceof Error ? inner.message : String(e)).replace(/\s+/g, ' ').trim();
  const message = `${codes.length > 0 ? `${codes.join('/')}: ` : ''}${text}`;
  return { error, message: message.length > MESSAGE_MAX ? `${message.slice(0, MESSAGE_MAX)}…` : message };
}
