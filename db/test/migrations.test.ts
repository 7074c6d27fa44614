import { expect, it } from 'vitest';
import { createDb, migrate } from '../src/index';
import { describeEachDriver } from './drivers';

const tables = [
  'accounts',
  'course_exercises',
  'courses',
  'drafts',
  'enrollments',
  'exercise_versions',
  'exercises',
  'submissions',
  'users',
];

describeEachDriver('migrations', (use, driver) => {
  it('are already applied by createDb, and applying them again changes nothing', async () => {
    expect(await migrate(use().db)).toBe(0);
    expect(await migrate(use().db)).toBe(0);
  });

  it('create every table of the schema', async () => {
    const { rows } = await use().executeSql(
      "select table_name from information_schema.tables where table_schema = 'public' order by table_name",
    );
    expect(rows.map((row) => row.table_name)).toEqual(expect.arrayContaining(tables));
  });

  it('apply to an empty database once, then are a no-op', async () => {
    const fresh = await driver.openFresh();
    try {
      const before = await fresh.handle.executeSql("select to_regclass('public.users') as users");
      expect(before.rows[0]?.users).toBeNull();
      expect(await migrate(fresh.handle.db)).toBeGreaterThanOrEqual(2);
      expect(await migrate(fresh.handle.db)).toBe(0);
      const after = await fresh.handle.executeSql('select count(*)::int as n from drizzle.__drizzle_migrations');
      expect(after.rows[0]?.n).toBeGreaterThanOrEqual(2);
    } finally {
      await fresh.dispose();
    }
  });

  it('run concurrently from two handles apply each migration exactly once', async () => {
    const fresh = await driver.openFresh();
    try {
      const other = await fresh.openAnother();
      const applied = await Promise.all([migrate(fresh.handle.db), migrate(other.db)]);
      // One of them applies everything; the other waits on the advisory lock, then finds nothing to do.
      expect(applied).toContain(0);
      expect(applied[0]! + applied[1]!).toBeGreaterThanOrEqual(2);
      const { rows } = await fresh.handle.executeSql(
        'select count(*)::int as n, count(distinct hash)::int as distinct_hashes from drizzle.__drizzle_migrations',
      );
      expect(rows[0]?.n).toBe(rows[0]?.distinct_hashes);
    } finally {
      await fresh.dispose();
    }
  });

  if (driver.name === 'postgres') {
    it('createDb() with no options follows DATABASE_URL from the environment', async () => {
      const handle = await createDb({ env: { DATABASE_URL: process.env.TEST_DATABASE_URL } });
      try {
        expect(handle.driver).toBe('postgres');
        expect(handle.dataDir).toBeNull();
        const { rows } = await handle.executeSql('select current_database() as name');
        expect(rows[0]?.name).toBe(new URL(process.env.TEST_DATABASE_URL!).pathname.slice(1));
      } finally {
        await handle.close();
      }
    });
  }
});
