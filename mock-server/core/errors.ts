/**
 * Errors are for bugs and for bad input from the user of koomock (a broken scenario file,
 * a missing key). A seller's mistakes are never errors: they are `CheckResult`s.
 */
export type KoomockErrorCode =
  | 'USAGE'
  | 'CONFIG_INVALID'
  | 'KEY_MISSING'
  | 'INPUT_INVALID'
  | 'SCENARIO_INVALID'
  | 'SCHEMA_MISSING'
  | 'SELLER_UNREACHABLE'
  | 'STORE_FAILED'
  | 'NOT_FOUND'
  | 'CONFLICT';

export class KoomockError extends Error {
  readonly code: KoomockErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: KoomockErrorCode, message: string, details: Record<string, unknown> = {}, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'KoomockError';
    this.code = code;
    this.details = details;
  }
}

export const isKoomockError = (e: unknown): e is KoomockError => e instanceof KoomockError;

export const usageError = (message: string, details?: Record<string, unknown>) =>
  new KoomockError('USAGE', message, details);

export const inputError = (message: string, details?: Record<string, unknown>, cause?: unknown) =>
  new KoomockError('INPUT_INVALID', message, details, cause);

export const configError = (message: string, details?: Record<string, unknown>, cause?: unknown) =>
  new KoomockError('CONFIG_INVALID', message, details, cause);

export const keyMissing = (which: string, hint: string) =>
  new KoomockError('KEY_MISSING', `${which} is not set: ${hint}`, { which });

export const scenarioError = (message: string, details?: Record<string, unknown>) =>
  new KoomockError('SCENARIO_INVALID', message, details);

