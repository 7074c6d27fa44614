export { createDb, readDbEnv, resolveDataDir, memoryDataDir } from './client';
export type { CreateDbOptions, DbHandle, DriverName, SqlRows } from './client';
export { DatabaseLockedError } from './dataLock';
export { ensurePrivateDir } from './privateDir';
export type { LockHolder } from './dataLock';
export type { Database, Schema } from './database';
export { migrate } from './migrate';
export * from './schema';
export * from './queries';
