import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GradingProcessPool, type GradeResult, type GradingPool } from '../../src';
import { createGradingQueue, startGradingWorkers } from '../../src/queue';
import { codeRequest, processKillers, solution } from '../process/harness';
import { MemoryGradingStore } from './memoryStore';
import { createPgliteExecutor } from './pgliteExecutor';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

// One in-memory PGlite and one pool of grading children for the file (both take seconds to start); each test has
// its own queue name.
let database: Awaited<ReturnType<typeof createPgliteExecutor>>;
let pool: GradingProcessPool;
beforeAll(async () => {
  database = await createPgliteExecutor();
  pool = new GradingProcessPool({ children: 2, isolatesPerChild: 2, log: () => {} });
  await pool.ready();
}, 60_000);
afterAll(async () => {
  await pool.close();
  await database.pglite.close();
});
let queueCount = 0;

async function setup(options: { expireInSeconds?: number; gradingPool?: GradingPool } = {}) {
  const { executeSql } = database;
  const queue = await createGradingQueue({
    executeSql,
    name: `grade-test-${++queueCount}`,
    retryDelaySeconds: 1,
    expireInSeconds: options.expireInSeconds ?? 60,
    pollingIntervalSeconds: 0.5,
    maintenanceIntervalSeconds: 1,
  });
  cleanups.push(() => queue.stop({ timeoutMs: 1000 }));
  const store = new MemoryGradingStore();
  const start = async () => {
    const workers = await startGradingWorkers({ queue, pool: options.gradingPool ?? pool, store, log: () => {} });
    cleanups.push(() => workers.stop());
    return workers;
  };
  return { executeSql, queue, store, start };
}

async function waitFor(predicate: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the queue');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function jobState(executeSql: typeof database.executeSql, id: string) {
  const { rows } = await executeSql('SELECT state, retry_count FROM pgboss.job WHERE id = $1', [id]);
  return rows[0] as { state: string; retry_count: number } | undefined;
}

