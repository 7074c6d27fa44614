import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, selectSubmission, type DbHandle } from '@deltalab/db';
import { makeEnrolledUser } from '@deltalab/db/test';
import { getExercise } from '@deltalab/exercises';
import { createGradingQueue, type GradingQueue } from '@deltalab/grader';
import { createSubmission } from '@/server/services/submissions/createSubmission';
import { seed, type SeedResult } from '@/server/seed';

/**
 * `npm run grader:worker` processes on a real PostgreSQL (the scale-out mode): separate OS processes take jobs from
 * the durable queue, and a worker killed with SIGKILL mid-job leaves its job to another worker, recorded once.
 * Needs a server: runs when TEST_DATABASE_URL is set (always in .ci/run).
 */
const webDir = fileURLToPath(new URL('..', import.meta.url));
const describeOnPostgres = process.env.TEST_DATABASE_URL ? describe : describe.skip;

describeOnPostgres('separate grading worker processes on PostgreSQL', () => {
  let handle: DbHandle;
  let seeded: SeedResult;
  let queue: GradingQueue;
  let databaseUrl: string;
  const workers: ChildProcess[] = [];

  function startWorker(): ChildProcess {
    const child = spawn(process.execPath, ['--no-node-snapshot', '--conditions=react-server', '--import', 'tsx', 'src/server/worker.ts'], {
      cwd: webDir,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        NODE_ENV: 'production',
        NODE_OPTIONS: '',
        DELTALAB_GRADING_CHILDREN: '1',
        DELTALAB_GRADING_ISOLATES: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[worker ${child.pid}] ${chunk}`));
    workers.push(child);
    return child;
  }

  function ready(child: ChildProcess): Promise<void> {
    return new Promise((resolve, reject) => {
      let output = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Grading worker')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`worker exited with ${code} before it was ready: ${output}`)));
    });
  }

  beforeAll(async () => {
    // A database of its own: workers re-queue every unfinished submission they find at start, and the shared test
    // database holds other suites' leftovers (factory exercises no worker knows).
    const admin = await createDb({ url: process.env.TEST_DATABASE_URL!, maxConnections: 1 });
    const name = `deltalab_workers_${process.pid}_${Date.now()}`;
    await admin.executeSql(`create database ${name}`);
    await admin.close();
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    handle = await createDb({ url: databaseUrl, maxConnections: 4 });
    seeded = await seed(handle.db);
    // The enqueuing side, as the web server with DELTALAB_INPROCESS_WORKERS=0: jobs expire after 3 s without an
    // answer, and this process sweeps expired jobs every second (pg-boss maintenance).
    queue = await createGradingQueue({
      connectionString: databaseUrl,
      expireInSeconds: 3,
      retryDelaySeconds: 1,
      maintenanceIntervalSeconds: 1,
    });
  });

  afterAll(async () => {
    for (const child of workers) if (child.exitCode === null) child.kill('SIGKILL');
    await queue?.stop({ timeoutMs: 2000 });
    await handle?.close();
  });

  async function submit(code: string) {
    const student = await makeEnrolledUser(handle.db, seeded.courseId, 'student');
    return createSubmission(handle.db, {
      userId: student.id,
      body: { exercise: 'mlp-forward-code', code },
      queue,
    });
  }

  async function waitForStatus(id: string, statuses: string[], timeoutMs: number) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const submission = await selectSubmission(handle.db, id);
      if (statuses.includes(submission.status)) return submission;
      if (Date.now() > deadline) throw new Error(`submission ${id} still ${submission.status} after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('a worker killed mid-job leaves the job to another worker; every submission is graded exactly once', async () => {
    const first = startWorker();
    await ready(first);

    // ~1.5 s per call: long enough to kill the worker while it grades.
    const slow = await submit('export function forward(x, layers) { const t = Date.now(); while (Date.now() - t < 1500) {} return [0]; }');
    await waitForStatus(slow.id, ['running'], 30_000);
    first.kill('SIGKILL');

    const second = startWorker();
    const third = startWorker();
    await Promise.all([ready(second), ready(third)]);
    const solution = getExercise('mlp-forward-code').solutionSource!;
    const more = await Promise.all(Array.from({ length: 4 }, () => submit(solution)));

    const recovered = await waitForStatus(slow.id, ['graded', 'failed'], 60_000);
    expect(recovered).toMatchObject({ status: 'graded', score: 0, passed: false, countsAsAttempt: true });
    for (const submission of more) {
      expect(await waitForStatus(submission.id, ['graded', 'failed'], 60_000)).toMatchObject({ status: 'graded', score: 1, passed: true });
    }
    // The killed worker's job went back to the queue (pg-boss retry after expiry) and was taken by another worker.
    // A submission has one job (its id is the submission's), whatever the workers re-queued at start.
    // (Jobs are completed in batches a quarter second after their grade is recorded.)
    const readJobs = async () =>
      (
        (await handle.executeSql(`select state, retry_count from pgboss.job where name = $1 and id = $2`, [queue.name, slow.id])) as {
          rows: Array<{ state: string; retry_count: number }>;
        }
      ).rows;
    let jobs = await readJobs();
    for (let i = 0; i < 50 && jobs[0]?.state !== 'completed'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      jobs = await readJobs();
    }
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.state).toBe('completed');
    expect(jobs[0]!.retry_count).toBeGreaterThanOrEqual(1);
    const graded = await selectSubmission(handle.db, slow.id);
    expect(graded.gradedAt).toEqual(recovered.gradedAt);

    // A graceful stop (SIGTERM) finishes and exits 0.
    const exited = new Promise<number | null>((resolve) => second.once('exit', resolve));
    second.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 120_000);

  it('a heap-exhausting submission queued while no worker runs: a worker that starts grades it 0 and stays up', async () => {
    for (const child of workers) if (child.exitCode === null) child.kill('SIGKILL');
    const bomb = await submit('export function forward() { const m = new Map<number, number>(); for (let i = 0; ; i++) m.set(i, i); }');
    const worker = startWorker();
    await ready(worker);
    const crashed = await waitForStatus(bomb.id, ['graded', 'failed'], 60_000);
    expect(crashed).toMatchObject({ status: 'graded', score: 0, passed: false });
    // The memory limit; on a machine too loaded to fill 64 MB within the 2 s time limit, the time limit (as the
    // grader's own heap tests allow). Never internal, and the worker stays up either way.
    expect((crashed.result as { error: { kind: string } }).error.kind).toMatch(/^(memory|timeout)$/);
    expect(worker.exitCode).toBeNull();
    const next = await submit(getExercise('mlp-forward-code').solutionSource!);
    expect(await waitForStatus(next.id, ['graded', 'failed'], 60_000)).toMatchObject({ status: 'graded', score: 1 });
    expect(worker.exitCode).toBeNull();
  }, 120_000);
});
