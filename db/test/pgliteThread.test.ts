import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PGlite, types } from '@electric-sql/pglite';
import { createDb, memoryDataDir, type DbHandle } from '../src/index';
import { PgliteThread } from '../src/pglite/pgliteThread';
import { rowsOf } from '../src/rawRows';

/** PGlite runs on a worker thread (src/pglite): the process's own thread stays free while statements run. */
let handle: DbHandle;
beforeAll(async () => {
  handle = await createDb({ dataDir: memoryDataDir, migrate: false });
});
afterAll(() => handle.close());

it('keeps the calling thread free while a statement runs', async () => {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 10);
  const started = performance.now();
  await handle.executeSql('select pg_sleep(0.4)', []);
  clearInterval(timer);
  expect(performance.now() - started).toBeGreaterThanOrEqual(380);
  // In-process PGlite would have blocked the event loop for the whole 400 ms: no tick at all. A free thread ticks up
  // to 40 times; a machine busy with other work may give it far fewer, so the bar is low (it still fails when blocked).
  expect(ticks).toBeGreaterThan(3);
});

it('commits a transaction that resolves, rolls back one that throws, and serialises statements against it', async () => {
  await handle.executeSql('create table thread_test (n int)', []);
  await handle.db.transaction(async (tx) => {
    await tx.execute('insert into thread_test values (1)' as never);
  });
  const order: string[] = [];
  const failing = handle.db
    .transaction(async (tx) => {
      await tx.execute('insert into thread_test values (2)' as never);
      order.push('in transaction');
      await new Promise((r) => setTimeout(r, 100));
      throw new Error('changed my mind');
    })
    .catch((error: Error) => order.push(`rolled back: ${error.message}`));
  await new Promise((r) => setTimeout(r, 20));
  // Sent while the transaction is open: PGlite runs it after the transaction ends, and it sees no row 2.
  const outside = handle.executeSql('select array_agg(n order by n) as ns from thread_test', []).then((result) => {
    order.push('outside');
    return result.rows[0];
  });
  await failing;
  expect(await outside).toEqual({ ns: [1] });
  expect(order).toEqual(['in transaction', 'rolled back: changed my mind', 'outside']);
});

