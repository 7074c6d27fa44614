import { PgliteThread } from './pglite/pgliteThread';
import type { Database } from './database';

/** Both drivers' raw results (db.execute): postgres.js gives the rows, PGlite an object holding them. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** True for the embedded database (one connection): its statements never interleave with one another. */
export function runsStatementsOneAtATime(db: Database): boolean {
  return (db as { $client?: unknown }).$client instanceof PgliteThread;
}
