import { expect, it } from 'vitest';
import {
  claimSubmissionsForGrading,
  countGradingChildDeath,
  recordGradingOutcomes,
  selectSubmission,
  SUBMISSION_FINISHED_CHANNEL,
  updateCourseSettings,
} from '../src/index';
import { makeCourse, makeCourseExercise, makeEnrolledUser, makeSubmission } from '../src/test/factories';
import { describeEachDriver } from './drivers';

describeEachDriver('grading queries', (use) => {
  async function setup() {
    const course = await makeCourse(use().db);
    await updateCourseSettings(use().db, course.id, { timeZone: 'UTC', latePolicy: 'penalize', latePenalty: 0.3 });
    const exercise = await makeCourseExercise(use().db, course.id, { pointsDecayPerAttempt: 0.1 });
    const student = await makeEnrolledUser(use().db, course.id);
    const submit = (late = false) =>
      makeSubmission(use().db, { userId: student.id, courseId: course.id, exercise, variantSeed: '77', late });
    return { course, exercise, student, submit };
  }

  it('claims submissions in one statement: marks them running and returns what grading and scoring need', async () => {
    const { exercise, submit } = await setup();
    const first = await submit(true);
    const second = await submit();
    const claims = await claimSubmissionsForGrading(use().db, [first.id, second.id, '00000000-0000-4000-8000-000000000000']);
    expect(claims).toHaveLength(2);
    expect(claims.find((c) => c.submissionId === first.id)).toEqual({
      submissionId: first.id,
      exerciseSlug: exercise.slug,
      exerciseSource: 'catalogue',
      versionId: exercise.versionId,
      kind: 'code',
      payload: first.payload,
      variantSeed: '77',
      attempt: 1,
      late: true,
      childDeaths: 0,
      pointsDecayPerAttempt: expect.closeTo(0.1, 6),
      // In no assessment: no points per attempt, no credit of a timeline (the course's late policy decides).
      pointsPerAttempt: null,
      credit: null,
      latePolicy: 'penalize',
      latePenalty: expect.closeTo(0.3, 6),
    });
    const running = await selectSubmission(use().db, first.id);
    expect(running.status).toBe('running');
    expect(running.startedAt).toBeInstanceOf(Date);
    // Claiming a running submission again (a retry of its job) keeps its first start time.
    await claimSubmissionsForGrading(use().db, [first.id]);
    expect((await selectSubmission(use().db, first.id)).startedAt).toEqual(running.startedAt);
  });

  it('notifies a batch of 250 recorded ids in two notifications (a payload holds at most 8000 bytes)', async () => {
    const { submit } = await setup();
    const submissions = [];
    for (let i = 0; i < 250; i++) submissions.push(await submit());
    const parts: string[][] = [];
    const unlisten = await use().listen(SUBMISSION_FINISHED_CHANNEL, (ids) => parts.push(ids.split(',')));
    try {
      const recorded = await recordGradingOutcomes(
        use().db,
        submissions.map((s) => ({
          submissionId: s.id,
          status: 'graded',
          score: 1,
          passed: true,
          result: null,
          graderVersion: 'g',
          timings: null,
        })),
      );
      expect(recorded.ids).toHaveLength(250);
      expect(recorded.inLtiCourses).toBe(false);
      const deadline = Date.now() + 5000;
      while (parts.flat().length < 250 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(parts.map((ids) => ids.length).sort()).toEqual([200, 50].sort());
      expect(parts.flat().sort()).toEqual(submissions.map((s) => s.id).sort());
    } finally {
      await unlisten();
    }
  });

  it('records a batch of grades and failures in one statement, exactly once each, and notifies', async () => {
    const { submit } = await setup();
    const [a, b, c] = [await submit(), await submit(), await submit()];
    await claimSubmissionsForGrading(use().db, [a.id, b.id, c.id]);
    const heard: string[] = [];
    const notifications: string[] = [];
    const unlisten = await use().listen(SUBMISSION_FINISHED_CHANNEL, (ids) => {
      notifications.push(ids);
      heard.push(...ids.split(','));
    });
    try {
      const recorded = await recordGradingOutcomes(use().db, [
        {
          submissionId: a.id,
          status: 'graded',
          score: 0.9,
          passed: true,
          result: { cases: [{ name: 'x' }] },
          graderVersion: 'g1',
          timings: { totalMs: 2 },
        },
        { submissionId: b.id, status: 'failed', failureMessage: 'The grader failed: broken', graderVersion: 'g1' },
      ]);
      expect(recorded.ids.sort()).toEqual([a.id, b.id].sort());
      const again = await recordGradingOutcomes(use().db, [
        { submissionId: a.id, status: 'graded', score: 0.1, passed: false, result: null, graderVersion: 'g2', timings: null },
        { submissionId: c.id, status: 'graded', score: 1, passed: true, result: {}, graderVersion: 'g2', timings: null },
      ]);
      expect(again.ids).toEqual([c.id]);
      const deadline = Date.now() + 5000;
      while (heard.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(heard.sort()).toEqual([a.id, b.id, c.id].sort());
      // One notification per recording statement, not one per submission.
      expect(notifications).toHaveLength(2);
    } finally {
      await unlisten();
    }
    expect(await selectSubmission(use().db, a.id)).toMatchObject({
      status: 'graded',
      score: expect.closeTo(0.9, 6),
      passed: true,
      result: { cases: [{ name: 'x' }] },
      graderVersion: 'g1',
      timings: { totalMs: 2 },
      countsAsAttempt: true,
    });
    expect((await selectSubmission(use().db, a.id)).gradedAt).toBeInstanceOf(Date);
    expect(await selectSubmission(use().db, b.id)).toMatchObject({
      status: 'failed',
      failureMessage: 'The grader failed: broken',
      countsAsAttempt: false,
      score: null,
    });
    // A finished submission is not claimed again.
    expect(await claimSubmissionsForGrading(use().db, [a.id, b.id])).toEqual([]);
  });

  it('returns the recorded rows exactly as a read gives them, and notifies nobody, when asked to (the embedded database)', async () => {
    const { submit } = await setup();
    const [a, b, c] = [await submit(), await submit(true), await submit()];
    const heard: string[] = [];
    const unlisten = await use().listen(SUBMISSION_FINISHED_CHANNEL, (ids) => heard.push(ids));
    try {
      const recorded = await recordGradingOutcomes(
        use().db,
        [
          {
            submissionId: a.id,
            status: 'graded',
            score: 0.7,
            passed: true,
            // The row's result is the statement's input, not read back: it must be what the database stored.
            result: { cases: [{ name: 'a', passed: true, actual: [0.1 + 0.2, 1e-7, -0] }], diagnosis: { kind: 'x', note: undefined } },
            graderVersion: 'g',
            timings: { totalMs: 1.5 },
          },
          { submissionId: b.id, status: 'failed', failureMessage: 'broken', result: { error: { kind: 'internal', message: 'é ✓' } } },
        ],
        { returnRows: true },
      );
      expect(recorded.ids.sort()).toEqual([a.id, b.id].sort());
      expect(recorded.rows).toHaveLength(2);
      for (const row of recorded.rows!) {
        const read = await selectSubmission(use().db, row.id);
        expect(row).toEqual(read);
        expect(row.result).toStrictEqual(read!.result);
      }
      // Already recorded: nothing more to return.
      expect(
        (await recordGradingOutcomes(use().db, [{ submissionId: a.id, status: 'failed', failureMessage: 'x' }], { returnRows: true })).rows,
      ).toEqual([]);
      // Without returnRows, the grade is announced as before.
      await recordGradingOutcomes(use().db, [{ submissionId: c.id, status: 'failed', failureMessage: 'x' }]);
      const deadline = Date.now() + 5000;
      while (heard.length < 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 100));
      expect(heard).toEqual([c.id]);
    } finally {
      await unlisten();
    }
  });

  it('counts the grading children a submission took down, durably; none once it is finished', async () => {
    const { submit } = await setup();
    const submission = await submit();
    expect(await countGradingChildDeath(use().db, submission.id)).toBe(1);
    expect(await countGradingChildDeath(use().db, submission.id)).toBe(2);
    expect((await claimSubmissionsForGrading(use().db, [submission.id]))[0]?.childDeaths).toBe(2);
    await recordGradingOutcomes(use().db, [
      { submissionId: submission.id, status: 'graded', score: 0, passed: false, result: null, graderVersion: 'g', timings: null },
    ]);
    expect(await countGradingChildDeath(use().db, submission.id)).toBeNull();
  });
});
