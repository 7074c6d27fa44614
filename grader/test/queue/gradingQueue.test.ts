import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { getExercise } from '@deltalab/exercises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { IsolatePool } from '../../src';
import { createGradingQueue, startGradingWorkers, type GradingFailure, type GradingQueue, type JobContext } from '../../src/queue';
import type { GradeResult } from '../../src/protocol';
import { createPgliteExecutor } from './pgliteExecutor';

const solution = getExercise('mlp-forward-code').solutionSource!;
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

// One in-memory PGlite for the file (it takes seconds to boot); each test has its own queue name.
let database: Awaited<ReturnType<typeof createPgliteExecutor>>;
beforeAll(async () => {
  database = await createPgliteExecutor();
});
afterAll(() => database.pglite.close());
let queueCount = 0;

async function setup(options: { maintenanceIntervalSeconds?: number } = {}) {
  const { pglite, executeSql } = database;
  const queue = await createGradingQueue({
    executeSql,
    name: `grade-test-${++queueCount}`,
    retryDelaySeconds: 1,
    expireInSeconds: 1,
    pollingIntervalSeconds: 0.5,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 1,
  });
  cleanups.push(() => queue.stop({ timeoutMs: 1000 }));
  return { pglite, executeSql, queue };
}

function collect() {
  const results: Array<JobContext & { result: GradeResult }> = [];
  const failures: GradingFailure[] = [];
  const started: JobContext[] = [];
  const waitFor = async (predicate: () => boolean, timeoutMs = 20_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error('timed out waiting for the queue');
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return { results, failures, started, waitFor };
}

async function jobState(_queue: GradingQueue, executeSql: (t: string, v?: unknown[]) => Promise<{ rows: unknown[] }>, id: string) {
  const { rows } = await executeSql('SELECT state, retry_count FROM pgboss.job WHERE id = $1', [id]);
  return rows[0] as { state: string; retry_count: number } | undefined;
}

describe('grading queue on PGlite (pg-boss 10)', () => {
  it('grades an enqueued submission once and completes the job', async () => {
    const { queue, executeSql } = await setup();
    const seen = collect();
    const pool = new IsolatePool({ size: 1 });
    cleanups.push(() => pool.close());
    const workers = await startGradingWorkers({
      queue,
      pool,
      loadJob: async (id) => (id === 'sub-1' ? { exercise: 'mlp-forward-code', submission: { kind: 'code', code: solution } } : null),
      onStart: (job) => void seen.started.push(job),
      onResult: (job) => void seen.results.push(job),
    });
    cleanups.push(() => workers.stop());
    const jobId = await queue.enqueue('sub-1');
    expect(jobId).toBeTypeOf('string');
    await seen.waitFor(() => seen.results.length === 1);
    expect(seen.started).toEqual([{ submissionId: 'sub-1', jobId, attempt: 1 }]);
    expect(seen.results[0]!.result.score).toBe(1);
    await seen.waitFor(() => false, 300).catch(() => {});
    expect(seen.results).toHaveLength(1);
    expect((await jobState(queue, executeSql, jobId!))?.state).toBe('completed');
  });

  it("a student's failure is a result, not a retry", async () => {
    const { queue } = await setup();
    const seen = collect();
    const workers = await startGradingWorkers({
      queue,
      loadJob: async () => ({ exercise: 'mlp-forward-code', submission: { kind: 'code', code: 'export function forward( {' } }),
      onResult: (job) => void seen.results.push(job),
      onFailure: (failure) => void seen.failures.push(failure),
    });
    cleanups.push(() => workers.stop());
    await queue.enqueue('sub-syntax');
    await seen.waitFor(() => seen.results.length === 1);
    expect(seen.results[0]!.result.error?.kind).toBe('syntax');
    expect(seen.failures).toEqual([]);
  });

  it('retries an internal grader failure with backoff and reports it distinctly', async () => {
    const { queue } = await setup();
    const seen = collect();
    // An isolate pool that breaks once: the grader's fault, never the student's.
    class FlakyPool extends IsolatePool {
      broken = true;
      override withIsolate<T>(memoryMb: number, job: Parameters<IsolatePool['withIsolate']>[1]): Promise<T> {
        if (this.broken) {
          this.broken = false;
          return Promise.reject(new Error('isolate could not be created'));
        }
        return super.withIsolate(memoryMb, job) as Promise<T>;
      }
    }
    const pool = new FlakyPool({ size: 1 });
    cleanups.push(() => pool.close());
    const workers = await startGradingWorkers({
      queue,
      pool,
      loadJob: async () => ({ exercise: 'mlp-forward-code', submission: { kind: 'code', code: solution } }),
      onResult: (job) => void seen.results.push(job),
      onFailure: (failure) => void seen.failures.push(failure),
    });
    cleanups.push(() => workers.stop());
    await queue.enqueue('sub-flaky');
    await seen.waitFor(() => seen.results.length === 1);
    expect(seen.failures).toHaveLength(1);
    expect(seen.failures[0]).toMatchObject({ submissionId: 'sub-flaky', attempt: 1, final: false, error: { kind: 'internal' } });
    expect(seen.failures[0]!.error.message).toMatch(/isolate could not be created/);
    expect(seen.results[0]).toMatchObject({ submissionId: 'sub-flaky', attempt: 2 });
    expect(seen.results[0]!.result.score).toBe(1);
  });

  it('a worker process killed mid-job leaves the job to be retried by another worker', async () => {
    const { queue, executeSql } = await setup();
    const seen = collect();
    const child = fork(fileURLToPath(new URL('../fixtures/queueWorkerChild.ts', import.meta.url)), [queue.name], {
      execArgv: ['--no-node-snapshot', '--import', 'tsx'],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    cleanups.push(() => void child.kill('SIGKILL'));
    let childStarted: JobContext | undefined;
    let childResults = 0;
    child.on('message', async (message: { type: string; id: number; text: string; values?: unknown[]; job?: JobContext }) => {
      if (message.type === 'sql') {
        try {
          const { rows } = await executeSql(message.text, message.values);
          if (child.connected) child.send({ id: message.id, rows });
        } catch (error) {
          if (child.connected) child.send({ id: message.id, error: error instanceof Error ? error.message : String(error) });
        }
      } else if (message.type === 'started') {
        childStarted = message.job;
        child.kill('SIGKILL'); // mid-job: its grading runs for two seconds
      } else if (message.type === 'result') {
        childResults++;
      }
    });
    await new Promise<void>((resolve, reject) => {
      child.on('message', (m: { type: string }) => m.type === 'ready' && resolve());
      child.on('exit', (code) => reject(new Error(`worker child exited early (${code})`)));
    });
    const jobId = await queue.enqueue('sub-killed');
    await seen.waitFor(() => childStarted !== undefined);
    await new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
    expect(childStarted).toMatchObject({ submissionId: 'sub-killed', jobId, attempt: 1 });
    expect((await jobState(queue, executeSql, jobId!))?.state).toBe('active');

    // A surviving worker (this process) picks the job up once it has expired.
    const workers = await startGradingWorkers({
      queue,
      loadJob: async () => ({ exercise: 'mlp-forward-code', submission: { kind: 'code', code: solution } }),
      onResult: (job) => void seen.results.push(job),
    });
    cleanups.push(() => workers.stop());
    await seen.waitFor(() => seen.results.length === 1, 30_000);
    expect(childResults).toBe(0);
    expect(seen.results[0]).toMatchObject({ submissionId: 'sub-killed', jobId, attempt: 2 });
    expect(seen.results[0]!.result.passed).toBe(true);
    const state = await jobState(queue, executeSql, jobId!);
    expect(state).toMatchObject({ state: 'completed', retry_count: 1 });
  });
});
