import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createDb, memoryDataDir, resolveDataDir } from '../client';
import { acquireDataDirLock } from '../dataLock';
import { ensurePrivateDir } from '../privateDir';
import { PgliteThread } from '../pglite/pgliteThread';
import { rowsOf } from '../rawRows';

/** What a backup or a restore holds, to print and to compare. */
export interface BackupSummary {
  file: string;
  bytes: number;
  /** Rows per table of ours, e.g. { users: 103, submissions: 5120, … }. */
  rows: Record<string, number>;
}

/**
 * Writes the embedded database (PGlite's data directory, as a gzipped tarball) to `outFile`, then opens the file in
 * memory and counts its rows, so a backup that could not be restored is never reported as taken. The data
 * directory's lock is taken for the duration: a running server must be stopped first (PGlite cannot be opened by
 * two processes), and the message says so.
 */
export async function backupEmbeddedDatabase(options: { dataDir?: string; outFile: string }): Promise<BackupSummary> {
  const dataDir = resolveDataDir({ dataDir: options.dataDir });
  if (dataDir === memoryDataDir) throw new Error('An in-memory database has nothing on disk to back up.');
  if (!existsSync(join(dataDir, 'pglite'))) throw new Error(`There is no embedded database in ${dataDir} (no pglite/ folder).`);
  const handle = await createDb({ dataDir, migrate: false });
  let dump: Blob;
  try {
    dump = await handle.dumpDataDir!('gzip');
  } finally {
    await handle.close();
  }
  const bytes = new Uint8Array(await dump.arrayBuffer());
  ensurePrivateDir(dirname(options.outFile));
  // Written beside, then renamed: a backup cut short (full disk, ^C) never has the final name.
  const partial = `${options.outFile}.partial`;
  writeFileSync(partial, bytes, { mode: 0o600 });
  const rows = await countRowsOf(new Blob([bytes]));
  renameSync(partial, options.outFile);
  return { file: options.outFile, bytes: statSync(options.outFile).size, rows };
}

/**
 * Replaces the embedded database with a backup. The backup is checked (opened in memory) before anything on disk
 * changes; the current database is kept beside as `pglite.before-restore-<time>`, not deleted; migrations newer than
 * the backup are applied afterwards. Refused while a server holds the data directory.
 */
export async function restoreEmbeddedDatabase(options: {
  dataDir?: string;
  fromFile: string;
}): Promise<BackupSummary & { previous: string | null }> {
  const dataDir = resolveDataDir({ dataDir: options.dataDir });
  if (dataDir === memoryDataDir) throw new Error('Cannot restore into an in-memory database.');
  if (!existsSync(options.fromFile)) throw new Error(`No backup file at ${options.fromFile}.`);
  ensurePrivateDir(dataDir);
  const lock = acquireDataDirLock(dataDir, join(dataDir, 'pglite.lock'));
  const dump = new Blob([readFileSync(options.fromFile)]);
  let previous: string | null = null;
  try {
    await countRowsOf(dump).catch((error: Error) => {
      throw new Error(`${options.fromFile} is not a Deltalab backup that can be restored (${error.message}). Nothing was changed.`);
    });
    const pgliteDir = join(dataDir, 'pglite');
    if (existsSync(pgliteDir)) {
      previous = `${pgliteDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(pgliteDir, previous);
    }
    const restored = await PgliteThread.create({ dataDir: pgliteDir, loadDataDir: dump });
    await restored.close();
  } finally {
    lock.release();
  }
  // Opened the ordinary way: it takes the lock again and applies any migration newer than the backup.
  const handle = await createDb({ dataDir });
  try {
    return { file: options.fromFile, bytes: dump.size, rows: await countRows((sql) => handle.executeSql(sql)), previous };
  } finally {
    await handle.close();
  }
}

/** Opens a dump in memory and counts the rows of every table in the public schema. */
async function countRowsOf(dump: Blob): Promise<Record<string, number>> {
  const handle = await createDb({ dataDir: memoryDataDir, loadDataDir: dump, migrate: false });
  try {
    return await countRows((sql) => handle.executeSql(sql));
  } finally {
    await handle.close();
  }
}

async function countRows(run: (sql: string) => Promise<{ rows: Record<string, unknown>[] }>): Promise<Record<string, number>> {
  const tables = rowsOf<{ name: string }>(
    await run(
      `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    ),
  ).map((t) => t.name);
  if (!tables.includes('submissions')) throw new Error('it holds no submissions table');
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [row] = rowsOf<{ n: number | string }>(await run(`select count(*)::int as n from "${table}"`));
    counts[table] = Number(row?.n ?? 0);
  }
  return counts;
}
