import type { Database } from '../database';

/**
 * A query built once per database handle, then only run: drizzle's prepared query, whose SQL text is kept and whose
 * values (sql.placeholder) are bound per run. Building a select walks its whole tree every time, which for the
 * statements every submission runs (the submit and follow requests) cost the web server more CPU than PGlite spent
 * running them.
 */
export function builtOnce<Query>(build: (db: Database) => Query): (db: Database) => Query {
  const built = new WeakMap<Database, Query>();
  return (db) => {
    let query = built.get(db);
    if (!query) built.set(db, (query = build(db)));
    return query;
  };
}
