import { expect, it } from 'vitest';
import {
  countAttempts,
  insertSubmission,
  leaderboard,
  listQueuedSubmissions,
  listSubmissionsForStudent,
  claimSubmissionsForGrading,
  selectOptionalSubmission,
  selectSubmission,
} from '../src/index';
import { makeCourse, makeCourseExercise, makeEnrolledUser, makeSubmission, recordFailure, recordGrade } from '../src/test/factories';
import { describeEachDriver } from './drivers';

const graded = { passed: true, result: { cases: [] }, graderVersion: 'test-1', timings: { totalMs: 3 } };

describeEachDriver('submissions', (use) => {
  async function setup(rules: { maxAttempts?: number | null } = {}) {
    const course = await makeCourse(use().db);
    const exercise = await makeCourseExercise(use().db, course.id, rules);
    const student = await makeEnrolledUser(use().db, course.id);
    return { course, exercise, student };
  }

  it('stores a queued submission pointing at its exercise version, with attempt numbers', async () => {
    const { course, exercise, student } = await setup();
    const first = await makeSubmission(use().db, { userId: student.id, courseId: course.id, exercise, variantSeed: '42', late: true });
    expect(first).toMatchObject({
      status: 'queued',
      exerciseVersionId: exercise.versionId,
      payload: { code: expect.any(String) },
      variantSeed: '42',
      late: true,
      attempt: 1,
      countsAsAttempt: true,
      score: null,
      result: null,
    });
    const second = await makeSubmission(use().db, {
      userId: student.id,
      courseId: course.id,
      exercise,
      payload: { answers: { z1: '0.5' } },
      kind: 'numeric',
    });
    expect(second.attempt).toBe(2);
    expect(second.payload).toEqual({ answers: { z1: '0.5' } });
    expect(await selectSubmission(use().db, second.id)).toEqual(second);
    expect(await selectOptionalSubmission(use().db, '00000000-0000-4000-8000-000000000000')).toBeUndefined();
  });

  it('records a result exactly once; later results and failures are refused', async () => {
    const { course, exercise, student } = await setup();
    const submission = await makeSubmission(use().db, { userId: student.id, courseId: course.id, exercise });
    expect(await claimSubmissionsForGrading(use().db, [submission.id]).then((claims) => claims.length > 0)).toBe(true);
    const running = await selectSubmission(use().db, submission.id);
    expect(running.status).toBe('running');
    expect(running.startedAt).toBeInstanceOf(Date);
    expect(await recordGrade(use().db, submission.id, { ...graded, score: 0.75 })).toBe(true);
    expect(await recordGrade(use().db, submission.id, { ...graded, score: 1 })).toBe(false);
    expect(await recordFailure(use().db, submission.id, 'late failure')).toBe(false);
    expect(await claimSubmissionsForGrading(use().db, [submission.id]).then((claims) => claims.length > 0)).toBe(false);
    const final = await selectSubmission(use().db, submission.id);
    expect(final).toMatchObject({
      status: 'graded',
      score: 0.75,
      passed: true,
      graderVersion: 'test-1',
      timings: { totalMs: 3 },
      result: { cases: [] },
    });
    expect(final.gradedAt).toBeInstanceOf(Date);
  });

  it('records exactly one of several concurrent results', async () => {
    const { course, exercise, student } = await setup();
    const submission = await makeSubmission(use().db, { userId: student.id, courseId: course.id, exercise });
    const outcomes = await Promise.all([0.1, 0.2, 0.3, 0.4].map((score) => recordGrade(use().db, submission.id, { ...graded, score })));
    expect(outcomes.filter(Boolean)).toHaveLength(1);
    const winner = [0.1, 0.2, 0.3, 0.4][outcomes.indexOf(true)]!;
    expect((await selectSubmission(use().db, submission.id)).score).toBeCloseTo(winner, 6);
  });

  it('a failed grading gives the attempt back', async () => {
    const { course, exercise, student } = await setup();
    const submission = await makeSubmission(use().db, { userId: student.id, courseId: course.id, exercise });
    expect(await countAttempts(use().db, student.id, course.id, exercise.exerciseId)).toBe(1);
    expect(await recordFailure(use().db, submission.id, 'grader crashed', { graderVersion: 'test-1' })).toBe(true);
    expect(await selectSubmission(use().db, submission.id)).toMatchObject({
      status: 'failed',
      failureMessage: 'grader crashed',
      countsAsAttempt: false,
    });
    expect(await countAttempts(use().db, student.id, course.id, exercise.exerciseId)).toBe(0);
    expect(await recordGrade(use().db, submission.id, { ...graded, score: 1 })).toBe(false);
  });

  it('refuses a submission once the attempts are used, even when submitted concurrently', async () => {
    const { course, exercise, student } = await setup({ maxAttempts: 2 });
    const input = {
      userId: student.id,
      courseId: course.id,
      exerciseId: exercise.exerciseId,
      exerciseVersionId: exercise.versionId,
      kind: 'code' as const,
      payload: { code: 'x' },
      maxAttempts: 2,
    };
    const outcomes = await Promise.all([1, 2, 3, 4].map(() => insertSubmission(use().db, input)));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(2);
    expect(outcomes.filter((o) => !o.ok)).toEqual([
      { ok: false, reason: 'attempts-exhausted', attemptsUsed: 2 },
      { ok: false, reason: 'attempts-exhausted', attemptsUsed: 2 },
    ]);
    expect(outcomes.flatMap((o) => (o.ok ? [o.submission.attempt] : [])).sort()).toEqual([1, 2]);
  });

  it("lists a student's history newest first, only theirs", async () => {
    const { course, exercise, student } = await setup();
    const other = await makeEnrolledUser(use().db, course.id);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await makeSubmission(use().db, { userId: student.id, courseId: course.id, exercise })).id);
    await makeSubmission(use().db, { userId: other.id, courseId: course.id, exercise });
    const history = await listSubmissionsForStudent(use().db, student.id, exercise.exerciseId);
    expect(history.map((s) => s.id)).toEqual(ids.reverse());
    expect(await listSubmissionsForStudent(use().db, student.id, exercise.exerciseId, { courseId: course.id, limit: 1 })).toHaveLength(1);
  });

  it('lists unfinished (queued or running) submissions oldest first for re-enqueueing', async () => {
    const { course, exercise, student } = await setup();
    const queued = await makeSubmission(use().db, { userId: student.id, courseId: course.id, exercise });
    const running = await makeSubmission(use().db, { userId: student.id, courseId: course.id, exercise });
    const done = await makeSubmission(use().db, { userId: student.id, courseId: course.id, exercise });
    await claimSubmissionsForGrading(use().db, [running.id]);
    await recordGrade(use().db, done.id, { ...graded, score: 1 });
    const unfinished = (await listQueuedSubmissions(use().db)).filter((s) => s.userId === student.id);
    expect(unfinished.map((s) => [s.id, s.status])).toEqual([
      [queued.id, 'queued'],
      [running.id, 'running'],
    ]);
  });

  it('ranks students by best graded score, earliest first on ties, instructors and ungraded left out', async () => {
    const { course, exercise, student: ann } = await setup();
    const ben = await makeEnrolledUser(use().db, course.id, 'student', { name: 'Ben' });
    const cat = await makeEnrolledUser(use().db, course.id, 'student', { name: 'Cat' });
    const prof = await makeEnrolledUser(use().db, course.id, 'instructor');
    const grade = async (userId: string, score: number | null) => {
      const s = await makeSubmission(use().db, { userId, courseId: course.id, exercise });
      if (score !== null) await recordGrade(use().db, s.id, { ...graded, passed: score === 1, score });
    };
    await grade(ann.id, 0.5);
    await grade(ben.id, 1);
    await grade(ann.id, 1);
    await grade(ann.id, 0.2);
    await grade(cat.id, 0.3);
    await grade(cat.id, null);
    await grade(prof.id, 1);
    const board = await leaderboard(use().db, course.id, exercise.exerciseId);
    expect(board.map((e) => [e.userId, e.bestScore, e.passed])).toEqual([
      [ben.id, 1, true],
      [ann.id, 1, true],
      [cat.id, expect.closeTo(0.3, 6), false],
    ]);
    expect(board[0]?.achievedAt).toBeInstanceOf(Date);
    expect(await leaderboard(use().db, course.id, exercise.exerciseId, { limit: 1 })).toHaveLength(1);
  });
});