/** Jobs are completed in batches a quarter second after their grade is recorded. */
async function completedJob(executeSql: typeof database.executeSql, id: string) {
  const deadline = Date.now() + 5000;
  for (;;) {
    const state = await jobState(executeSql, id);
    if (state?.state === 'completed' || Date.now() > deadline) return state;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('grading queue on PGlite (pg-boss 10) with grading child processes', () => {
  it('grades an enqueued submission once, completes its job, and does not queue a submission twice', async () => {
    const { queue, store, start, executeSql } = await setup();
    await start();
    const id = store.add(codeRequest(solution));
    await queue.enqueue([id]);
    await queue.enqueue([id]);
    await waitFor(() => store.finished() === 1);
    expect(store.rows.get(id)!.result!.score).toBe(1);
    await new Promise((r) => setTimeout(r, 300)); // time for a second delivery, were there one
    expect(store.calls.recorded).toBe(1);
    expect((await completedJob(executeSql, id))?.state).toBe('completed');
    const { rows } = await executeSql('SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1', [queue.name]);
    expect(rows[0]).toEqual({ n: 1 });
  });

  it("queues in a caller's own statement exactly as enqueue does, and wakes its workers when told", async () => {
    const { queue, store, start, executeSql } = await setup({ expireInSeconds: 45 });
    const [byEnqueue, inStatement] = [store.add(codeRequest(solution)), store.add(codeRequest(solution))];
    await queue.enqueue([byEnqueue]);
    // As the web stores a submission: the job's insert is a CTE of the storing statement (here over a VALUES list).
    const statement = `with stored as (select $1::uuid as id), queued as (${queue.sameStatement.insertJobs('stored')}) select id from stored`;
    await executeSql(statement, [inStatement]);
    await executeSql(statement, [inStatement]); // a job is written once
    const { rows } = await executeSql(
      `SELECT id, data, state, priority, retry_limit, retry_count, retry_delay, retry_backoff, expire_in::text, policy, dead_letter,
        singleton_key, extract(epoch from keep_until - created_on)::int AS keep_seconds FROM pgboss.job WHERE name = $1`,
      [queue.name],
    );
    expect(rows).toHaveLength(2);
    const [viaEnqueue, viaStatement] = [byEnqueue, inStatement].map((id) => (rows as { id: string }[]).find((row) => row.id === id)!);
    expect(viaStatement).toEqual({ ...viaEnqueue, id: inStatement, data: { submissionId: inStatement } });
    expect(viaStatement).toMatchObject({ retry_limit: 3, retry_backoff: true, expire_in: '00:00:45', keep_seconds: 14 * 24 * 3600 });
    // No LISTEN on this queue: workers in other processes are not told (the web's PostgreSQL queue has one).
    expect(queue.sameStatement.wakeWorkers).toBeNull();
    await start();
    await new Promise((r) => setTimeout(r, 700)); // the loop takes what is there, then falls asleep
    const late = store.add(codeRequest(solution));
    await executeSql(statement, [late]);
    const started = performance.now();
    queue.queued();
    await waitFor(() => store.finished() === 3);
    expect(performance.now() - started).toBeLessThan(400); // woken, not polled (every 500 ms here)
  });

  it("takes and completes jobs in a caller's own statement exactly as fetch and complete do", async () => {
    const { queue, store, executeSql } = await setup();
    const ids = [0, 1, 2, 3].map(() => store.add(codeRequest(solution)));
    for (const id of ids) await queue.enqueue([id]); // one at a time: created in this order
    const take = (count: number) =>
      executeSql(
        `with taken as (${queue.sameStatement.takeJobs(count)}) select taken.* from taken join pgboss.job j using (id) order by j.created_on`,
      );
    const rowsOf = async (which: string[]) =>
      (
        await executeSql(
          `SELECT id, state, retry_count, started_on IS NOT NULL AS started, completed_on IS NOT NULL AS completed, output
           FROM pgboss.job WHERE id = ANY($1::uuid[]) ORDER BY created_on`,
          [which],
        )
      ).rows as { id: string; state: string; retry_count: number; started: boolean; completed: boolean }[];
    const [fetched] = await queue.fetch(1);
    expect(fetched).toEqual({ id: ids[0], submissionId: ids[0], attempt: 1, final: false });
    // The oldest jobs left, as GradingJob's fields; a job is taken once.
    expect((await take(2)).rows).toEqual(ids.slice(1, 3).map((id) => ({ id, submission_id: id, attempt: 1, final: false })));
    const [byFetch, ...byTake] = await rowsOf(ids.slice(0, 3));
    for (const row of byTake) expect(row).toEqual({ ...byFetch, id: row.id });
    // A retry is taken once its backoff has passed, as its next attempt (the queue allows 3 retries: the 4th is final).
    await queue.retryLater(ids[1]!, 'a test failure');
    expect((await take(5)).rows).toEqual([{ id: ids[3], submission_id: ids[3], attempt: 1, final: false }]);
    await executeSql(`UPDATE pgboss.job SET start_after = now() - interval '1 second', retry_count = 2 WHERE id = $1`, [ids[1]]);
    expect((await take(5)).rows).toEqual([{ id: ids[1], submission_id: ids[1], attempt: 4, final: true }]);
    // Completing: only active jobs; the same columns as complete() writes.
    await queue.complete([ids[0]!]);
    await executeSql(`with input as (select unnest($1::uuid[]) as id), done as (${queue.sameStatement.completeJobs('input')}) select 1`, [
      [ids[1], ids[2]],
    ]);
    const [completed, ...alsoCompleted] = await rowsOf(ids.slice(0, 3));
    expect(completed).toMatchObject({ state: 'completed', completed: true });
    for (const row of alsoCompleted) expect({ ...row, retry_count: 0 }).toEqual({ ...completed, id: row.id, retry_count: 0 });
    expect((await take(5)).rows).toEqual([]);
  });

  it('a job stored already taken, while a child is free, is graded at once and is a taken job in every other way', async () => {
    const { queue, store, start, executeSql } = await setup();
    const [fetchedId, takenId] = [store.add(codeRequest(solution)), store.add(codeRequest(solution))];
    await queue.enqueue([fetchedId]);
    await queue.fetch(1); // the row a taken job is, to compare with (active: the workers leave it alone)
    const workers = await start();
    const slot = workers.reserve();
    expect(slot).not.toBeNull();
    // As the web stores a submission with its job taken: the insert is a CTE of the storing statement.
    await executeSql(
      `with stored as (select $1::uuid as id), queued as (${queue.sameStatement.insertTakenJobs('stored')}) select id from stored`,
      [takenId],
    );
    const { rows } = await executeSql(
      `SELECT id, data, state, priority, retry_limit, retry_count, retry_delay, retry_backoff, expire_in::text, policy, dead_letter,
        singleton_key, started_on is not null as started, extract(epoch from keep_until - created_on)::int AS keep_seconds
       FROM pgboss.job WHERE id = ANY($1::uuid[])`,
      [[fetchedId, takenId]],
    );
    const [fetched, taken] = [fetchedId, takenId].map((id) => (rows as { id: string }[]).find((row) => row.id === id)!);
    expect(taken).toEqual({ ...fetched, id: takenId, data: { submissionId: takenId } });
    expect(taken).toMatchObject({ state: 'active', started: true, retry_count: 0 });
    const started = performance.now();
    slot!.take(takenId, () => store.claim([takenId]));
    await waitFor(() => store.rows.get(takenId)!.status === 'graded');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(store.rows.get(takenId)!.result!.score).toBe(1);
    expect(await completedJob(executeSql, takenId)).toMatchObject({ state: 'completed', retry_count: 0 });
    expect(store.rows.get(fetchedId)!.status).toBe('queued'); // taken by fetch() here: nobody grades it
  });

  it('reserves a slot only while a grading child is free; a cancelled slot is free again', async () => {
    const { store, start } = await setup();
    const workers = await start();
    const slots = Array.from({ length: pool.capacity }, () => workers.reserve());
    expect(slots.every((slot) => slot !== null)).toBe(true);
    expect(workers.reserve()).toBeNull();
    slots.pop()!.cancel();
    const again = workers.reserve();
    expect(again).not.toBeNull();
    expect(() => again!.cancel()).not.toThrow();
    expect(() => again!.cancel()).toThrow(/once/);
    for (const slot of slots) slot!.cancel();
    // Taken: the slot is held while the job is graded, then free again.
    const freeSlots = () => {
      const taken = [];
      for (let slot = workers.reserve(); slot; slot = workers.reserve()) taken.push(slot);
      for (const slot of taken) slot.cancel();
      return taken.length;
    };
    const id = store.add(codeRequest(solution));
    workers.reserve()!.take(id, () => store.claim([id]));
    expect(freeSlots()).toBe(pool.capacity - 1);
    await waitFor(() => store.finished() === 1);
    await waitFor(() => freeSlots() === pool.capacity);
  });

  it('a job stored taken whose process died before grading it is handed back at the restart and graded', async () => {
    const { queue, store, start, executeSql } = await setup();
    const first = await start();
    const id = store.add(codeRequest(solution));
    const slot = first.reserve();
    await executeSql(`with stored as (select $1::uuid as id), queued as (${queue.sameStatement.insertTakenJobs('stored')}) select 1`, [id]);
    await store.claim([id]); // stored claimed, as the web's statement leaves it; then the process died
    slot!.cancel();
    await first.stop();
    expect((await jobState(executeSql, id))?.state).toBe('active');
    // The embedded restart: the sole grader's running submissions are orphans.
    await queue.recover([id], [id]);
    await start();
    await waitFor(() => store.finished() === 1, 15_000);
    expect(store.rows.get(id)!.result!.score).toBe(1);
    expect(await completedJob(executeSql, id)).toMatchObject({ state: 'completed', retry_count: 1 });
  });

  it("a student's failure is a result, not a retry", async () => {
    const { queue, store, start } = await setup();
    await start();
    const id = store.add(codeRequest('export function forward( {'));
    await queue.enqueue([id]);
    await waitFor(() => store.finished() === 1);
    expect(store.rows.get(id)!.result!.error?.kind).toBe('syntax');
  });

  it('wakes in-process workers on enqueue instead of waiting for a poll', async () => {
    const { queue, store, start } = await setup();
    await start();
    await new Promise((r) => setTimeout(r, 700)); // let the loop fall asleep on an empty queue
    const id = store.add(codeRequest(solution));
    const started = performance.now();
    await queue.enqueue([id]);
    await waitFor(() => store.finished() === 1);
    // Polling is every 500 ms here; a wake-up grades it well within that.
    expect(performance.now() - started).toBeLessThan(400);
  });

  it('claims and records in batches under load, and grades every submission exactly once', async () => {
    const { queue, store, start } = await setup();
    const ids = Array.from({ length: 60 }, () => store.add(codeRequest(solution)));
    await queue.enqueue(ids);
    await start();
    await waitFor(() => store.finished() === 60, 30_000);
    expect(store.calls.recorded).toBe(60);
    expect(store.calls.duplicateRecords).toBe(0);
    expect([...store.rows.values()].every((row) => row.result?.score === 1)).toBe(true);
    // Fetches of up to 32 jobs (2 children × 2 isolates, and 7 times as many in hand): far fewer claims and writes than jobs.
    expect(store.calls.claim).toBeLessThan(10);
    expect(store.calls.record).toBeLessThan(60);
  });

  it('scores 0 a submission that takes down its grading children, counting each death, and goes on grading', async () => {
    const { queue, store, start } = await setup();
    await start();
    const bomb = store.add(codeRequest(processKillers['a Map grown without end']));
    const after = store.add(codeRequest(solution));
    await queue.enqueue([bomb]);
    await queue.enqueue([after]);
    await waitFor(() => store.finished() === 2, 30_000);
    const row = store.rows.get(bomb)!;
    // V8 usually aborts the child (one death when the bomb was alone in it, two when a neighbour shared it and it
    // ran again alone); sometimes the isolate's own limit stops it first. Either way: 0, naming 64 MB.
    expect(row.childDeaths).toBeLessThanOrEqual(2);
    expect(row.result?.score).toBe(0);
    expect(row.result?.error?.kind).toBe('memory');
    expect(row.result?.error?.message).toMatch(
      row.childDeaths > 0 ? /more memory than the grader allows \(64 MB/ : /memory limit of 64 MB/,
    );
    expect(store.rows.get(after)!.result?.score).toBe(1);
  });

  it('retries an internal grader failure with backoff, then records the grade', async () => {
    // The real pool, failing once the way gradeSubmission reports its own faults.
    let failures = 1;
    const flaky: GradingPool = {
      capacity: pool.capacity,
      memoryCeilingMb: pool.memoryCeilingMb,
      grade: async (request, options) => {
        if (failures-- > 0) return { kind: 'graded', result: internalResult('isolate could not be created') };
        return pool.grade(request, options);
      },
    };
    const { queue, store, start, executeSql } = await setup({ gradingPool: flaky });
    await start();
    const id = store.add(codeRequest(solution));
    await queue.enqueue([id]);
    await waitFor(() => store.finished() === 1, 15_000);
    expect(store.rows.get(id)!.result!.score).toBe(1);
    expect(await completedJob(executeSql, id)).toMatchObject({ state: 'completed', retry_count: 1 });
  });

  it('records an internal failure on the last try (the attempt is given back)', async () => {
    const broken: GradingPool = {
      capacity: 1,
      memoryCeilingMb: 1,
      grade: async () => ({ kind: 'graded', result: internalResult('the sandbox is broken') }),
    };
    const { queue, store, start } = await setup({ gradingPool: broken });
    await queue.boss.updateQueue(queue.name, { retryLimit: 0 } as never);
    await start();
    const id = store.add(codeRequest(solution));
    await queue.enqueue([id]);
    await waitFor(() => store.finished() === 1, 15_000);
    expect(store.rows.get(id)).toMatchObject({ status: 'failed', failure: 'The grader failed: the sandbox is broken' });
  });

  it('hands back at once the jobs of a worker process that died, when told they are orphaned', async () => {
    const { queue, store, start, executeSql } = await setup();
    const id = store.add(codeRequest(solution));
    await queue.enqueue([id]);
    const [taken] = await queue.fetch(1); // a worker took it, then its process died
    expect(taken?.id).toBe(id);
    expect((await jobState(executeSql, id))?.state).toBe('active');
    await queue.recover([id], [id]);
    await start();
    await waitFor(() => store.finished() === 1, 15_000);
    expect(store.rows.get(id)!.result!.score).toBe(1);
  });

  it('a worker process killed mid-job leaves the job to be retried by another worker', async () => {
    const { queue, store, start, executeSql } = await setup({ expireInSeconds: 1 });
    const id = store.add(codeRequest(solution));
    const child = fork(fileURLToPath(new URL('../fixtures/queueWorkerChild.ts', import.meta.url)), [queue.name], {
      execArgv: ['--no-node-snapshot', '--import', 'tsx'],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    cleanups.push(() => void child.kill('SIGKILL'));
    let childClaimed = false;
    child.on('message', async (message: { type: string; id: number; text: string; values?: unknown[] }) => {
      if (message.type === 'sql') {
        try {
          const { rows } = await executeSql(message.text, message.values);
          if (child.connected) child.send({ id: message.id, rows });
        } catch (error) {
          if (child.connected) child.send({ id: message.id, error: error instanceof Error ? error.message : String(error) });
        }
      } else if (message.type === 'claimed') {
        childClaimed = true;
        child.kill('SIGKILL'); // mid-job: it never answers
      }
    });
    await new Promise<void>((resolve, reject) => {
      child.on('message', (m: { type: string }) => m.type === 'ready' && resolve());
      child.on('exit', (code) => reject(new Error(`worker child exited early (${code})`)));
    });
    await queue.enqueue([id]);
    await waitFor(() => childClaimed);
    await new Promise<void>((resolve) =>
      child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve()),
    );
    expect((await jobState(executeSql, id))?.state).toBe('active');

    // A surviving worker (this process) picks the job up once it has expired.
    await start();
    await waitFor(() => store.finished() === 1, 30_000);
    expect(store.rows.get(id)!.result!.passed).toBe(true);
    expect(await completedJob(executeSql, id)).toMatchObject({ state: 'completed', retry_count: 1 });
  });
});

function internalResult(message: string): GradeResult {
  return {
    exercise: 'mlp-forward-code',
    variant: 'canonical',
    kind: 'code',
    score: 0,
    passed: false,
    error: { kind: 'internal', message: `The grader failed: ${message}` },
    timings: { totalMs: 0 },
    exerciseVersion: 'test',
    graderVersion: 'test',
  };
}
