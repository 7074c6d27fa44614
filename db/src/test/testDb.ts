import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, memoryDataDir, type DbHandle } from '../client';
import { resolveMigrationsFolder } from '../paths';

/**
 * Fast databases for tests. Creating and migrating a PGlite cluster takes seconds; loading a migrated snapshot
 * takes well under one. The snapshot lives in the OS temp dir, keyed by the migrations' content, so it is rebuilt
 * only when a migration changes.
 */
export function testSnapshotPath(): string {
  const folder = resolveMigrationsFolder();
  const hash = createHash('sha256');
  // A different PGlite build may not read an older snapshot: its install is part of the key.
  const pgliteEntry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  hash.update(`${pgliteEntry}:${statSync(pgliteEntry).size}:${statSync(pgliteEntry).mtimeMs}`);
  for (const file of readdirSync(folder)
    .filter((name) => name.endsWith('.sql'))
    .sort()) {
    hash.update(file).update(readFileSync(join(folder, file)));
  }
  return join(tmpdir(), `deltalab-db-snapshot-${hash.digest('hex').slice(0, 16)}.tar.gz`);
}

/** Builds the migrated snapshot if it is missing; returns its path. Call once from a vitest globalSetup. */
export async function prepareTestSnapshot(): Promise<string> {
  const path = testSnapshotPath();
  if (existsSync(path)) return path;
  const handle = await createDb({ dataDir: memoryDataDir });
  try {
    const dump = await handle.dumpDataDir!('gzip');
    // Write then rename: a parallel suite never reads half a file.
    const partial = `${path}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, path);
    // Snapshots of older migrations are dead weight in the temp dir.
    for (const name of readdirSync(tmpdir())) {
      if (name.startsWith('deltalab-db-snapshot-') && join(tmpdir(), name) !== path && !name.endsWith('.partial')) {
        rmSync(join(tmpdir(), name), { force: true });
      }
    }
  } finally {
    await handle.close();
  }
  return path;
}

/** An in-memory PGlite database, migrated (from the snapshot). Each call gives a separate, empty database. */
export async function createTestDb(): Promise<DbHandle> {
  const path = await prepareTestSnapshot();
  try {
    // The snapshot is already migrated; createDb still checks, which costs one query.
    return await createDb({ dataDir: memoryDataDir, loadDataDir: new Blob([readFileSync(path)]) });
  } catch (error) {
    // An unreadable snapshot (say, from an interrupted older run) is rebuilt once.
    console.warn(`createTestDb: rebuilding the test snapshot ${path}: ${(error as Error).message}`);
    rmSync(path, { force: true });
    const rebuilt = await prepareTestSnapshot();
    return createDb({ dataDir: memoryDataDir, loadDataDir: new Blob([readFileSync(rebuilt)]) });
  }
}
