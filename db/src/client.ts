import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { acquireDataDirLock, type DataDirLock } from './dataLock';
import type { Database } from './database';
import { migrate } from './migrate';
import { findRepoRoot } from './paths';
import * as schema from './schema';
import { startDeadRowVacuum } from './pglite/deadRowVacuum';
import { ensurePrivateDir } from './privateDir';
import { keepSessionAccountsOf } from './queries/users';

export type DriverName = 'pglite' | 'postgres';

export interface SqlRows {
  rows: Record<string, unknown>[];
}

export interface DbHandle {
  /** drizzle over the schema; pass it to the query functions. */
  db: Database;
  driver: DriverName;
  /**
   * Raw SQL with $1… parameters, for pg-boss (`new PgBoss({ db: { executeSql } })`). Without values the text may
   * hold several statements (pg-boss installs its schema that way).
   */
  executeSql(text: string, values?: unknown[]): Promise<SqlRows>;
  /**
   * LISTEN on a channel (NOTIFYs are delivered after their transaction commits); resolves to the function that stops
   * listening. postgres.js keeps a dedicated connection for it and listens again after a reconnect.
   */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  /** The app data directory (PGlite only; the auth secret may live here too). */
  dataDir: string | null;
  /** Where PGlite keeps its files, or 'memory://'. */
  pgliteDir: string | null;
  /** PGlite only: its thread's id as the OS knows it (Linux), whose CPU time the load benchmark's breakdown reads. */
  threadId: number | null;
  /** PGlite only: the whole cluster as a tarball (`loadDataDir` takes it back), for test snapshots. */
  dumpDataDir: ((compression?: 'gzip' | 'none') => Promise<Blob>) | null;
  close(): Promise<void>;
}

export interface CreateDbOptions {
  /** A postgres:// URL; defaults to DATABASE_URL. When neither is set, PGlite is used. */
  url?: string;
  /** App data directory for PGlite (files under `<dataDir>/pglite`), or 'memory://' for a throwaway in-memory db.
   *  Defaults to DELTALAB_DATA_DIR, then `<repo root>/.data`. */
  dataDir?: string;
  /** Apply pending migrations before returning (default true). */
  migrate?: boolean;
  /** PGlite only: start from this snapshot (a `dumpDataDir()` tarball) instead of an empty cluster. */
  loadDataDir?: Blob;
  /**
   * PGlite only: how often its tables are looked at and those with many dead rows vacuumed (default 10 s; see
   * pglite/deadRowVacuum.ts); null: never, for a benchmark that compares.
   */
  vacuumIntervalMs?: number | null;
  /** postgres.js pool size (default 10). */
  maxConnections?: number;
  env?: NodeJS.ProcessEnv;
}

export const memoryDataDir = 'memory://';

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : undefined))
    .pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// or postgresql:// URL')
        .optional(),
    ),
  DELTALAB_DATA_DIR: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : undefined)),
});

