import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { type LoadConfigOptions, loadConfig } from '../../../mock-server/config/load.js';
import type { KoomockConfig } from '../../../mock-server/config/types.js';
import { isKoomockError, type KoomockError } from '../../../mock-server/core/errors.js';

/** A fresh temporary folder per test, removed afterwards. */
export const it = test.extend('dir', async ({}, { onCleanup }) => {
  const dir = mkdtempSync(join(tmpdir(), 'koomock-config-'));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
});

/** Writes `text` to `dir/name` and returns the absolute path. */
export const writeIn = (dir: string, name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

/** The KoomockError `fn` throws; fails the test if it throws anything else or nothing. */
export function errorOf(fn: () => unknown): KoomockError {
  try {
    fn();
  } catch (e) {
    if (isKoomockError(e)) return e;
    throw e;
  }
  expect.fail('expected a KoomockError, but nothing was thrown');
}

/** The KoomockError `loadConfig` throws once `text` is written to `dir/file` (no variables set). */
export const loadErrorOf = (dir: string, text: string, file = 'koomock.config.yaml'): KoomockError => {
  writeIn(dir, file, text);
  return errorOf(() => loadConfig({ env: {}, cwd: dir }));
};

/** One config key, read from a loaded config, and the value one setting is expected to give it. */
export interface KeyRow {
  readonly read: (c: KoomockConfig) => unknown;
  readonly expected: unknown;
}

/**
 * Asserts that the key `row.read` picks is not `row.expected` by default, and is once `given` (variables or flags) apply.
 * @example
 *   expectSetsKey(dir, { read: (c) => c.server.port, expected: 9091 }, { env: { KOOMOCK_PORT: '9091' } });
 */
export const expectSetsKey = (dir: string, { read, expected }: KeyRow, given: Partial<Pick<LoadConfigOptions, 'env' | 'flags'>>): void => {
  expect(read(loadConfig({ env: {}, cwd: dir }).config)).not.toEqual(expected);
  expect(read(loadConfig({ env: {}, ...given, cwd: dir }).config)).toEqual(expected);
};
