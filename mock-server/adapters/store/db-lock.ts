/**
 * One process per state file: `<db>.lock`, created exclusively and holding the owner's pid, is
 * taken when the SQLite store opens and removed when it closes. A second process finds the lock,
 * sees its owner alive and refuses to start, naming it; a lock left by a killed process (its pid no
 * longer runs) is taken over. Stores opened twice in one process share the lock.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { KoomockError } from '../../core/errors.js';

/** Stores open in this process, per lock file. */
const held = new Map<string, number>();

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, under another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const readOwner = (lockPath: string): number | undefined => {
  try {
    const pid = Number.parseInt(readFileSync(lockPath, 'utf8').trim(), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
};

function create(lockPath: string): boolean {
  try {
    const fd = openSync(lockPath, 'wx', 0o600);
    try {
      writeSync(fd, `${process.pid}\n`);
    } finally {
      closeSync(fd);
    }
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

/**
 * Takes the lock of the state file `dbPath`, or throws STORE_FAILED naming the process that holds
 * it; returns the release function.
 * @example const release = lockStateFile('.koomock/state.db'); ... release();
 */
export function lockStateFile(dbPath: string): () => void {
  const lockPath = `${dbPath}.lock`;
  const count = held.get(lockPath);
  if (count === undefined) {
    for (let tries = 0; !create(lockPath); tries += 1) {
      let owner = readOwner(lockPath);
      if (owner === undefined) {
        // Created but not written yet by a process starting at the same moment: give it 100 ms.
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
        owner = readOwner(lockPath);
      }
      if (owner !== undefined && owner !== process.pid && isRunning(owner)) {
        throw new KoomockError(
          'STORE_FAILED',
          `the state file ${dbPath} is in use by another koomock process (pid ${owner}): stop that one first, or give this one its own file (--db <path>, KOOMOCK_DB)`,
          { path: dbPath, pid: owner },
        );
      }
      // A lock left by a process that no longer runs (or half written): take it over.
      if (tries >= 3) throw new KoomockError('STORE_FAILED', `could not take the lock ${lockPath}: remove it if no koomock uses ${dbPath}`, { path: dbPath });
      rmSync(lockPath, { force: true });
    }
  }
  held.set(lockPath, (count ?? 0) + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (held.get(lockPath) ?? 1) - 1;
    if (left > 0) {
      held.set(lockPath, left);
      return;
    }
    held.delete(lockPath);
    if (readOwner(lockPath) === process.pid) rmSync(lockPath, { force: true });
  };
}
