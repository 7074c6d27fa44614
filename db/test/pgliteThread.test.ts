import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDb, memoryDataDir, type DbHandle } from '../src/index';

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
  // In-process PGlite would have blocked the event loop for the whole 400 ms: no tick at all.
  expect(ticks).toBeGreaterThan(15);
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
