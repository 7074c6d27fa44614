import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectSubmission, type DbHandle } from '@deltalab/db';
import { makeEnrolledUser } from '@deltalab/db/test';
import { createSubmission } from '@/server/services/submissions/createSubmission';
import { startGrading, type GradingRuntime } from '@/server/grading/startGrading';
import type { SeedResult } from '@/server/seed';
import { createSeededDb, testDrivers } from './testDb';

describe.each(testDrivers())('grading queue on %s', (driver) => {
let handle: DbHandle;
let seeded: SeedResult;
let grading: GradingRuntime;

beforeAll(async () => {
  ({ handle, seeded } = await createSeededDb(driver));
  grading = await startGrading(handle, { workers: true, concurrency: 1, fresh: true });
});
afterAll(async () => {
  await grading.stop();
  await handle.close();
});

async function waitUntilFinished(id: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const submission = await selectSubmission(handle.db, id);
    if (submission.status === 'graded' || submission.status === 'failed') return submission;
    if (Date.now() > deadline) throw new Error(`submission ${id} still ${submission.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

it('a submission goes queued → graded through the durable queue and in-process workers', async () => {
  const student = await makeEnrolledUser(handle.db, seeded.courseId, 'student');
  const submission = await createSubmission(handle.db, {
    userId: student.id,
    body: { exercise: 'mlp-forward-code', code: 'export function forward(x, layers) { return [0]; }' },
    enqueue: async (job) => void (await grading.queue.enqueue(job.submissionId)),
  });
  expect(submission.status).toBe('queued');
  const finished = await waitUntilFinished(submission.id);
  expect(finished).toMatchObject({ status: 'graded', score: 0, passed: false, countsAsAttempt: true });
  expect(finished.startedAt).not.toBeNull();
});
});
