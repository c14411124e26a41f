import type { ExpectStatic } from 'vitest';
import { type CliRun, linesOf } from './run-cli.js';

/** Placed in a key or SK so that a test can assert it is never echoed. */
export const SECRET_SENTINEL = 'SECRET-SENTINEL-do-not-echo';

export interface OneLineError {
  /** The exit code: 2 for bad input, 1 for a check that failed. */
  readonly code: number;
  /** A piece of text the one stderr line must contain (the flag or the cause it names). */
  readonly says: string;
  /** Must not appear on stderr. */
  readonly secret: string;
}

/**
 * Asserts the documented failure shape of a CLI run: exit `code`, nothing on stdout, one line on stderr that
 * names `says` and never the secret. Takes the test's own `expect`, as concurrent tests must.
 * @example
 *   expectOneLineError(expect, await runCli(['aes', '--key', SECRET_SENTINEL]), { code: 2, says: 'needs an action', secret: SECRET_SENTINEL });
 */
export const expectOneLineError = (expect: ExpectStatic, run: CliRun, { code, says, secret }: OneLineError): void => {
  expect(run.code).toBe(code);
  expect(run.stdout).toBe('');
  expect(linesOf(run.stderr)).toHaveLength(1);
  expect(run.stderr).toContain(says);
  expect(run.stderr).not.toContain(secret);
};
