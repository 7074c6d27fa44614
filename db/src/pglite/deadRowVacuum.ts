/**
 * PGlite runs Postgres in single-user mode, which has no autovacuum: without this, every updated or deleted row stays
 * in its table and in its indexes for as long as the database lives. The partial index of unfinished submissions kept
 * an entry for every submission ever stored, which the statement recording a grade reads: over 6,000 submissions of a
 * load run it went from 2.5 to 3.5 ms, and kept growing with every submission of a semester (db/README.md).
 *
 * Postgres' own rule, checked on a timer: a table is vacuumed once its dead rows pass a threshold plus a fraction of
 * its live rows. The fraction is smaller than autovacuum's 0.2: one table here (submissions) is read by an index made
 * mostly of dead entries between vacuums, and a vacuum of it costs milliseconds. VACUUM only, not ANALYZE: statistics
 * change plans everywhere, and the site's queries are tuned without them; ANALYZE of submissions also costs 50–300 ms
 * of the one thread every statement waits for.
 */

type ExecuteSql = (text: string, values?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

/** Autovacuum's rule with a smaller fraction: dead rows over this many plus… */
const DEAD_ROWS_THRESHOLD = 500;
/** …this fraction of the table's live rows. */
const DEAD_ROWS_FRACTION = 0.05;

/** Vacuums every table of this database whose dead rows pass the threshold; returns their names (schema.table). */
export async function vacuumTablesWithDeadRows(executeSql: ExecuteSql): Promise<string[]> {
  const { rows } = await executeSql(
    `select format('%I.%I', schemaname, relname) as name from pg_stat_user_tables
      where n_dead_tup > $1::int + $2::float8 * n_live_tup order by n_dead_tup desc`,
    [DEAD_ROWS_THRESHOLD, DEAD_ROWS_FRACTION],
  );
  const names = rows.map((row) => String(row.name));
  // One statement each: VACUUM cannot run inside the transaction a multi-statement text would be.
  for (const name of names) await executeSql(`vacuum ${name}`);
  return names;
}

/** Starts the timer (every 10 s unless told); the returned function stops it and waits for a vacuum in progress. */
export function startDeadRowVacuum(executeSql: ExecuteSql, intervalMs = 10_000): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const timer = setInterval(() => {
    running = running.then(() =>
      stopped
        ? undefined
        : vacuumTablesWithDeadRows(executeSql).then(
            () => undefined,
            (error: unknown) =>
              console.error(`[db] vacuum of PGlite's tables failed: ${error instanceof Error ? error.message : String(error)}`),
          ),
    );
  }, intervalMs);
  // The site's requests keep the process alive, not this.
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
