import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema';

export type Schema = typeof schema;

/**
 * The drizzle database both drivers give (PGlite and postgres.js). Queries take this; a transaction
 * (`db.transaction(async (tx) => …)`) is one too, so services can compose queries atomically.
 */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
