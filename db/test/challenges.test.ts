import { expect, it } from 'vitest';
import {
  challengeBoard,
  claimVerifyAfterDeadline,
  insertChallengeEntry,
  insertVerifyJob,
  listChallengeEntries,
  recordGradingOutcomes,
  selectChallengeEntry,
  selectChallengeName,
  selectChallengeSettings,
  selectEntryBoundaries,
  selectSubmission,
  setChallengeEntryFinal,
  setChallengeName,
  upsertChallengeSettings,
  type ChallengeProvenance,
} from '../src/index';
import { makeCourse, makeCourseExercise, makeEnrolledUser } from '../src/test/factories';
import { describeEachDriver } from './drivers';

const provenance: ChallengeProvenance = {
  code: 'export function createModel() {}',
  backend: 'wasm',
  epochs: 300,
  seed: 42,
  trainingMs: 812,
  trainAccuracy: 0.99,
  curve: [],
};

describeEachDriver('challenge queries', (use) => {
  async function setup() {
    const course = await makeCourse(use().db);
    const exercise = await makeCourseExercise(use().db, course.id, { kind: 'challenge', topic: 'challenges' });
    const student = await makeEnrolledUser(use().db, course.id);
    const enter = (userId = student.id, since = new Date(Date.now() - 3_600_000), perDay = 3, params = 25) =>
      insertChallengeEntry(use().db, {
        userId,
        courseId: course.id,
        exerciseId: exercise.exerciseId,
        exerciseVersionId: exercise.versionId,
        model: { modelTopology: {}, weightSpecs: [], weightData: '' },
        provenance,
        params,
        uploadBytes: 1234,
        since,
        perDay,
      });
    const score = async (submissionId: string, publicScore: number, privateScore: number) => {
      await recordGradingOutcomes(use().db, [
        {
          submissionId,
          status: 'graded',
          score: publicScore >= 0.95 ? 1 : 0,
          passed: publicScore >= 0.95,
          result: null,
          graderVersion: 't',
          timings: null,
          challenge: { trainScore: 0.99, publicScore, privateScore, boundary: '0101' },
        },
      ]);
    };
    return { course, exercise, student, enter, score };
  }

  it('stores an entry with its submission in one statement, within the daily limit, and nothing once it is used up', async () => {
    const { course, exercise, student, enter } = await setup();
    const first = await enter();
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.submission).toMatchObject({ kind: 'challenge', status: 'queued', attempt: 1, countsAsAttempt: true });
    expect(await selectChallengeEntry(use().db, first.submission.id)).toMatchObject({
      params: 25,
      uploadBytes: 1234,
      backend: 'wasm',
      epochs: 300,
      seed: 42,
      status: 'queued',
      publicScore: null,
    });
    expect((await enter()).ok).toBe(true);
    expect((await enter()).ok).toBe(true);
    expect(await enter()).toEqual({ ok: false, reason: 'daily-limit', used: 3 });
    // a new day: entries before `since` do not count
    expect((await enter(student.id, new Date(Date.now() + 1000))).ok).toBe(true);
    const entries = await listChallengeEntries(use().db, student.id, course.id, exercise.exerciseId);
    expect(entries).toHaveLength(4);
    expect(entries.map((e) => e.status)).toEqual(['queued', 'queued', 'queued', 'queued']);
  });

  it("records an entry's scores with its grade, and the board ranks by public, then by the private score of the finals", async () => {
    const { course, exercise, student, enter, score } = await setup();
    const other = await makeEnrolledUser(use().db, course.id, 'student', { name: 'Other Student' });
    const a1 = await enter();
    const a2 = await enter(student.id, undefined, 3, 10);
    const b1 = await enter(other.id);
    if (!a1.ok || !a2.ok || !b1.ok) throw new Error('entries refused');
    await score(a1.submission.id, 0.97, 0.99);
    await score(a2.submission.id, 0.98, 0.9);
    await score(b1.submission.id, 0.96, 0.97);
    expect(await selectChallengeEntry(use().db, a1.submission.id)).toMatchObject({
      status: 'graded',
      publicScore: expect.closeTo(0.97, 5),
      privateScore: expect.closeTo(0.99, 5),
      boundary: '0101',
    });
    expect((await selectSubmission(use().db, a1.submission.id)).score).toBe(1);

    let board = await challengeBoard(use().db, course.id, exercise.exerciseId);
    const mine = () => board.find((r) => r.userId === student.id)!;
    expect(board).toHaveLength(2);
    expect(mine()).toMatchObject({ entries: 2, alias: null, best: { submissionId: a2.submission.id, params: 10 } });
    // no finals: the best public entry counts after the deadline too
    expect(mine().counted.submissionId).toBe(a2.submission.id);

    expect(await setChallengeEntryFinal(use().db, { userId: student.id, submissionId: a1.submission.id, final: true, maxFinal: 1 })).toBe(
      true,
    );
    expect(await setChallengeEntryFinal(use().db, { userId: student.id, submissionId: a2.submission.id, final: true, maxFinal: 1 })).toBe(
      false,
    );
    expect(await setChallengeEntryFinal(use().db, { userId: other.id, submissionId: a2.submission.id, final: true, maxFinal: 2 })).toBe(
      false,
    );
    board = await challengeBoard(use().db, course.id, exercise.exerciseId);
    expect(mine().counted).toMatchObject({ submissionId: a1.submission.id, final: true, privateScore: expect.closeTo(0.99, 5) });
    expect(await selectEntryBoundaries(use().db, [a1.submission.id])).toEqual(new Map([[a1.submission.id, '0101']]));
  });

  it('names on the board are unique in a course, case aside', async () => {
    const { course, student } = await setup();
    const other = await makeEnrolledUser(use().db, course.id);
    expect(await setChallengeName(use().db, course.id, student.id, 'Gradient Ninja')).toBe(true);
    expect(await setChallengeName(use().db, course.id, other.id, 'gradient ninja')).toBe(false);
    expect(await setChallengeName(use().db, course.id, student.id, 'Adam Ant')).toBe(true);
    expect(await selectChallengeName(use().db, course.id, student.id)).toBe('Adam Ant');
    expect(await setChallengeName(use().db, course.id, other.id, 'Gradient Ninja')).toBe(true);
  });

  it('settings: a deadline and a limit per course, Verify claimed once per deadline', async () => {
    const { course, exercise } = await setup();
    expect(await selectChallengeSettings(use().db, course.id, exercise.exerciseId)).toBeUndefined();
    const deadline = new Date('2030-01-02T03:04:05Z');
    await upsertChallengeSettings(use().db, { courseId: course.id, exerciseId: exercise.exerciseId, deadline, entriesPerDay: 4 });
    expect(await selectChallengeSettings(use().db, course.id, exercise.exerciseId)).toMatchObject({
      deadline,
      entriesPerDay: 4,
      verifyQueuedAt: null,
    });
    expect(await claimVerifyAfterDeadline(use().db, course.id, exercise.exerciseId)).toBe(true);
    expect(await claimVerifyAfterDeadline(use().db, course.id, exercise.exerciseId)).toBe(false);
    await upsertChallengeSettings(use().db, {
      courseId: course.id,
      exerciseId: exercise.exerciseId,
      deadline: new Date(),
      entriesPerDay: null,
    });
    expect(await claimVerifyAfterDeadline(use().db, course.id, exercise.exerciseId)).toBe(true);
  });

  it('a Verify job is a submission of its own (no attempt, no entry), and its outcome lands on the entry', async () => {
    const { course, exercise, student, enter, score } = await setup();
    const entry = await enter();
    if (!entry.ok) throw new Error('refused');
    await score(entry.submission.id, 0.97, 0.98);
    const job = await insertVerifyJob(use().db, entry.submission.id, { code: 'x', seed: 42, epochs: 300, engine: 'tfjs' });
    expect(job).toMatchObject({
      kind: 'challenge',
      countsAsAttempt: false,
      status: 'queued',
      payload: { retrain: { code: 'x', seed: 42, epochs: 300 }, verifyOf: entry.submission.id },
    });
    expect(await insertVerifyJob(use().db, entry.submission.id, { code: 'x', seed: 42, epochs: 300, engine: 'tfjs' })).toBeNull();
    expect(await selectChallengeEntry(use().db, entry.submission.id)).toMatchObject({
      verifyStatus: 'queued',
      verifySubmissionId: job!.id,
    });
    await recordGradingOutcomes(use().db, [
      {
        submissionId: job!.id,
        status: 'graded',
        score: 0,
        passed: false,
        result: null,
        graderVersion: 't',
        timings: null,
        verify: { entryId: entry.submission.id, score: 0.955, margin: 0.02, message: 're-trained' },
      },
    ]);
    expect(await selectChallengeEntry(use().db, entry.submission.id)).toMatchObject({
      verifyStatus: 'verified',
      verifyScore: expect.closeTo(0.955, 5),
      verifyMessage: 're-trained',
    });
    const again = await insertVerifyJob(use().db, entry.submission.id, { code: 'x', seed: 42, epochs: 300, engine: 'tfjs' });
    await recordGradingOutcomes(use().db, [
      {
        submissionId: again!.id,
        status: 'graded',
        score: 0,
        passed: false,
        result: null,
        graderVersion: 't',
        timings: null,
        verify: { entryId: entry.submission.id, score: 0.9, margin: 0.02, message: 're-trained' },
      },
    ]);
    expect(await selectChallengeEntry(use().db, entry.submission.id)).toMatchObject({ verifyStatus: 'not-verified' });
    const third = await insertVerifyJob(use().db, entry.submission.id, { code: 'x', seed: 42, epochs: 300, engine: 'tfjs' });
    await recordGradingOutcomes(use().db, [
      {
        submissionId: third!.id,
        status: 'failed',
        failureMessage: 'boom',
        verify: { entryId: entry.submission.id, score: null, margin: 0.02, message: 'boom' },
      },
    ]);
    expect(await selectChallengeEntry(use().db, entry.submission.id)).toMatchObject({ verifyStatus: 'failed', verifyMessage: 'boom' });
    expect(await listChallengeEntries(use().db, student.id, course.id, exercise.exerciseId)).toHaveLength(1);
  });
});
