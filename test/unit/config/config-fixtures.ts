import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
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
