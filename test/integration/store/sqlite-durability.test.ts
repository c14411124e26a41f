import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { createSqliteStore } from '../../../mock-server/adapters/store/sqlite-store.js';
import { SCHEMA_VERSION } from '../../../mock-server/adapters/store/sqlite-schema.js';
import { isKoomockError } from '../../../mock-server/core/errors.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');

const it = test.extend('dir', async ({}, { onCleanup }) => {
  const dir = mkdtempSync(join(tmpdir(), 'koomock-sqlite-'));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
});

/** Resolves when the child has printed `marker`; rejects if it exits first. */
const waitFor = (child: ChildProcess, marker: string): Promise<void> =>
  new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes(marker)) resolve();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('exit', (code, signal) => reject(new Error(`child exited (${code ?? signal}) before "${marker}": ${err}`)));
  });

const storeError = (fn: () => unknown): { code?: string; message?: string } => {
  try {
    fn();
  } catch (e) {
    return isKoomockError(e) ? { code: e.code, message: e.message } : { code: 'not a KoomockError' };
  }
  return {};
};

describe('sqlite store on disk', () => {
  it('keeps acknowledged usage records when the process is killed with SIGKILL right after the ack', async ({ dir }) => {
    const path = join(dir, 'state.db');
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'usage-writer-child.ts'), path], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    await waitFor(child, 'acked 50');
    child.kill('SIGKILL');
    expect(await exited).toBe(null);

    const raw = new Database(path);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();
    const store = createSqliteStore(path);
    const sns = new Set(store.listUsage().map((u) => u.metering_sn));
    store.close();
    for (let i = 0; i < 50; i++) expect(sns.has(`acked-${i}`)).toBe(true);
  });

  it('keeps everything across close and reopen', ({ dir }) => {
    const path = join(dir, 'state.db');
    const first = createSqliteStore(path);
    first.setSetting('ak', 'x');
    first.setClockOffset(42);
    first.putFile({ eventId: 'e', sellerId: 's', receivedAt: 1, type: 'FILE', fileName: 'a.bin', sha256: '00', content: new Uint8Array([1, 2, 3]) });
    const id = first.appendExchange({ direction: 'inbound', operation: 'usage.push', request: {}, startedAt: 1, durationMs: 2, verdicts: [] });
    first.close();

    const second = createSqliteStore(path);
    expect(second.getSetting('ak')).toBe('x');
    expect(second.getClockOffset()).toBe(42);
    const file = second.getFile(1);
    expect(file?.type === 'FILE' && [...file.content]).toEqual([1, 2, 3]);
    expect(second.getExchange(id)?.operation).toBe('usage.push');
    second.close();
  });

  it('creates the parent folders, uses WAL and records the schema version', ({ dir }) => {
    const path = join(dir, 'a', 'b', 'state.db');
    createSqliteStore(path).close();
    const raw = new Database(path);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    raw.close();
  });

  it('refuses to change journal entries, or delete any but the oldest, even through raw SQL', ({ dir }) => {
    const path = join(dir, 'state.db');
    const store = createSqliteStore(path);
    for (let i = 0; i < 3; i++) store.appendExchange({ direction: 'outbound', operation: 'newInstance', request: {}, startedAt: 1, durationMs: 2, verdicts: [] });
    store.close();
    const raw = new Database(path);
    expect(() => raw.exec("UPDATE exchanges SET operation = 'x'")).toThrow(/append-only/);
    expect(() => raw.exec('DELETE FROM exchanges WHERE id = 2')).toThrow(/append-only/);
    expect(() => raw.exec('DELETE FROM exchanges WHERE id = 3')).toThrow(/append-only/);
    // Retention removes from the oldest end only.
    raw.exec('DELETE FROM exchanges WHERE id = 1');
    expect(raw.prepare('SELECT id FROM exchanges ORDER BY id').pluck().all()).toEqual([2, 3]);
    raw.close();
  });

  it('moves the uploads of a version 1 file (bytes inside the files table) to their own table, intact', ({ dir }) => {
    const path = join(dir, 'state.db');
    createSqliteStore(path).close();
    // Turn the fresh file back into version 1: files with their bytes inline.
    const raw = new Database(path);
    raw.exec(`DROP TABLE file_contents; DROP TABLE files;
      CREATE TABLE files (id INTEGER PRIMARY KEY, event_id TEXT NOT NULL, seller_id TEXT NOT NULL, type TEXT NOT NULL,
        file_name TEXT, sha256 TEXT, size INTEGER NOT NULL, content BLOB NOT NULL, received_at INTEGER NOT NULL);
      CREATE INDEX files_event ON files (event_id);
      INSERT INTO files VALUES (1, 'e', 's', 'FILE', 'a.bin', 'ab', 3, x'010203', 7), (2, 'e', 's', 'CHARACTERS', NULL, NULL, 1, 'x', 8);`);
    raw.pragma('user_version = 1');
    raw.close();
    const store = createSqliteStore(path);
    expect(store.listFiles()).toEqual([
      { id: 1, eventId: 'e', sellerId: 's', receivedAt: 7, size: 3, type: 'FILE', fileName: 'a.bin', sha256: 'ab' },
      { id: 2, eventId: 'e', sellerId: 's', receivedAt: 8, size: 1, type: 'CHARACTERS', content: 'x' },
    ]);
    expect([...(store.readFileBytes(1, 1, 5) ?? [])]).toEqual([2, 3]);
    const file = store.getFile(1);
    expect(file?.type === 'FILE' && [...file.content]).toEqual([1, 2, 3]);
    store.close();
  });

  it('refuses a file written by a newer schema', ({ dir }) => {
    const path = join(dir, 'state.db');
    const raw = new Database(path);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    const error = storeError(() => createSqliteStore(path));
    expect(error.code).toBe('STORE_FAILED');
    expect(error.message).toContain('newer');
  });

  it('explains a path it cannot open', ({ dir }) => {
    const blocker = join(dir, 'file');
    writeFileSync(blocker, 'not a folder');
    const error = storeError(() => createSqliteStore(join(blocker, 'state.db')));
    expect(error.code).toBe('STORE_FAILED');
    expect(error.message).toContain('choose another state path');
  });

  it('opens a throwaway in-memory database for :memory:', () => {
    const store = createSqliteStore(':memory:');
    store.setSetting('k', 'v');
    expect(store.getSetting('k')).toBe('v');
    store.close();
  });
});
