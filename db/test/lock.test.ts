import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDb,
  DatabaseLockedError,
  insertUser,
  readDbEnv,
  resolveDataDir,
  selectOptionalUserByEmail,
  type DbHandle,
} from '../src/index';
import { findRepoRoot } from '../src/paths';
import { prepareTestSnapshot } from '../src/test/testDb';

// The lock and persistence concern PGlite's on-disk mode only, so this suite runs on PGlite alone.
const fixture = fileURLToPath(new URL('./fixtures/openDataDir.ts', import.meta.url));

interface ChildReport {
  ok: boolean;
  pid?: number;
  name?: string;
  message?: string;
}

/** Starts the fixture in its own node process; resolves with its first report line. */
function startChild(dataDir: string, mode: 'try' | 'hold' | 'exit-without-close'): { child: ChildProcess; report: Promise<ChildReport> } {
  const child = spawn(process.execPath, ['--import', 'tsx', fixture, dataDir, mode], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DATABASE_URL: '' },
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const report = new Promise<ChildReport>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (line) => resolve(JSON.parse(line) as ChildReport));
    child.once('exit', (code) => reject(new Error(`child exited (${code}) without a report: ${stderr}`)));
  });
  return { child, report };
}

function waitForExit(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('embedded database directory [pglite]', () => {
  let root: string;
  let dataDir: string;
  const email = 'persisted@example.test';

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'deltalab-lock-'));
    // A nested path: createDb must create the parents PGlite will not.
    dataDir = join(root, 'nested', 'data');
    const handle = await createDb({ dataDir });
    expect(handle.driver).toBe('pglite');
    expect(handle.pgliteDir).toBe(join(dataDir, 'pglite'));
    await insertUser(handle.db, { email, name: 'Persisted' });
    await handle.close();
  });

  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('keeps rows across close and reopen', async () => {
    const handle = await createDb({ dataDir });
    try {
      expect(await selectOptionalUserByEmail(handle.db, email)).toMatchObject({ name: 'Persisted' });
    } finally {
      await handle.close();
    }
  });

  it('holds a lock file naming this process while open, and removes it on close', async () => {
    const lockFile = join(dataDir, 'pglite.lock');
    const handle = await createDb({ dataDir });
    const holder = JSON.parse(readFileSync(lockFile, 'utf8')) as { pid: number; hostname: string; startedAt: string };
    expect(holder).toMatchObject({ pid: process.pid, hostname: hostname() });
    expect(Number.isNaN(Date.parse(holder.startedAt))).toBe(false);
    await handle.close();
    expect(existsSync(lockFile)).toBe(false);
  });

  it('refuses a second open in the same process, saying to reuse the handle', async () => {
    const handle = await createDb({ dataDir });
    try {
      const error = await createDb({ dataDir }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DatabaseLockedError);
      expect((error as Error).message).toContain(`in ${dataDir} is in use by process ${process.pid}`);
      expect((error as Error).message).toContain('which is this process: reuse its database handle');
    } finally {
      await handle.close();
    }
  });

  it('makes a second process fail with a clear error while this one holds the directory', async () => {
    const handle: DbHandle = await createDb({ dataDir });
    try {
      const { child, report } = startChild(dataDir, 'try');
      const result = await report;
      expect(await waitForExit(child)).toBe(3);
      expect(result.ok).toBe(false);
      expect(result.name).toBe('DatabaseLockedError');
      expect(result.message).toContain(`The embedded database in ${dataDir} is in use by process ${process.pid} on ${hostname()}`);
      expect(result.message).toContain('stop the other `npm start` or set DELTALAB_DATA_DIR / DATABASE_URL');
      // The refused process did not disturb the holder.
      expect(await selectOptionalUserByEmail(handle.db, email)).toBeDefined();
    } finally {
      await handle.close();
    }
  });

  it('is refused while another process holds it, and taken over once that process is killed', async () => {
    const { child, report } = startChild(dataDir, 'hold');
    const held = await report;
    expect(held.ok).toBe(true);
    const error = await createDb({ dataDir }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DatabaseLockedError);
    expect((error as DatabaseLockedError).holder?.pid).toBe(held.pid);
    // SIGKILL runs no exit hook: the lock file stays behind, naming a dead pid.
    child.kill('SIGKILL');
    await waitForExit(child);
    expect(existsSync(join(dataDir, 'pglite.lock'))).toBe(true);
    const handle = await createDb({ dataDir });
    try {
      expect(await selectOptionalUserByEmail(handle.db, email)).toMatchObject({ name: 'Persisted' });
    } finally {
      await handle.close();
    }
  });

  it('releases the lock when a process exits without closing', async () => {
    const { child, report } = startChild(dataDir, 'exit-without-close');
    expect((await report).ok).toBe(true);
    expect(await waitForExit(child)).toBe(0);
    expect(existsSync(join(dataDir, 'pglite.lock'))).toBe(false);
  });

  it('takes over a stale lock left by a dead process', async () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(join(dataDir, 'pglite.lock'), JSON.stringify({ pid: dead, hostname: hostname(), startedAt: '2020-01-01T00:00:00Z' }));
    const handle = await createDb({ dataDir });
    await handle.close();
    expect(existsSync(join(dataDir, 'pglite.lock'))).toBe(false);
  });

  it('treats a lock from another host as held (its pid cannot be checked from here)', async () => {
    const lockFile = join(dataDir, 'pglite.lock');
    writeFileSync(lockFile, JSON.stringify({ pid: 1234, hostname: 'some-other-host', startedAt: '2020-01-01T00:00:00Z' }));
    try {
      await expect(createDb({ dataDir })).rejects.toThrow(`in use by process 1234 on some-other-host`);
    } finally {
      rmSync(lockFile, { force: true });
    }
  });
});

describe('database settings', () => {
  it('reject a DATABASE_URL that is not a postgres URL, naming the variable', () => {
    expect(() => readDbEnv({ DATABASE_URL: 'mysql://localhost/x' })).toThrow(
      'Invalid database settings: DATABASE_URL: DATABASE_URL must be a postgres:// or postgresql:// URL',
    );
    expect(readDbEnv({ DATABASE_URL: '  ' }).DATABASE_URL).toBeUndefined();
    expect(readDbEnv({ DATABASE_URL: 'postgresql://u@h/db' }).DATABASE_URL).toBe('postgresql://u@h/db');
  });

  it('resolve the data directory from options, then DELTALAB_DATA_DIR (relative to the repo root), then <repo>/.data', () => {
    const repo = findRepoRoot();
    expect(existsSync(join(repo, 'db', 'package.json'))).toBe(true);
    expect(resolveDataDir({ dataDir: '/srv/x', env: { DELTALAB_DATA_DIR: '/ignored' } })).toBe('/srv/x');
    expect(resolveDataDir({ env: { DELTALAB_DATA_DIR: 'tmp/data' } })).toBe(join(repo, 'tmp', 'data'));
    expect(resolveDataDir({ env: {} })).toBe(join(repo, '.data'));
    expect(resolveDataDir({ dataDir: 'memory://' })).toBe('memory://');
  });

  it('use PGlite for an explicit dataDir even when DATABASE_URL is set', async () => {
    const snapshot = new Blob([readFileSync(await prepareTestSnapshot())]);
    const handle = await createDb({ dataDir: 'memory://', env: { DATABASE_URL: 'postgres://nowhere.invalid/db' }, loadDataDir: snapshot });
    try {
      expect(handle.driver).toBe('pglite');
    } finally {
      await handle.close();
    }
  });
});