/** Reads and validates the database settings from the environment (throws a message naming the variable). */
export function readDbEnv(env: NodeJS.ProcessEnv = process.env) {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid database settings: ${problems.join('; ')}`);
  }
  return parsed.data;
}

/** The app data directory PGlite would use with these options (absolute), or 'memory://'. */
export function resolveDataDir(options: Pick<CreateDbOptions, 'dataDir' | 'env'> = {}): string {
  const dir = options.dataDir ?? readDbEnv(options.env).DELTALAB_DATA_DIR ?? join(findRepoRoot(), '.data');
  if (dir === memoryDataDir) return dir;
  return isAbsolute(dir) ? dir : resolve(findRepoRoot(), dir);
}

/**
 * Opens the database: postgres.js when a URL is given (options.url or DATABASE_URL), otherwise embedded PGlite
 * persisted under the data directory, guarded by a lock file so a second process fails with DatabaseLockedError.
 */
export async function createDb(options: CreateDbOptions = {}): Promise<DbHandle> {
  const env = readDbEnv(options.env);
  const url = options.url ?? (options.dataDir === undefined ? env.DATABASE_URL : undefined);
  const handle = url ? await openPostgres(url, options) : await openPglite(options);
  if (options.migrate ?? true) {
    try {
      await migrate(handle.db);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }
  return handle;
}

async function openPostgres(url: string, options: CreateDbOptions): Promise<DbHandle> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  // Notices like "schema already exists, skipping" are expected on every start.
  const client = postgres(url, {
    max: options.maxConnections ?? 10,
    onnotice: () => {},
    // postgres.js waits 3^n / 100 s (up to 20 s) before reconnecting, n counting every failed connect of the pool:
    // after a 3 s restart of PostgreSQL under a class's requests, answers then took 10–20 s. At most 2 s instead.
    backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 2),
    // A connection to a server that is stopping or starting can hang rather than be refused (seen in CI during a
    // restart: a request waited out the whole 10 s timeout). A healthy server connects in milliseconds, so 5 s
    // answers such a request with a 503 sooner and still leaves a slow network plenty.
    connect_timeout: 5,
  });
  const db = drizzle(client, { schema }) as unknown as Database;
  return {
    db,
    driver: 'postgres',
    dataDir: null,
    pgliteDir: null,
    threadId: null,
    dumpDataDir: null,
    async executeSql(text, values) {
      let result;
      if (values && values.length > 0) {
        result = await client.unsafe(text, values.map(toPgParameter) as never[]);
      } else {
        // Several statements may include BEGIN/COMMIT, which postgres.js only allows on a reserved connection.
        const connection = await client.reserve();
        try {
          result = await connection.unsafe(text).simple();
        } catch (error) {
          // A failed `BEGIN; …` would leave the pooled connection inside an aborted transaction.
          await connection.unsafe('ROLLBACK').catch(() => {});
          throw error;
        } finally {
          connection.release();
        }
      }
      // With several statements postgres.js returns one result per statement; pg-boss wants the last.
      const isMulti = result.length > 0 && result.every((item) => Array.isArray(item));
      const last = isMulti ? (result[result.length - 1] as unknown as Record<string, unknown>[]) : result;
      return { rows: [...(last as Iterable<Record<string, unknown>>)] };
    },
    async listen(channel, onNotify) {
      const { unlisten } = await client.listen(channel, (payload) => onNotify(payload));
      return unlisten;
    },
    async close() {
      await client.end({ timeout: 5 });
    },
  };
}

/**
 * node-postgres semantics, which pg-boss relies on: a plain object parameter is sent as JSON text (postgres.js
 * would refuse it), undefined as null. Dates, arrays and byte arrays pass through to postgres.js as they are.
 */
function toPgParameter(value: unknown): unknown {
  if (value === undefined) return null;
  if (value !== null && typeof value === 'object' && !(value instanceof Date) && !Array.isArray(value) && !ArrayBuffer.isView(value)) {
    return JSON.stringify(value);
  }
  return value;
}

async function openPglite(options: CreateDbOptions): Promise<DbHandle> {
  const dataDir = resolveDataDir(options);
  const inMemory = dataDir === memoryDataDir;
  const pgliteDir = inMemory ? memoryDataDir : join(dataDir, 'pglite');
  let lock: DataDirLock | null = null;
  if (!inMemory) {
    // PGlite does not create parent directories; nobody but this process's user may enter it.
    ensurePrivateDir(dataDir);
    lock = acquireDataDirLock(dataDir, join(dataDir, 'pglite.lock'));
  }
  try {
    const { drizzle } = await import('drizzle-orm/pglite');
    const { PgliteThread } = await import('./pglite/pgliteThread');
    // On a worker thread: its statements do not hold up the requests this process serves.
    const pglite = await PgliteThread.create({
      dataDir: inMemory ? undefined : pgliteDir,
      loadDataDir: options.loadDataDir,
    });
    // drizzle's PGlite driver takes any client with PGlite's query/transaction.
    const db = drizzle(pglite as never, { schema }) as unknown as Database;
    // No other process can write it (one connection, here, behind the lock file): session accounts may be kept.
    keepSessionAccountsOf(db);
    let closed = false;
    const executeSql: DbHandle['executeSql'] = async (text, values) => {
      if (values && values.length > 0) {
        const result = await pglite.query<Record<string, unknown>>(text, values);
        return { rows: result.rows };
      }
      let results;
      try {
        results = await pglite.exec(text);
      } catch (error) {
        // PGlite has one connection: a failed `BEGIN; …` must not leave it inside an aborted transaction.
        await pglite.exec('ROLLBACK').catch(() => {});
        throw error;
      }
      return { rows: (results[results.length - 1]?.rows ?? []) as Record<string, unknown>[] };
    };
    // Single-user Postgres has no autovacuum (deadRowVacuum.ts).
    const stopVacuum = options.vacuumIntervalMs === null ? async () => {} : startDeadRowVacuum(executeSql, options.vacuumIntervalMs);
    return {
      db,
      driver: 'pglite',
      dataDir: inMemory ? null : dataDir,
      pgliteDir,
      threadId: pglite.threadId,
      dumpDataDir: (compression) => pglite.dumpDataDir(compression),
      executeSql,
      async listen(channel, onNotify) {
        const unlisten = await pglite.listen(channel, onNotify);
        return async () => {
          if (!closed) await unlisten();
        };
      },
      async close() {
        if (closed) return;
        closed = true;
        try {
          await stopVacuum();
          await pglite.close();
        } finally {
          lock?.release();
        }
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}