it("passes Postgres' error fields through, and LISTEN notifications back", async () => {
  const error = await handle.executeSql('select 1/0', []).catch((e: unknown) => e);
  expect(error).toMatchObject({ code: '22012', message: 'division by zero' });
  const heard: string[] = [];
  const unlisten = await handle.listen('thread_test_channel', (payload) => heard.push(payload));
  await handle.executeSql("select pg_notify('thread_test_channel', 'hello')", []);
  for (let i = 0; i < 50 && heard.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
  expect(heard).toEqual(['hello']);
  await unlisten();
  await handle.executeSql("select pg_notify('thread_test_channel', 'again')", []);
  await new Promise((r) => setTimeout(r, 100));
  expect(heard).toEqual(['hello']);
});

it('prepares each statement text once and runs it again by name, with parameters of every kind sent as text', async () => {
  const prepared = async () =>
    Number((await handle.executeSql("select count(*)::int as n from pg_prepared_statements where name like 'deltalab_%'", [])).rows[0]!.n);
  const before = await prepared();
  const text = 'select $1::int + 1 as n';
  for (let i = 0; i < 5; i++) expect((await handle.executeSql(text, [i])).rows).toEqual([{ n: i + 1 }]);
  // The five runs of `text` share one statement (the count's own text was counted from the first count on).
  expect(await prepared()).toBe(before + 1);
  const row = (
    await handle.executeSql(
      `select $1::text as s, $2::float8 as f, $3::boolean as b, $4::timestamptz as t, $5::int[] as a, $6::text[] as quoted,
        $7::jsonb as j, $8::bytea as bytes, $9::text as missing`,
      [
        'x',
        1.5,
        false,
        new Date('2026-01-02T03:04:05.678Z'),
        [1, 2],
        ['a "b"', 'c\\d', null],
        { k: [1, 'v'] },
        new Uint8Array([0, 255]),
        null,
      ],
    )
  ).rows[0]!;
  expect(row).toMatchObject({ s: 'x', f: 1.5, b: false, a: [1, 2], quoted: ['a "b"', 'c\\d', null], j: { k: [1, 'v'] }, missing: null });
  expect(new Date(row.t as string).toISOString()).toBe('2026-01-02T03:04:05.678Z');
  expect([...(row.bytes as Uint8Array)]).toEqual([0, 255]);
});

it("gives drizzle dates, timestamps and intervals as Postgres' text, and every other type parsed, in and out of a transaction", async () => {
  const query = sql`select '2026-01-02 03:04:05.678+00'::timestamptz as t, '2026-01-02 03:04:05'::timestamp as local,
    '2026-01-02'::date as d, '1 day 02:00:00'::interval as i, 7::int as n, '{"k":1}'::jsonb as j, array[1, 2]::int[] as a`;
  const expected = {
    t: '2026-01-02 03:04:05.678+00',
    local: '2026-01-02 03:04:05',
    d: '2026-01-02',
    i: '1 day 02:00:00',
    n: 7,
    j: { k: 1 },
    a: [1, 2],
  };
  expect(rowsOf(await handle.db.execute(query))).toEqual([expected]);
  expect(await handle.db.transaction(async (tx) => rowsOf(await tx.execute(query)))).toEqual([expected]);
  // PGlite's own parsers still apply where drizzle asks for none.
  expect((await handle.executeSql("select '2026-01-02'::date as d", [])).rows[0]!.d).toBeInstanceOf(Date);
});

it("gives every result as PGlite's own query() does (enum arrays, bigints, bytea, jsonb, counts; drizzle's raw dates)", async () => {
  const setup = [
    "create type mood as enum ('calm', 'busy')",
    'create table parsed_test (id serial primary key, m mood, moods mood[], at timestamptz, big bigint, raw bytea, j jsonb, tags text[])',
  ];
  const statements: [string, unknown[]][] = [
    [
      "insert into parsed_test (m, moods, at, big, raw, j, tags) values ('calm', array['calm', 'busy']::mood[], $1, 9007199254740993, '\\x00ff', $2, array['a', null, 'c \"d\"']) returning *",
      [new Date('2026-03-04T05:06:07Z'), { k: [1, { n: null }] }],
    ],
    ['update parsed_test set m = $1 where id > 0', ['busy']],
    ['select id, m, moods, at, big, raw, j, tags, 1 as id, null::int as nothing from parsed_test', []],
    ['select * from parsed_test where false', []],
    ['delete from parsed_test where id < 0', []],
  ];
  const own = await PGlite.create();
  const thread = await PgliteThread.create({ dataDir: memoryDataDir });
  try {
    for (const text of setup) {
      await own.query(text);
      await thread.query(text);
    }
    const drizzleDates = {
      [types.TIMESTAMP]: (v: string) => v,
      [types.TIMESTAMPTZ]: (v: string) => v,
      [types.INTERVAL]: (v: string) => v,
      [types.DATE]: (v: string) => v,
    };
    for (const [text, params] of statements) {
      for (const options of [{}, { rowMode: 'array' as const }, { rowMode: 'array' as const, parsers: drizzleDates }]) {
        const [expected, got] = [await own.query(text, params, options), await thread.query(text, params, options)];
        expect(got).toEqual(expected);
      }
    }
  } finally {
    await thread.close();
    await own.close();
  }
});

it('plans a statement again when a migration changed what it reads, and keeps working after an error', async () => {
  await handle.executeSql('create table prepared_test (n int)', []);
  await handle.executeSql('insert into prepared_test values (1)', []);
  expect((await handle.executeSql('select * from prepared_test', [])).rows).toEqual([{ n: 1 }]);
  await handle.executeSql("alter table prepared_test add column s text default 'new'", []);
  expect((await handle.executeSql('select * from prepared_test', [])).rows).toEqual([{ n: 1, s: 'new' }]);
  await expect(handle.executeSql('select 1 / $1::int as q', [0])).rejects.toMatchObject({ code: '22012' });
  expect((await handle.executeSql('select 1 / $1::int as q', [1])).rows).toEqual([{ q: 1 }]);
});

it('sends a text once and then by number, past the number of texts both sides remember too', async () => {
  // 1,100 distinct texts: the first 1,024 are remembered on both sides, the rest always go in full.
  const texts = Array.from({ length: 1100 }, (_, i) => `select ${i} + $1::int as n`);
  for (const [i, text] of texts.entries()) expect((await handle.executeSql(text, [1])).rows).toEqual([{ n: i + 1 }]);
  for (const i of [0, 500, 1023, 1024, 1099]) expect((await handle.executeSql(texts[i]!, [2])).rows).toEqual([{ n: i + 2 }]);
  // Inside a transaction too.
  await handle.db.transaction(async (tx) => {
    expect(((await tx.execute('select 7 + 1 as n' as never)) as unknown as { rows: unknown[] }).rows).toEqual([{ n: 8 }]);
  });
});
