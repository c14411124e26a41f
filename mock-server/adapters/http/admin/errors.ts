/**
 * Admin API errors: `{"error": {"code", "message"}}`, the message saying what was expected, what
 * arrived and what to do. KoomockErrors from the core (bad order input) map by their code.
 */
import type { ErrorRequestHandler, Response } from 'express';
import { isKoomockError } from '../../../core/errors.js';
import { isBodyReadError, isBodyTooLarge, MAX_BODY_BYTES } from '../gateway-errors.js';
import type { AdminErrorBody, AdminErrorCode } from './types.js';

const STATUS: Readonly<Record<AdminErrorCode, number>> = {
  INPUT_INVALID: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INTERNAL: 500,
};

/** An admin error a handler throws on purpose. */
export class AdminError extends Error {
  readonly code: AdminErrorCode;
  constructor(code: AdminErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

export const invalid = (message: string): AdminError => new AdminError('INPUT_INVALID', message);
export const notFound = (message: string): AdminError => new AdminError('NOT_FOUND', message);
export const forbidden = (message: string): AdminError => new AdminError('FORBIDDEN', message);

export function sendAdminError(res: Response, code: AdminErrorCode, message: string): void {
  const body: AdminErrorBody = { error: { code, message } };
  res.status(STATUS[code]).json(body);
}

/** Any thrown value -> the admin error it means; unknown throws are internal and say nothing more. */
export function toAdminError(err: unknown): AdminError {
  if (err instanceof AdminError) return err;
  if (isBodyTooLarge(err)) return new AdminError('PAYLOAD_TOO_LARGE', `the body is larger than ${MAX_BODY_BYTES} bytes: send less`);
  if (isKoomockError(err)) {
    if (err.code === 'NOT_FOUND') return notFound(err.message);
    if (err.code === 'INPUT_INVALID' || err.code === 'USAGE') return invalid(err.message);
  }
  // express sets status 400 on path parameters it cannot decode (`/orders/%ZZ`).
  const status = typeof err === 'object' && err !== null ? (err as { status?: unknown }).status : undefined;
  if (isBodyReadError(err) || status === 400) return invalid('the request could not be read (malformed path or body): check the URL encoding and send the whole body');
  return new AdminError('INTERNAL', 'koomock failed to answer this admin call; the emulator keeps running. Please report it with the request that caused it');
}

export const adminErrorHandler: ErrorRequestHandler = (err, _req, res, _next) => {
  if (res.headersSent) {
    res.socket?.destroy();
    return;
  }
  const e = toAdminError(err);
  sendAdminError(res, e.code, e.message);
};
