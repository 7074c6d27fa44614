import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { selectOptionalSubmissionWithVisibility, selectSubmission, type DbHandle, type Submission } from '@deltalab/db';
import { makeEnrolledUser } from '@deltalab/db/test';
import { getExercise } from '@deltalab/exercises';
import { createSubmission } from '@/server/services/submissions/createSubmission';
import { followSubmission, parseWaitSeconds } from '@/server/services/submissions/followSubmission';
import { submissionView } from '@/server/services/submissions/getSubmission';
import { submitAndAwaitGrade } from '@/server/services/submissions/submitAndAwaitGrade';
import { refusal } from './refusal';
import { gradingPool, startGrading, stopGrading, type GradingRuntime } from '@/server/grading/startGrading';
import type { SeedResult } from '@/server/seed';
import { createSeededDb, testDrivers } from './testDb';

const solution = getExercise('mlp-forward-code').solutionSource!;
// Arrays of 800 kB hoarded: 64 MB within ~10 ms of work, so the memory limit, not the time limit, stops it
// however loaded the machine.
const arrayBomb = 'export function forward() { const hoard: number[][] = []; for (;;) hoard.push(new Array(100000).fill(0.5)); }';

/** The real pipeline: createSubmission → pg-boss → in-process workers → grading children → one recording statement. */
describe.each(testDrivers())('grading pipeline on %s', (driver) => {
  let handle: DbHandle;
  let seeded: SeedResult;
  let grading: GradingRuntime;

  beforeAll(async () => {
    ({ handle, seeded } = await createSeededDb(driver));
    grading = await startGrading(handle, { workers: true, fresh: true });
    await gradingPool().ready();
  });
  afterAll(async () => {
    await grading.stop();
    await stopGrading();
    await handle.close();
  });

  async function submit(code: string, exercise = 'mlp-forward-code'): Promise<{ submission: Submission; studentId: string }> {
    const student = await makeEnrolledUser(handle.db, seeded.courseId, 'student');
    const submission = await createSubmission(handle.db, {
      userId: student.id,
      body: { exercise, code },
      queue: grading.queue,
    });
    return { submission, studentId: student.id };
  }

  /** Follows the submission as the page does: one request held until the grade is recorded. */
  async function follow(id: string, studentId: string): Promise<Submission> {
    const followed = await followSubmission(handle, studentId, id, { waitMs: 30_000 });
    expect(followed.status === 'graded' || followed.status === 'failed').toBe(true);
    return followed;
  }

  it('a submission goes queued → graded, and a follower hears of it at once', async () => {
    const { submission, studentId } = await submit(solution);
    expect(submission.status).toBe('queued');
    // Its job was written by the statement that stored it.
    const { rows } = await handle.executeSql('select count(*)::int as n from pgboss.job where id = $1', [submission.id]);
    expect(rows).toEqual([{ n: 1 }]);
    const started = performance.now();
    const graded = await follow(submission.id, studentId);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(graded).toMatchObject({ status: 'graded', score: 1, passed: true, countsAsAttempt: true, childDeaths: 0 });
    expect(graded.startedAt).not.toBeNull();
    // On PGlite the follower is handed the row the recording statement returned: it must be the row a read gives.
    expect(graded).toEqual(await selectOptionalSubmissionWithVisibility(handle.db, submission.id));
    // The statement that recorded the grade completed its job (taken and claimed in one statement before).
    const job = await handle.executeSql('select state, started_on is not null as started from pgboss.job where id = $1', [submission.id]);
    expect(job.rows).toEqual([{ state: 'completed', started: true }]);
  });

  it('while a grading child is free, a submission is stored with its job taken, in one statement, and graded', async () => {
    const student = await makeEnrolledUser(handle.db, seeded.courseId, 'student');
    const input = { userId: student.id, body: { exercise: 'mlp-forward-code', code: solution }, queue: grading.intake };
    const submission = await createSubmission(handle.db, input);
    // Claimed as it was stored: running, its job active (or completed already, were it graded meanwhile).
    expect(submission).toMatchObject({ status: 'running', startedAt: expect.any(Date), attempt: 1 });
    const graded = await follow(submission.id, student.id);
    expect(graded).toMatchObject({ status: 'graded', score: 1, passed: true, childDeaths: 0, startedAt: submission.startedAt });
    expect(graded).toEqual(await selectOptionalSubmissionWithVisibility(handle.db, submission.id));
    const job = await handle.executeSql('select state, retry_count from pgboss.job where id = $1', [submission.id]);
    expect(job.rows).toEqual([{ state: 'completed', retry_count: 0 }]);
    // The course's rules reach the grade as a claim's do: the second attempt under a decay of 0.25 earns 0.75.
    const decay = (value: number) =>
      handle.executeSql(
        "update course_exercises set points_decay_per_attempt = $1 where course_id = $2 and exercise_id = (select id from exercises where slug = 'mlp-forward-code')",
        [value, seeded.courseId],
      );
    await decay(0.25);
    try {
      const second = await createSubmission(handle.db, input);
      expect(second).toMatchObject({ status: 'running', attempt: 2 });
      expect(await follow(second.id, student.id)).toMatchObject({ status: 'graded', score: 0.75, passed: true });
    } finally {
      await decay(0);
    }
  });

  it('with every grading child busy, a submission is stored queued and taken from the queue; a refusal holds no slot', async () => {
    const workers = grading.workers!;
    const slots = [];
    for (let slot = workers.reserve(); slot; slot = workers.reserve()) slots.push(slot);
    expect(slots.length).toBe(gradingPool().capacity);
    const student = await makeEnrolledUser(handle.db, seeded.courseId, 'student');
    let queued: Submission;
    try {
      queued = await createSubmission(handle.db, {
        userId: student.id,
        body: { exercise: 'mlp-forward-code', code: solution },
        queue: grading.intake,
      });
      expect(queued.status).toBe('queued');
    } finally {
      for (const slot of slots) slot.cancel();
    }
    grading.queue.queued(); // the slots given back: the loop looks again
    expect(await follow(queued.id, student.id)).toMatchObject({ status: 'graded', score: 1 });
    // Refused before its statement (not enrolled) and by it (attempts used): the slot it reserved is given back.
    await handle.executeSql(
      "update course_exercises set max_attempts = 1 where course_id = $1 and exercise_id = (select id from exercises where slug = 'mlp-forward-code')",
      [seeded.courseId],
    );
    try {
      const refused = await refusal(
        createSubmission(handle.db, { userId: student.id, body: { exercise: 'mlp-forward-code', code: solution }, queue: grading.intake }),
      );
      expect(refused.code).toBe('attempts-exhausted');
    } finally {
      await handle.executeSql(
        "update course_exercises set max_attempts = null where course_id = $1 and exercise_id = (select id from exercises where slug = 'mlp-forward-code')",
        [seeded.courseId],
      );
    }
    // Every slot free again once the grade above is in (its job's slot is given back just after it is recorded).
    const freeSlots = () => {
      const free = [];
      for (let slot = workers.reserve(); slot; slot = workers.reserve()) free.push(slot);
      for (const slot of free) slot.cancel();
      return free.length;
    };
    await vi.waitFor(() => expect(freeSlots(), 'free grading slots (one not given back?)').toBe(gradingPool().capacity), {
      timeout: 1000,
      interval: 10,
    });
  });

  it('a follower that waits returns when the wait runs out, with the submission as it is', async () => {
    await grading.stop(); // nothing grades for a moment
    const { submission, studentId } = await submit(solution);
    try {
      const started = performance.now();
      const still = await followSubmission(handle, studentId, submission.id, { waitMs: 300 });
      expect(performance.now() - started).toBeGreaterThanOrEqual(290);
      expect(still.status).toBe('queued');
    } finally {
      grading = await startGrading(handle, { workers: true, fresh: true });
    }
    // Its job was written with it while nothing graded: the workers started since take it.
    expect((await follow(submission.id, studentId)).score).toBe(1);
  });

  it("POST ?wait: answered with its grade and its course's visibility, exactly as a follow reads them", async () => {
    const student = await makeEnrolledUser(handle.db, seeded.courseId, 'student');
    const input = { userId: student.id, body: { exercise: 'mlp-forward-code', code: solution }, queue: grading.queue };
    const graded = await submitAndAwaitGrade(handle, input, { waitMs: 30_000 });
    expect(graded).toMatchObject({ status: 'graded', score: 1, visibility: { showScore: 'immediately' } });
    expect(graded).toEqual(await selectOptionalSubmissionWithVisibility(handle.db, graded.id));
    // A course that holds scores back: the POST's answer hides the score as the follow's does.
    const hideScores = (timing: string) =>
      handle.executeSql(
        "update course_exercises set show_score = $1 where course_id = $2 and exercise_id = (select id from exercises where slug = 'mlp-forward-code')",
        [timing, seeded.courseId],
      );
    await hideScores('never');
    try {
      const hidden = await submitAndAwaitGrade(handle, input, { waitMs: 30_000 });
      expect(hidden).toEqual(await selectOptionalSubmissionWithVisibility(handle.db, hidden.id));
      expect(submissionView(hidden, hidden.visibility)).toMatchObject({ status: 'graded', score: null, hidden: { score: true } });
    } finally {
      await hideScores('immediately');
    }
  });

  it('POST ?wait while nothing grades: answered queued when the wait runs out, stored, and graded once workers run', async () => {
    await grading.stop();
    const student = await makeEnrolledUser(handle.db, seeded.courseId, 'student');
    let queued: Submission;
    try {
      const started = performance.now();
      queued = await submitAndAwaitGrade(
        handle,
        { userId: student.id, body: { exercise: 'mlp-forward-code', code: solution }, queue: grading.queue },
        { waitMs: 300 },
      );
      expect(performance.now() - started).toBeGreaterThanOrEqual(290);
      expect(queued.status).toBe('queued');
    } finally {
      grading = await startGrading(handle, { workers: true, fresh: true });
    }
    expect(await follow(queued.id, student.id)).toMatchObject({ status: 'graded', score: 1 });
  });

  it('POST ?wait refused (not enrolled): the refusal, and nothing stored', async () => {
    const outsider = await makeEnrolledUser(handle.db, seeded.courseId, 'student');
    await handle.executeSql('delete from enrollments where user_id = $1', [outsider.id]);
    const error = await refusal(
      submitAndAwaitGrade(
        handle,
        { userId: outsider.id, body: { exercise: 'mlp-forward-code', code: solution }, queue: grading.queue },
        { waitMs: 30_000 },
      ),
    );
    expect(error.code).toBe('not-enrolled');
    const { rows } = await handle.executeSql('select count(*)::int as n from submissions where user_id = $1', [outsider.id]);
    expect(rows).toEqual([{ n: 0 }]);
  });

  it('a submission stored without its job (a challenge entry whose enqueue failed after its statement) is graded by the sweep', async () => {
    const sweeping = await startGrading(handle, { workers: true, fresh: true, staleQueuedMs: 500 });
    try {
      const student = await makeEnrolledUser(handle.db, seeded.courseId, 'student');
      const submission = await createSubmission(handle.db, {
        userId: student.id,
        body: { exercise: 'mlp-forward-code', code: solution },
        queue: { sameStatement: null, queued: () => {} },
      });
      expect(submission.status).toBe('queued');
      expect(await follow(submission.id, student.id)).toMatchObject({ status: 'graded', score: 1 });
    } finally {
      await sweeping.stop();
    }
  });

  it('?wait= takes 0 to 30 seconds; anything else is a 400 naming the range', async () => {
    expect(parseWaitSeconds(null)).toBe(0);
    expect(parseWaitSeconds('25')).toBe(25);
    expect(parseWaitSeconds('0.5')).toBe(0.5);
    for (const bad of ['31', '-1', 'soon', 'NaN']) {
      const error = await refusal((async () => parseWaitSeconds(bad))());
      expect([error.status, error.code]).toEqual([400, 'invalid-request']);
      expect(error.message).toMatch(new RegExp(`wait must be a number of seconds from 0 to 30 \\(got '${bad}'\\)`));
    }
  });

  it('a heap-exhausting submission is graded 0 naming the memory limit; one just after passes', async () => {
    const bomb = await submit(arrayBomb);
    const after = await submit(solution);
    const crashed = await follow(bomb.submission.id, bomb.studentId);
    expect(crashed).toMatchObject({ status: 'graded', score: 0, passed: false, countsAsAttempt: true });
    // Usually V8 aborts a grading child (counted); sometimes the isolate's own limit stops it first.
    expect(crashed.childDeaths).toBeLessThanOrEqual(2);
    expect((crashed.result as { error: { kind: string; message: string } }).error).toMatchObject({
      kind: 'memory',
      message: expect.stringMatching(/64 MB/),
    });
    expect(await follow(after.submission.id, after.studentId)).toMatchObject({ status: 'graded', score: 1 });
  });

  it('a grading child killed with SIGKILL mid-job: the submission is graded again alone and recorded once', async () => {
    const slow = `${solution}\nconst __until = Date.now() + 1200; while (Date.now() < __until) {}\n`;
    const { submission, studentId } = await submit(slow);
    // Wait until it is running, then kill every grading child (it is in one of them).
    for (let i = 0; (await selectSubmission(handle.db, submission.id)).status !== 'running'; i++) {
      if (i > 200) throw new Error('never started');
      await new Promise((r) => setTimeout(r, 10));
    }
    await new Promise((r) => setTimeout(r, 300));
    // Not the warm spare: it holds no job, and its death would count against none.
    for (const pid of gradingPool().activeChildPids()) process.kill(pid, 'SIGKILL');
    const graded = await follow(submission.id, studentId);
    expect(graded).toMatchObject({ status: 'graded', score: 1, passed: true, childDeaths: 1 });
    const gradedAt = graded.gradedAt;
    await new Promise((r) => setTimeout(r, 500));
    expect((await selectSubmission(handle.db, submission.id)).gradedAt).toEqual(gradedAt);
  });
});
