import { expect, it } from 'vitest';
import { describeEachDriver } from './drivers';

// pg-boss talks to the database only through executeSql (its `db: { executeSql }` option).
describeEachDriver('executeSql', (use, driver) => {
  it('runs parameterised SQL and returns rows', async () => {
    const { rows } = await use().executeSql('select $1::int + $2::int as sum, $3::text as label', [40, 2, 'x']);
    expect(rows).toEqual([{ sum: 42, label: 'x' }]);
  });

  it('takes parameters the way pg-boss passes them (node-postgres style): objects as JSON, arrays, null', async () => {
    const { rows } = await use().executeSql(
      "select ($1::jsonb)->>'policy' as policy, 3 = any($2::int[]) as has_three, $3::text is null as missing",
      [{ policy: 'standard' }, [1, 2, 3], null],
    );
    expect(rows).toEqual([{ policy: 'standard', has_three: true, missing: true }]);
  });

  it('runs several statements in one text without parameters, returning the last rows', async () => {
    const table = `exec_sql_${driver.name}_${Math.random().toString(36).slice(2, 8)}`;
    const { rows } = await use().executeSql(
      `BEGIN; CREATE TABLE ${table} (n int); INSERT INTO ${table} VALUES (1), (2); COMMIT; SELECT sum(n)::int AS total FROM ${table};`,
    );
    expect(rows).toEqual([{ total: 3 }]);
    await use().executeSql(`DROP TABLE ${table}`);
  });

  it('stays usable after a failing multi-statement transaction', async () => {
    const table = `exec_sql_fail_${driver.name}_${Math.random().toString(36).slice(2, 8)}`;
    await expect(use().executeSql(`BEGIN; CREATE TABLE ${table} (n int); SELECT 1/0; COMMIT;`)).rejects.toThrow(/division by zero/);
    // Neither the table nor an open transaction survived.
    const { rows } = await use().executeSql('select to_regclass($1)::text as t', [table]);
    expect(rows).toEqual([{ t: null }]);
    const again = await use().executeSql('select 1 as one');
    expect(again.rows).toEqual([{ one: 1 }]);
  });

  it('reports the driver it runs on', () => {
    expect(use().driver).toBe(driver.name);
  });

  it('surfaces SQL errors with the server message', async () => {
    await expect(use().executeSql('select * from no_such_table_here')).rejects.toThrow(/no_such_table_here/);
  });
});
