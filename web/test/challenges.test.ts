import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listChallengeEntries, selectCourseExerciseBySlug, selectSubmission, upsertCourseExercise, type DbHandle } from '@deltalab/db';
import { makeCourse, makeEnrolledUser } from '@deltalab/db/test';
import { challengeData, findExercise } from '@deltalab/exercises';
import { gradeContained } from '@deltalab/grader';
import { gradingStore } from '@/server/grading/gradingAdapter';
import { gradingPool, stopGrading } from '@/server/grading/startGrading';
import { createEntry } from '@/server/services/challenges/createEntry';
import { getEntry, requestVerify, setEntryFinal } from '@/server/services/challenges/entries';
import { getChallenge } from '@/server/services/challenges/getChallenge';
import { getLeaderboard } from '@/server/services/challenges/leaderboard';
import { setBoardName, updateChallengeSettings } from '@/server/services/challenges/settings';
import type { SeedResult } from '@/server/seed';
import { refusal } from './refusal';
import { createSeededDb, testDrivers, type TestDriver } from './testDb';

const slug = 'moons-challenge';
const moons = findExercise(slug)!;
if (moons.kind !== 'challenge') throw new Error('not a challenge');
const network = moons.baselines[1]!.model;
const logistic = moons.baselines[0]!.model;
const provenance = {
  code: moons.starter,
  backend: 'wasm',
  epochs: 300,
  seed: 11,
  trainingMs: 900,
  trainAccuracy: 1,
  curve: [{ epoch: 1, loss: null, accuracy: 0.5 }],
};

