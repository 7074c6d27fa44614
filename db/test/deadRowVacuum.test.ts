import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createDb, memoryDataDir, type DbHandle } from '../src/index';
import { startDeadRowVacuum, vacuumTablesWithDeadRows } from '../src/pglite/deadRowVacuum';

/** Single-user Postgres (PGlite) has no autovacuum: src/pglite/deadRowVacuum.ts stands in for it. */
let handle: DbHandle;
beforeAll(async () => {
  handle = await createDb({ dataDir: memoryDataDir, migrate: false });
  await handle.executeSql('create table churned (id int primary key, n int)');
  await handle.executeSql('create table quiet (id int primary key, n int)');
  await handle.executeSql('insert into churned select i, 0 from generate_series(1, 2000) i');
  await handle.executeSql('insert into quiet select i, 0 from generate_series(1, 2000) i');
});
afterAll(() => handle.close());

// A session's statistics reach pg_stat_user_tables at most once a second unless a flush is asked for.
async function deadRows(table: string, on: DbHandle = handle): Promise<number> {
  await on.executeSql('select pg_stat_force_next_flush()');
  await on.executeSql('select 1');
  return Number((await on.executeSql(`select n_dead_tup from pg_stat_user_tables where relname = $1`, [table])).rows[0]?.n_dead_tup);
}

it('vacuums the tables whose dead rows pass 500 plus 5 % of their live rows, and only those', async () => {
  await handle.executeSql('update churned set n = n + 1'); // 2,000 dead rows: over 500 + 100
  await handle.executeSql('update quiet set n = n + 1 where id <= 300'); // 300: under
  expect(await deadRows('churned')).toBe(2000);

  expect(await vacuumTablesWithDeadRows(handle.executeSql)).toEqual(['public.churned']);
  expect(await deadRows('churned')).toBe(0);
  expect(await deadRows('quiet')).toBe(300);
  // Nothing left over the line: nothing vacuumed.
  expect(await vacuumTablesWithDeadRows(handle.executeSql)).toEqual([]);
});

it('runs on a timer once the database is open, until it is stopped', async () => {
  await handle.executeSql('update churned set n = n + 1');
  expect(await deadRows('churned')).toBe(2000);
  const stop = startDeadRowVacuum(handle.executeSql, 20);
  await vi.waitFor(async () => expect(await deadRows('churned')).toBe(0), { timeout: 5000, interval: 20 });
  await stop();
  await handle.executeSql('update churned set n = n + 1');
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(await deadRows('churned')).toBe(2000);
});

it('is started by createDb for PGlite: a table that churns is vacuumed without being asked', async () => {
  // createDb's own timer reads the statistics every 10 s.
  vi.useFakeTimers({ toFake: ['setInterval'] });
  const own = await createDb({ dataDir: memoryDataDir, migrate: false });
  try {
    await own.executeSql('create table churned (id int primary key, n int)');
    await own.executeSql('insert into churned select i, 0 from generate_series(1, 2000) i');
    await own.executeSql('update churned set n = n + 1');
    expect(await deadRows('churned', own)).toBe(2000);
    vi.advanceTimersByTime(10_000);
    vi.useRealTimers();
    await vi.waitFor(async () => expect(await deadRows('churned', own)).toBe(0), { timeout: 5000, interval: 20 });
  } finally {
    vi.useRealTimers();
    await own.close();
  }
});
