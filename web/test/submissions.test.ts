import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countAttempts,
  selectCourseExerciseBySlug,
  selectSubmission,
  updateCourseSettings,
  upsertCourseExercise,
  type DbHandle,
} from '@deltalab/db';
import { makeEnrolledUser, makeUser, recordFailure } from '@deltalab/db/test';
import { findExercise, solveVariant, variantSeed } from '@deltalab/exercises';
import { gradeContained } from '@deltalab/grader';
import { sourceLimitBytes } from '@deltalab/exercises/rules';
import { createSubmission } from '@/server/services/submissions/createSubmission';
import { getSubmissionForViewer } from '@/server/services/submissions/getSubmission';
import { gradingStore } from '@/server/grading/gradingAdapter';
import { gradingPool, stopGrading } from '@/server/grading/startGrading';
import { formatDateTime } from '@/lib/format';
import { demoCourse, type SeedResult } from '@/server/seed';
import { createSeededDb, testDrivers, type TestDriver } from './testDb';
import { refusal } from './refusal';

describe.each(testDrivers())('submissions on %s', (driver: TestDriver) => {
  let handle: DbHandle;
  let seeded: SeedResult;
  const jobs: string[] = [];
  // No grading queue here: the submissions are graded by hand (gradeNow), and the ids it would have queued are kept.
  const queue = { sameStatement: null, queued: (submissionId: string) => void jobs.push(submissionId) };

  beforeAll(async () => {
    ({ handle, seeded } = await createSeededDb(driver));
  });
  afterAll(async () => {
    await stopGrading();
    await handle.close();
  });

  /** Runs `body` with the seeded course under another late policy, then puts the default back. */
  async function withCourseSettings(settings: Parameters<typeof updateCourseSettings>[2], body: () => Promise<void>) {
    await updateCourseSettings(handle.db, seeded.courseId, settings);
    try {
      await body();
    } finally {
      await updateCourseSettings(handle.db, seeded.courseId, { timeZone: 'UTC', latePolicy: 'accept', latePenalty: 0 });
    }
  }

  async function newStudent() {
    return makeEnrolledUser(handle.db, seeded.courseId, 'student');
  }

  /** The right answers of this student's variant, as the reference computes them. */
  function rightAnswers(slug: string, userId: string): Record<string, string> {
    const solution = solveVariant(findExercise(slug)!, variantSeed(slug, userId));
    if (solution.kind !== 'numeric') throw new Error('not numeric');
    return Object.fromEntries(Object.entries(solution.values).map(([name, value]) => [name, String(value)]));
  }

  /** Runs one grading job the way the queue's workers do: claim, grade in a real grading child, record. */
  async function gradeNow(submissionId: string) {
    const store = gradingStore(handle.db);
    const [claim] = await store.claim([submissionId]);
    if (!claim) throw new Error('nothing to grade');
    const grade = await gradeContained(gradingPool(), claim.request);
    if (grade.kind !== 'graded') throw new Error(`not graded: ${grade.message}`);
    await store.record([{ claim, result: grade.result }]);
    return selectSubmission(handle.db, submissionId);
  }

  describe('createSubmission', () => {
    it('stores the submission (queued, attempt 1, the student’s variant) before handing it to the queue', async () => {
      const student = await newStudent();
      jobs.length = 0;
      const submission = await createSubmission(handle.db, {
        userId: student.id,
        body: { exercise: 'perceptron-forward', answers: { y_hat: '0.5' } },
        queue,
      });
      expect(submission).toMatchObject({
        status: 'queued',
        attempt: 1,
        late: false,
        variantSeed: String(variantSeed('perceptron-forward', student.id)),
      });
      expect(jobs).toEqual([submission.id]);
    });

    it('refuses an unknown exercise, a wrong kind of payload and oversized code with specific 4xx messages', async () => {
      const student = await newStudent();
      const unknown = await refusal(createSubmission(handle.db, { userId: student.id, body: { exercise: 'no-such', code: 'x' }, queue }));
      expect([unknown.status, unknown.code]).toEqual([404, 'unknown-exercise']);
      const wrongKind = await refusal(
        createSubmission(handle.db, { userId: student.id, body: { exercise: 'mlp-forward-code', answers: { a: '1' } }, queue }),
      );
      expect([wrongKind.status, wrongKind.message]).toEqual([400, "'mlp-forward-code' is a code exercise: send { exercise, code }."]);
      const unknownField = await refusal(
        createSubmission(handle.db, { userId: student.id, body: { exercise: 'perceptron-forward', answers: { nope: '1' } }, queue }),
      );
      expect(unknownField.message).toMatch(/Unknown field nope/);
      const huge = await refusal(
        createSubmission(handle.db, { userId: student.id, body: { exercise: 'mlp-forward-code', code: 'x'.repeat(200 * 1024) }, queue }),
      );
      expect([huge.status, huge.code]).toEqual([413, 'code-too-large']);
      const malformed = await refusal(
        createSubmission(handle.db, { userId: student.id, body: { exercise: 'perceptron-forward', extra: 1 }, queue }),
      );
      expect(malformed.status).toBe(400);
    });

    it('takes JSON numbers as answers (scripts, LMS integrations), stores them as numbers and grades them by value', async () => {
      const student = await newStudent();
      const answers = Object.fromEntries(
        Object.entries(rightAnswers('perceptron-forward', student.id)).map(([name, value]) => [name, Number(value)]),
      );
      const submission = await createSubmission(handle.db, {
        userId: student.id,
        body: { exercise: 'perceptron-forward', answers },
        queue,
      });
      expect(submission.payload).toEqual({ answers });
      expect(await gradeNow(submission.id)).toMatchObject({ status: 'graded', score: 1, passed: true });
    });

    it('names the field and what was expected in every refusal of an answer', async () => {
      const student = await newStudent();
      const refused = async (answers: unknown, exercise = 'perceptron-forward') =>
        (await refusal(createSubmission(handle.db, { userId: student.id, body: { exercise, answers }, queue }))).message;
      const expectedNumber = 'expected a number, as JSON (0.082) or as text ("0.082", "8.2e-2")';
      expect(await refused({ y_hat: true })).toBe(`answers.y_hat: ${expectedNumber}`);
      expect(await refused({ y_hat: null })).toBe(`answers.y_hat: ${expectedNumber}`);
      expect(await refused({ y_hat: ['0.5'] })).toBe(`answers.y_hat: ${expectedNumber}`);
      expect(await refused({ y_hat: 'x'.repeat(401) })).toBe('answers.y_hat: an answer is at most 400 characters');
      expect(await refused([0.5])).toMatch(/^answers: answers must be an object of field name → value/);
      expect(await refused({ selected: 2 }, 'linear-activation-choice')).toBe(
        'answers.selected: expected option ids as strings, e.g. ["a"]',
      );
      expect(await refused({ selected: [1] }, 'linear-activation-choice')).toBe(
        'answers.selected: expected option ids as strings, e.g. ["a"]',
      );
      expect(await refused({ selected: ['a'], other: '1' }, 'linear-activation-choice')).toBe(
        'answers.other: a choice takes only selected: ["optionId", …].',
      );
    });

    it('refuses answers that are empty or no number before storing them, so no attempt is used', async () => {
      const student = await newStudent();
      const refused = async (answers: unknown) =>
        refusal(createSubmission(handle.db, { userId: student.id, body: { exercise: 'perceptron-forward', answers }, queue }));
      for (const empty of [{}, { y_hat: '' }, { y_hat: '   ' }, JSON.parse('{"__proto__": "0.5"}')]) {
        const error = await refused(empty);
        expect([error.status, error.message]).toEqual([400, 'No answers given: fill in at least one field (fields: y_hat).']);
      }
      expect((await refused({ y_hat: 'NaN' })).message).toBe('answers.y_hat: "NaN" is not accepted: give a finite number.');
      expect((await refused({ y_hat: '-Infinity' })).message).toBe('answers.y_hat: "-Infinity" is not accepted: give a finite number.');
      expect((await refused({ y_hat: '1e999' })).message).toBe(
        'answers.y_hat: "1e999" is out of range: it is too large to be a number here.',
      );
      expect((await refused({ y_hat: '1/4' })).message).toMatch(/^answers\.y_hat: "1\/4" looks like a fraction/);
      const exercise = await selectCourseExerciseBySlug(handle.db, seeded.courseId, 'perceptron-forward');
      expect(await countAttempts(handle.db, student.id, seeded.courseId, exercise!.exerciseId)).toBe(0);
      // Negative and very small numbers are answers like any other.
      await createSubmission(handle.db, {
        userId: student.id,
        body: { exercise: 'perceptron-forward', answers: { y_hat: '-1e-300' } },
        queue,
      });
    });

    it('accepts code up to exactly sourceKb × 1024 bytes, the limit the grader enforces too', async () => {
      const student = await newStudent();
      const exercise = findExercise('mlp-forward-code')!;
      if (exercise.kind !== 'code') throw new Error('code expected');
      const code = `// ${'x'.repeat(sourceLimitBytes(exercise.limits) - 3)}`;
      await expect(
        createSubmission(handle.db, { userId: student.id, body: { exercise: 'mlp-forward-code', code }, queue }),
      ).resolves.toMatchObject({ status: 'queued' });
      const over = await refusal(
        createSubmission(handle.db, { userId: student.id, body: { exercise: 'mlp-forward-code', code: `${code}x` }, queue }),
      );
      expect(over.message).toBe(`Your code is 100.0 kB (102401 bytes); the limit for 'mlp-forward-code' is 100 kB (102400 bytes).`);
    });

    it('refuses a user who is not enrolled', async () => {
      const outsider = await makeUser(handle.db);
      const error = await refusal(
        createSubmission(handle.db, { userId: outsider.id, body: { exercise: 'perceptron-forward', answers: { y_hat: '1' } }, queue }),
      );
      expect([error.status, error.code]).toEqual([403, 'not-enrolled']);
    });

    it('enforces the per-student rate limit with a Retry-After', async () => {
      const student = await newStudent();
      const rules = { rateLimit: { max: 2, windowMs: 60_000 } };
      const body = { exercise: 'perceptron-forward', answers: { y_hat: '0.1' } };
      await createSubmission(handle.db, { userId: student.id, body, queue, rules });
      await createSubmission(handle.db, { userId: student.id, body, queue, rules });
      const error = await refusal(createSubmission(handle.db, { userId: student.id, body, queue, rules }));
      expect([error.status, error.code]).toEqual([429, 'rate-limited']);
      expect(error.retryAfterSeconds).toBeGreaterThan(0);
      expect(error.retryAfterSeconds).toBeLessThanOrEqual(60);
      // Later, the window has moved on.
      const later = new Date(Date.now() + 61_000);
      await expect(createSubmission(handle.db, { userId: student.id, body, queue, rules, now: later })).resolves.toMatchObject({
        attempt: 3,
      });
    });

    it('enforces max attempts, and an internal grading failure gives the attempt back', async () => {
      const student = await newStudent();
      const row = (await selectCourseExerciseBySlug(handle.db, seeded.courseId, 'learning-rate-effects'))!;
      const exercise = findExercise('learning-rate-effects');
      if (exercise?.kind !== 'choice') throw new Error('expected a choice exercise');
      const max = row.maxAttempts!;
      const body = { exercise: 'learning-rate-effects', answers: { selected: [exercise.options[0]!.id] } };
      const made = [];
      for (let i = 0; i < max; i++) made.push(await createSubmission(handle.db, { userId: student.id, body, queue }));
      const exhausted = await refusal(createSubmission(handle.db, { userId: student.id, body, queue }));
      expect([exhausted.status, exhausted.code]).toEqual([409, 'attempts-exhausted']);
      await recordFailure(handle.db, made[0]!.id, 'grader crashed');
      expect(await countAttempts(handle.db, student.id, seeded.courseId, row.exerciseId)).toBe(max - 1);
      await expect(createSubmission(handle.db, { userId: student.id, body, queue })).resolves.toMatchObject({ status: 'queued' });
    });

    it('records a submission after the due date and marks it late', async () => {
      const student = await newStudent();
      const row = (await selectCourseExerciseBySlug(handle.db, seeded.courseId, 'perceptron-forward'))!;
      const afterDue = new Date(row.dueAt!.getTime() + 60_000);
      const late = await createSubmission(handle.db, {
        userId: student.id,
        body: { exercise: 'perceptron-forward', answers: { y_hat: '1' } },
        queue,
        now: afterDue,
      });
      expect(late.late).toBe(true);
    });

    it('refuses a late submission when the course says so, naming the due date on the course’s clock; instructors are exempt', async () => {
      const student = await newStudent();
      const row = (await selectCourseExerciseBySlug(handle.db, seeded.courseId, 'perceptron-forward'))!;
      const body = { exercise: 'perceptron-forward', answers: { y_hat: '0.5' } };
      await withCourseSettings({ timeZone: 'Europe/Berlin', latePolicy: 'refuse', latePenalty: 0 }, async () => {
        const refused = await refusal(
          createSubmission(handle.db, { userId: student.id, body, queue, now: new Date(row.dueAt!.getTime() + 1000) }),
        );
        expect([refused.status, refused.code]).toEqual([403, 'past-due']);
        const dueInBerlin = formatDateTime(row.dueAt!, 'Europe/Berlin');
        // 23:59 UTC is past midnight in Berlin: the student reads the deadline on the course's clock.
        expect(dueInBerlin).toMatch(/ 0[01]:59 Europe\/Berlin$/);
        expect(refused.message).toBe(`'perceptron-forward' was due ${dueInBerlin}: ${demoCourse.title} does not accept late submissions.`);
        expect(await countAttempts(handle.db, student.id, seeded.courseId, row.exerciseId)).toBe(0);
        // A second before the due date it is still taken, and not late.
        await expect(
          createSubmission(handle.db, { userId: student.id, body, queue, now: new Date(row.dueAt!.getTime() - 1000) }),
        ).resolves.toMatchObject({ status: 'queued', late: false });
        const instructorId = seeded.userIds['instructor@deltalab.test']!;
        await expect(
          createSubmission(handle.db, { userId: instructorId, body, queue, now: new Date(row.dueAt!.getTime() + 1000) }),
        ).resolves.toMatchObject({ status: 'queued', late: true });
      });
    });
  });

  describe('getSubmissionForViewer', () => {
    it('shows a submission to its owner and the course instructor only', async () => {
      const owner = await newStudent();
      const other = await newStudent();
      const submission = await createSubmission(handle.db, {
        userId: owner.id,
        body: { exercise: 'perceptron-forward', answers: { y_hat: '1' } },
        queue,
      });
      await expect(getSubmissionForViewer(handle.db, owner.id, submission.id)).resolves.toMatchObject({ id: submission.id });
      const instructorId = seeded.userIds['instructor@deltalab.test']!;
      await expect(getSubmissionForViewer(handle.db, instructorId, submission.id)).resolves.toMatchObject({ id: submission.id });
      const forbidden = await refusal(getSubmissionForViewer(handle.db, other.id, submission.id));
      expect([forbidden.status, forbidden.code]).toEqual([403, 'forbidden']);
      const bad = await refusal(getSubmissionForViewer(handle.db, owner.id, 'not-a-uuid'));
      expect(bad.status).toBe(400);
    });
  });

  describe('grading a stored submission (real grader)', () => {
    it('grades the student’s variant: right answers score 1, a wrong one is wrong per field', async () => {
      const student = await newStudent();
      const answers = rightAnswers('mlp-forward-pass', student.id);
      const right = await createSubmission(handle.db, { userId: student.id, body: { exercise: 'mlp-forward-pass', answers }, queue });
      const graded = await gradeNow(right.id);
      expect(graded).toMatchObject({ status: 'graded', score: 1, passed: true });

      // Half the right value: wrong on every variant (a fixed number could be right on some student's variant).
      const wrong = await createSubmission(handle.db, {
        userId: student.id,
        body: { exercise: 'mlp-forward-pass', answers: { ...answers, a3_2: String(Number(answers.a3_2) / 2) } },
        queue,
      });
      const gradedWrong = await gradeNow(wrong.id);
      expect(gradedWrong.status).toBe('graded');
      expect(gradedWrong.score).toBeLessThan(1);
      const fields = (gradedWrong.result as { fields: { name: string; status: string }[] }).fields;
      expect(fields.find((f) => f.name === 'a3_2')?.status).toBe('wrong');
      expect(fields.find((f) => f.name === 'z2_1')?.status).toBe('correct');
    });

    it('applies the course’s decreasing points per attempt to the recorded score', async () => {
      const student = await newStudent();
      const row = (await selectCourseExerciseBySlug(handle.db, seeded.courseId, 'linear-neuron-forward'))!;
      await upsertCourseExercise(handle.db, { courseId: seeded.courseId, exerciseId: row.exerciseId, pointsDecayPerAttempt: 0.25 });
      try {
        const answers = rightAnswers('linear-neuron-forward', student.id);
        const wrong = Object.fromEntries(Object.keys(answers).map((name) => [name, '12345']));
        const first = await createSubmission(handle.db, {
          userId: student.id,
          body: { exercise: 'linear-neuron-forward', answers: wrong },
          queue,
        });
        expect(await gradeNow(first.id)).toMatchObject({ score: 0, passed: false });
        const second = await createSubmission(handle.db, {
          userId: student.id,
          body: { exercise: 'linear-neuron-forward', answers },
          queue,
        });
        // Right on the second attempt: the grader's score 1, recorded as 1 − 0.25.
        expect(await gradeNow(second.id)).toMatchObject({ attempt: 2, score: 0.75, passed: true });
      } finally {
        await upsertCourseExercise(handle.db, {
          courseId: seeded.courseId,
          exerciseId: row.exerciseId,
          pointsDecayPerAttempt: row.pointsDecayPerAttempt,
        });
      }
    });

    it('takes the course’s late penalty off a late submission’s score, not off an on-time one nor under "accept"', async () => {
      const row = (await selectCourseExerciseBySlug(handle.db, seeded.courseId, 'perceptron-forward'))!;
      const afterDue = new Date(row.dueAt!.getTime() + 60_000);
      const submitRight = async (now?: Date) => {
        const student = await newStudent();
        const body = { exercise: 'perceptron-forward', answers: rightAnswers('perceptron-forward', student.id) };
        return gradeNow((await createSubmission(handle.db, { userId: student.id, body, queue, now })).id);
      };
      await withCourseSettings({ timeZone: 'UTC', latePolicy: 'penalize', latePenalty: 0.3 }, async () => {
        const late = await submitRight(afterDue);
        expect(late).toMatchObject({ status: 'graded', late: true, passed: true });
        expect(late.score).toBeCloseTo(0.7, 6);
        // The result keeps the grader's own score, so the page can say what the penalty took.
        expect((late.result as { score: number }).score).toBe(1);
        expect(await submitRight()).toMatchObject({ late: false, score: 1, passed: true });
      });
      expect(await submitRight(afterDue)).toMatchObject({ late: true, score: 1, passed: true });
    });

    it('grades code in the sandbox: the reference solution passes, a timeout is a graded zero', async () => {
      const student = await newStudent();
      const exercise = findExercise('mlp-forward-code')!;
      const good = await createSubmission(handle.db, {
        userId: student.id,
        body: { exercise: exercise.slug, code: exercise.solutionSource! },
        queue,
      });
      expect(await gradeNow(good.id)).toMatchObject({ status: 'graded', score: 1, passed: true });
      const loop = await createSubmission(handle.db, {
        userId: student.id,
        body: { exercise: exercise.slug, code: 'export function forward() { while (true) {} }' },
        queue,
      });
      const timedOut = await gradeNow(loop.id);
      expect(timedOut).toMatchObject({ status: 'graded', score: 0, passed: false });
      expect((timedOut.result as { error?: { kind: string } }).error?.kind).toBe('timeout');
    });
  });
});