describe.each(testDrivers())('challenges on %s', (driver: TestDriver) => {
  let handle: DbHandle;
  let courseId: string;
  let instructor: string;
  const jobs: string[] = [];
  const enqueue = async (id: string) => void jobs.push(id);
  const instructorId = () => instructor;

  beforeAll(async () => {
    let seeded: SeedResult;
    ({ handle, seeded } = await createSeededDb(driver));
    // A course of this suite's own with the challenge: the shared test PostgreSQL keeps what every earlier run left in
    // the seeded course (board names, entries, the Verify queued once after a deadline).
    const challenge = await selectCourseExerciseBySlug(handle.db, seeded.courseId, slug);
    courseId = (await makeCourse(handle.db)).id;
    await upsertCourseExercise(handle.db, { courseId, exerciseId: challenge!.exerciseId, published: true });
    instructor = (await makeEnrolledUser(handle.db, courseId, 'instructor')).id;
  });
  afterAll(async () => {
    await stopGrading();
    await handle.close();
  });

  /** One grading job the way the queue's workers run it: claim, a real grading child, record. */
  async function gradeNow(id: string) {
    const store = gradingStore(handle.db);
    const [claim] = await store.claim([id]);
    if (!claim) throw new Error('nothing to grade');
    const grade = await gradeContained(gradingPool(), claim.request);
    if (grade.kind !== 'graded') throw new Error(`not graded: ${JSON.stringify(grade)}`);
    await store.record([{ claim, result: grade.result }]);
  }

  it('GET sends the rules and the public training set, and nothing hidden', async () => {
    const student = await makeEnrolledUser(handle.db, courseId);
    const view = await getChallenge(handle.db, student.id, slug);
    expect(view).toMatchObject({ slug, allowedLayers: ['Dense', 'Dropout'], entriesLeftToday: 10, classes: 2, revealed: false });
    expect(view.train.x).toEqual(challengeData(moons).train.x);
    const sent = JSON.stringify(view);
    expect(sent).not.toContain(String(moons.dataset.seed));
    for (const p of challengeData(moons).privateTest.x.slice(0, 100)) expect(sent).not.toContain(JSON.stringify(p));
  });

  it('an entry is stored, scored in a grading child, and the private score stays on the server until the deadline', async () => {
    const student = await makeEnrolledUser(handle.db, courseId);
    const entry = await createEntry(handle.db, slug, { userId: student.id, body: { model: network, provenance }, enqueue });
    expect(jobs).toContain(entry.id);
    await gradeNow(entry.id);
    const { entry: stored, context } = await getEntry(handle.db, student.id, slug, entry.id);
    expect(stored.publicScore).toBeGreaterThanOrEqual(0.97);
    expect(stored.privateScore).toBeGreaterThanOrEqual(0.97);
    expect(context.revealed).toBe(false);
    const submission = await selectSubmission(handle.db, entry.id);
    expect(submission).toMatchObject({ status: 'graded', score: 1, passed: true });
    expect(JSON.stringify(submission.result)).not.toContain('privateScore');
    const board = await getLeaderboard(handle.db, student.id, slug, enqueue);
    expect(board.rows.some((r) => 'privateScore' in r)).toBe(false);
    expect(board.rows.find((r) => r.mine)).toMatchObject({ rank: expect.any(Number), params: 25, entries: 1, baseline: false });
    expect(board.rows.filter((r) => r.baseline).map((r) => r.name)).toEqual([
      "The notes' network (baseline)",
      'Logistic regression (baseline)',
    ]);
    const asInstructor = await getLeaderboard(handle.db, instructorId(), slug, enqueue);
    expect(asInstructor.rows.find((r) => r.realName === student.name)?.privateScore).toBeGreaterThanOrEqual(0.97);
  }, 120_000);

  it('refuses each bad upload with its message and stores nothing', async () => {
    const student = await makeEnrolledUser(handle.db, courseId);
    const refused = async (body: unknown) => (await refusal(createEntry(handle.db, slug, { userId: student.id, body, enqueue }))).message;
    expect(await refused({ model: network })).toMatch(/^provenance: /);
    expect(await refused({ model: network, provenance: { ...provenance, backend: 'cuda' } })).toMatch(/^provenance.backend: /);
    expect(await refused({ model: network, provenance: { ...provenance, epochs: 5000 } })).toBe(
      'provenance.epochs: 5000 epochs; this challenge records at most 2000.',
    );
    expect(await refused({ model: { ...network, weightData: 'AAAA' }, provenance })).toBe(
      'model.weightData: 3 bytes; the weight specs need 100 (25 float32 values).',
    );
    const topology = structuredClone(network.modelTopology) as { config: { layers: { class_name: string }[] } };
    topology.config.layers[0]!.class_name = 'LSTM';
    expect(await refused({ model: { ...network, modelTopology: topology }, provenance })).toMatch(
      /LSTM layers are not allowed in this challenge/,
    );
    expect(await refused({ model: { ...network, extra: 'x'.repeat(300 * 1024) }, provenance })).toMatch(/accepts at most 256 kB/);
    const courseExercise = await selectCourseExerciseBySlug(handle.db, courseId, slug);
    expect(await listChallengeEntries(handle.db, student.id, courseId, courseExercise!.exerciseId)).toEqual([]);
  });

  it('the daily limit, final picks, names, the reveal (private board, Verify of the top entries)', async () => {
    const student = await makeEnrolledUser(handle.db, courseId);
    await updateChallengeSettings(handle.db, instructorId(), slug, {
      deadline: new Date(Date.now() + 3600_000).toISOString(),
      entriesPerDay: 2,
    });
    try {
      const best = await createEntry(handle.db, slug, { userId: student.id, body: { model: network, provenance }, enqueue });
      const worse = await createEntry(handle.db, slug, {
        userId: student.id,
        body: { model: logistic, provenance: { ...provenance, code: 'no code' } },
        enqueue,
      });
      const third = await refusal(createEntry(handle.db, slug, { userId: student.id, body: { model: network, provenance }, enqueue }));
      expect([third.status, third.code]).toEqual([429, 'daily-limit']);
      expect(third.message).toMatch(/^You have used all 2 entries for today; the next one can be made from /);
      await gradeNow(best.id);
      await gradeNow(worse.id);

      expect((await setEntryFinal(handle.db, student.id, slug, worse.id, { final: true })).final).toBe(true);
      await setBoardName(handle.db, student.id, slug, { name: 'Final Picker' });
      const other = await makeEnrolledUser(handle.db, courseId);
      expect((await refusal(setBoardName(handle.db, other.id, slug, { name: 'final picker' }))).message).toMatch(/is taken/);
      expect((await refusal(updateChallengeSettings(handle.db, student.id, slug, { deadline: null, entriesPerDay: null }))).code).toBe(
        'forbidden',
      );

      // the instructor moves the deadline into the past
      const past = await updateChallengeSettings(handle.db, instructorId(), slug, {
        deadline: new Date(Date.now() - 1000).toISOString(),
        entriesPerDay: 2,
      });
      expect(past.revealed).toBe(true);
      jobs.length = 0;
      const board = await getLeaderboard(handle.db, student.id, slug, enqueue);
      expect(board.revealed).toBe(true);
      const mine = board.rows.find((r) => r.name === 'Final Picker')!;
      const worseEntry = (await getEntry(handle.db, student.id, slug, worse.id)).entry;
      expect(mine.privateScore).toBeCloseTo(worseEntry.privateScore!, 5);
      expect(mine.final).toBe(true);
      expect(board.reveal!.test.x).toHaveLength(1000);
      expect(board.reveal!.top[0]!.boundary).toMatch(/^[01]{2304}$/);
      // Verify was queued once for the top entries
      expect(jobs.length).toBeGreaterThan(0);
      const again = await getLeaderboard(handle.db, student.id, slug, async (id) => void jobs.push(id));
      expect(again.rows.length).toBe(board.rows.length);
      expect(
        (await refusal(createEntry(handle.db, slug, { userId: student.id, body: { model: network, provenance }, enqueue }))).code,
      ).toBe('challenge-closed');
      expect((await refusal(setEntryFinal(handle.db, student.id, slug, best.id, { final: true }))).code).toBe('challenge-closed');
    } finally {
      await updateChallengeSettings(handle.db, instructorId(), slug, { deadline: null, entriesPerDay: null });
    }
  }, 120_000);

  it('Verify re-trains the code in the sandbox with the recorded seed and epochs and marks the entry', async () => {
    const student = await makeEnrolledUser(handle.db, courseId);
    const entry = await createEntry(handle.db, slug, { userId: student.id, body: { model: network, provenance }, enqueue });
    await gradeNow(entry.id);
    expect((await refusal(requestVerify(handle.db, student.id, slug, entry.id, enqueue))).code).toBe('forbidden');
    jobs.length = 0;
    const asked = await requestVerify(handle.db, instructorId(), slug, entry.id, enqueue);
    expect(asked.queued).toBe(true);
    expect(jobs).toHaveLength(1);
    await gradeNow(jobs[0]!);
    const { entry: verified } = await getEntry(handle.db, student.id, slug, entry.id);
    expect(verified.verifyStatus).toBe('verified');
    expect(verified.verifyScore).toBeGreaterThanOrEqual(0.95);
    expect(verified.verifyMessage).toMatch(/^Re-trained 300 epochs in the sandbox/);
    // a Verify job is no attempt and no entry
    const verifyJob = await selectSubmission(handle.db, jobs[0]!);
    expect(verifyJob).toMatchObject({ countsAsAttempt: false, score: 0 });
    expect(verifyJob.payload).toMatchObject({ retrain: { engine: 'tfjs' } });

    // an entry trained with the compiled step is re-trained with it
    const compiled = await createEntry(handle.db, slug, {
      userId: student.id,
      body: { model: network, provenance: { ...provenance, backend: 'compiled' } },
      enqueue,
    });
    await gradeNow(compiled.id);
    jobs.length = 0;
    expect((await requestVerify(handle.db, instructorId(), slug, compiled.id, enqueue)).queued).toBe(true);
    expect((await selectSubmission(handle.db, jobs[0]!)).payload).toMatchObject({ retrain: { engine: 'compiled' } });
    await gradeNow(jobs[0]!);
    const { entry: compiledVerified } = await getEntry(handle.db, student.id, slug, compiled.id);
    expect(compiledVerified.verifyMessage).toMatch(/^Re-trained 300 epochs in the sandbox \(compiled step\)/);
  }, 180_000);
});
