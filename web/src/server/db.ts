import 'server-only';
import { createDb, type Database, type DbHandle } from '@deltalab/db';
import { dataDir, env, isBuildPhase, isEmbeddedDb } from '@/env';

// Kept on globalThis so `next dev` module reloads reuse the one handle instead of tripping the PGlite lock.
const holder = globalThis as typeof globalThis & { __deltalabDb?: Promise<DbHandle> };

/**
 * The process-wide database handle, opened (and migrated) on first use at runtime — never during
 * `next build`, whose parallel workers would corrupt a PGlite directory.
 */
export function getDbHandle(): Promise<DbHandle> {
  if (isBuildPhase) throw new Error('The database is not available during `next build`.');
  holder.__deltalabDb ??= createDb(isEmbeddedDb ? { dataDir } : { url: env.DATABASE_URL }).catch((error: unknown) => {
    holder.__deltalabDb = undefined;
    throw error;
  });
  return holder.__deltalabDb;
}

export async function getDb(): Promise<Database> {
  return (await getDbHandle()).db;
}
