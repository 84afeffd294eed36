/**
 * An exclusive lock file on the embedded store's data directory. PGlite has no cross-process
 * locking, and two processes writing one data directory corrupt it; the second gets
 * SECCOM_STORE_LOCKED instead. A lock whose process is dead (same host, pid gone) is stale and
 * taken over.
 */
import { closeSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { SeccomError } from '../errors/index.ts';

export const lockFileName = 'seccom.lock';

interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

export interface DirLock {
  readonly path: string;
  release(): void;
}

function readOwner(path: string): LockOwner | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockOwner;
  } catch {
    return undefined; // absent, or half-written by a process that died while writing it
  }
}

function isAlive(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true; // cannot tell from here: assume alive
  if (owner.pid === process.pid) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tryCreate(path: string): boolean {
  try {
    const fd = openSync(path, 'wx');
    writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
    closeSync(fd);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

/** Takes the lock on `dir` (which must exist) or throws SECCOM_STORE_LOCKED. */
export function lockDir(dir: string): DirLock {
  const path = join(dir, lockFileName);
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(path)) {
      let held = true;
      return {
        path,
        release() {
          if (!held) return;
          held = false;
          try {
            unlinkSync(path);
          } catch {
            // already gone: nothing to release
          }
        },
      };
    }
    const owner = readOwner(path);
    if (owner && isAlive(owner)) {
      throw new SeccomError(
        'SECCOM_STORE_LOCKED',
        `data directory ${dir} is in use by process ${owner.pid} on ${owner.host} since ${owner.since}`,
        { location: { file: path }, details: owner },
      );
    }
    // Stale: move it aside atomically, so that of two processes taking it over only one wins.
    const aside = `${path}.stale-${process.pid}`;
    try {
      renameSync(path, aside);
    } catch {
      continue; // someone else moved it first; try again
    }
    const moved = readOwner(aside);
    if (owner && moved && moved.pid !== owner.pid) {
      renameSync(aside, path); // we moved a fresh lock taken meanwhile: put it back
      continue;
    }
    unlinkSync(aside);
  }
  throw new SeccomError('SECCOM_STORE_LOCKED', `data directory ${dir} is being locked by another process; try again`, {
    location: { file: path },
  });
}
