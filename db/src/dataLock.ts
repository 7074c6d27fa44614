import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';

/**
 * PGlite has no lock of its own, and two processes on one directory corrupt it silently. This is the lock:
 * a file created with O_EXCL holding the owner's pid, host and start time.
 */
export class DatabaseLockedError extends Error {
  override readonly name = 'DatabaseLockedError';
  constructor(
    readonly dataDir: string,
    readonly lockFile: string,
    readonly holder: LockHolder | null,
  ) {
    const who = holder
      ? `process ${holder.pid} on ${holder.hostname} (since ${holder.startedAt})` +
        (holder.pid === process.pid && holder.hostname === hostname() ? ', which is this process: reuse its database handle' : '')
      : 'another process';
    super(
      `The embedded database in ${dataDir} is in use by ${who}. ` +
        'Only one process may open it: stop the other `npm start` or set DELTALAB_DATA_DIR / DATABASE_URL. ' +
        `If no such process is running, delete ${lockFile}.`,
    );
  }
}

export interface LockHolder {
  pid: number;
  hostname: string;
  startedAt: string;
}

export interface DataDirLock {
  readonly lockFile: string;
  release(): void;
}

// A lock file that cannot be parsed may be one being written right now; only an old one is stale.
const unreadableLockGraceMs = 5_000;

export function acquireDataDirLock(dataDir: string, lockFile: string): DataDirLock {
  const me: LockHolder = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString() };
  const content = JSON.stringify(me);
  for (let tries = 0; tries < 3; tries++) {
    let fd: number;
    try {
      fd = openSync(lockFile, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const seen = readLock(lockFile);
      if (seen === undefined) continue; // removed meanwhile: try again
      if (!isStale(seen, lockFile)) throw new DatabaseLockedError(dataDir, lockFile, seen.holder);
      // Re-read right before removing so we do not delete a lock someone else has just taken over.
      const again = readLock(lockFile);
      if (again !== undefined && again.raw === seen.raw) removeQuietly(lockFile);
      continue;
    }
    try {
      writeSync(fd, content);
    } finally {
      closeSync(fd);
    }
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      process.removeListener('exit', release);
      // Only remove the file if it is still ours.
      if (readLock(lockFile)?.raw === content) removeQuietly(lockFile);
    };
    process.on('exit', release);
    return { lockFile, release };
  }
  throw new DatabaseLockedError(dataDir, lockFile, readLock(lockFile)?.holder ?? null);
}

function readLock(lockFile: string): { raw: string; holder: LockHolder | null } | undefined {
  let raw: string;
  try {
    raw = readFileSync(lockFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const parsed = JSON.parse(raw) as Partial<LockHolder>;
    if (typeof parsed.pid === 'number' && typeof parsed.hostname === 'string') {
      return { raw, holder: { pid: parsed.pid, hostname: parsed.hostname, startedAt: String(parsed.startedAt) } };
    }
  } catch {
    // fall through: unreadable
  }
  return { raw, holder: null };
}

function isStale(seen: { holder: LockHolder | null }, lockFile: string): boolean {
  if (seen.holder === null) {
    try {
      return Date.now() - statSync(lockFile).mtimeMs > unreadableLockGraceMs;
    } catch {
      return true;
    }
  }
  // A pid on another host cannot be checked from here: treat it as alive.
  if (seen.holder.hostname !== hostname()) return false;
  return !isProcessAlive(seen.holder.pid);
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function removeQuietly(file: string) {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
