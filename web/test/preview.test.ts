import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSubmissionsForStudent, selectCourseExerciseBySlug, type DbHandle } from '@deltalab/db';
import { makeEnrolledUser } from '@deltalab/db/test';
import { findExercise, solveVariant, variantSeed } from '@deltalab/exercises';
import { gradePreview } from '@/server/services/exercises/gradePreview';
import { stopGrading } from '@/server/grading/startGrading';
import { getExercisePreview } from '@/server/services/exercises/getExercisePreview';
import { previewTargetFromSearchParams } from '@/server/services/exercises/previewVariant';
import type { SeedResult } from '@/server/seed';
import { createSeededDb, testDrivers, type TestDriver } from './testDb';
import { refusal } from './refusal';

describe.each(testDrivers())('instructor preview on %s', (driver: TestDriver) => {
  let handle: DbHandle;
  let seeded: SeedResult;
  let instructorId: string;

  beforeAll(async () => {
    ({ handle, seeded } = await createSeededDb(driver));
    instructorId = (await makeEnrolledUser(handle.db, seeded.courseId, 'instructor')).id;
  });
  afterAll(async () => {
    await stopGrading();
    await handle.close();
  });

  it('reads the variant from the URL: canonical, a seed, a student; anything else falls back to canonical', () => {
    expect(previewTargetFromSearchParams({})).toEqual({ target: { variant: 'canonical' } });
    expect(previewTargetFromSearchParams({ variant: '12345' })).toEqual({ target: { variant: 12345 } });
    expect(previewTargetFromSearchParams({ variant: ['7', '8'] })).toEqual({ target: { variant: 7 } });
    const student = '2b0c8f8e-7a43-4c61-9a3e-4f1d1c2b3a4d';
    expect(previewTargetFromSearchParams({ student })).toEqual({ target: { student } });
    const bad = previewTargetFromSearchParams({ variant: '-3' });
    expect(bad.target).toEqual({ variant: 'canonical' });
    expect(bad.problem).toMatch(/canonical.*seed/);
    expect(previewTargetFromSearchParams({ variant: '99999999999' }).problem).toBeTruthy();
  });

  it('shows the canonical variant with the notes’ numbers and its reference answers', async () => {
    const result = await getExercisePreview(handle.db, instructorId, 'backprop-mazur', { variant: 'canonical' });
    if (!result.ok) throw new Error(result.message);
    expect(result.value.variant.variant).toBe('canonical');
    expect(result.value.reference.kind).toBe('numeric');
    const values = result.value.reference.kind === 'numeric' ? result.value.reference.values : [];
    expect(values.find((v) => v.name === 'dE_dw5')?.value).toBeCloseTo(0.082167, 5);
    expect(values.find((v) => v.name === 'dE_dw1')?.value).toBeCloseTo(0.000438568, 8);
  });

  it('as a student shows exactly the variant that student gets', async () => {
    const student = await makeEnrolledUser(handle.db, seeded.courseId, 'student');
    const result = await getExercisePreview(handle.db, instructorId, 'perceptron-forward', { student: student.id });
    if (!result.ok) throw new Error(result.message);
    expect(result.value.preview.student?.userId).toBe(student.id);
    expect(result.value.variant.variant).toBe(variantSeed('perceptron-forward', student.id));
    expect(result.value.preview.students.map((s) => s.userId)).toContain(student.id);
    const other = await getExercisePreview(handle.db, instructorId, 'perceptron-forward', { student: instructorId });
    expect(other).toMatchObject({ ok: false, reason: 'unknown-student' });
  });

  it('is refused to a student', async () => {
    const student = await makeEnrolledUser(handle.db, seeded.courseId, 'student');
    expect(await getExercisePreview(handle.db, student.id, 'perceptron-forward', { variant: 'canonical' })).toMatchObject({
      ok: false,
      reason: 'not-instructor',
    });
    const error = await refusal(gradePreview(handle.db, student.id, { exercise: 'perceptron-forward', answers: { y_hat: '1' } }));
    expect([error.status, error.code]).toEqual([403, 'forbidden']);
  });

  it('grades the reference answers of any seed at full marks and stores nothing', async () => {
    const exercise = findExercise('mlp-forward-pass')!;
    const solution = solveVariant(exercise, 4242);
    if (solution.kind !== 'numeric') throw new Error('not numeric');
    const answers = Object.fromEntries(Object.entries(solution.values).map(([k, v]) => [k, v.toPrecision(6)]));
    const right = await gradePreview(handle.db, instructorId, { exercise: 'mlp-forward-pass', variant: 4242, answers });
    expect(right).toMatchObject({ variant: 4242, score: 1, passed: true });
    const onCanonical = await gradePreview(handle.db, instructorId, { exercise: 'mlp-forward-pass', variant: 'canonical', answers });
    expect(onCanonical.score).toBeLessThan(1);
    const row = (await selectCourseExerciseBySlug(handle.db, seeded.courseId, 'mlp-forward-pass'))!;
    expect(await listSubmissionsForStudent(handle.db, instructorId, row.exerciseId, { courseId: seeded.courseId })).toEqual([]);
  });

  it('grades the reference solution of a code exercise and explains choice options', async () => {
    const code = findExercise('mlp-forward-code')!.solutionSource!;
    const graded = await gradePreview(handle.db, instructorId, { exercise: 'mlp-forward-code', code });
    expect(graded).toMatchObject({ variant: 'canonical', score: 1, passed: true });
    const choice = findExercise('learning-rate-effects')!;
    if (choice.kind !== 'choice') throw new Error('not choice');
    const wrongOption = choice.options.find((o) => !o.correct)!;
    const wrong = await gradePreview(handle.db, instructorId, { exercise: choice.slug, answers: { selected: [wrongOption.id] } });
    expect(wrong.score).toBeLessThan(1);
    const options = (wrong.result as { options: { id: string; explanationHtml?: string }[] }).options;
    expect(options.find((o) => o.id === wrongOption.id)?.explanationHtml).toBeTruthy();
  });

  it("grades an instructor's heap-exhausting code in a grading child: 0 naming the memory limit, and the next preview passes", async () => {
    // Arrays of 800 kB hoarded: 64 MB within ~10 ms of work, so the memory limit, not the time limit, stops it
    // however loaded the machine.
    const bomb = 'export function forward() { const hoard: number[][] = []; for (;;) hoard.push(new Array(100000).fill(0.5)); }';
    const crashed = await gradePreview(handle.db, instructorId, { exercise: 'mlp-forward-code', code: bomb });
    expect(crashed).toMatchObject({ score: 0, passed: false, result: { error: { kind: 'memory' } } });
    expect((crashed.result as { error: { message: string } }).error.message).toMatch(/64 MB/);
    const code = findExercise('mlp-forward-code')!.solutionSource!;
    expect(await gradePreview(handle.db, instructorId, { exercise: 'mlp-forward-code', code })).toMatchObject({ score: 1, passed: true });
  });

  it('refuses bad requests with specific messages', async () => {
    const cases: [unknown, number, RegExp][] = [
      [{ exercise: 'no-such-exercise', answers: { y_hat: '1' } }, 404, /Unknown exercise 'no-such-exercise'/],
      [{ exercise: 'perceptron-forward', code: 'export function f() {}' }, 400, /numeric exercise/],
      [{ exercise: 'perceptron-forward', variant: 'seven', answers: { y_hat: '1' } }, 400, /canonical.*seed/],
      [{ exercise: 'perceptron-forward', variant: 1, student: instructorId, answers: { y_hat: '1' } }, 400, /either variant or student/],
      [{ exercise: 'perceptron-forward', student: instructorId, answers: { y_hat: '1' } }, 404, /No student/],
      [{ exercise: 'perceptron-forward', answers: { y_hat: '1' }, extra: true }, 400, /extra/],
    ];
    for (const [body, status, message] of cases) {
      const error = await refusal(gradePreview(handle.db, instructorId, body));
      expect(error.status, JSON.stringify(body)).toBe(status);
      expect(error.message).toMatch(message);
    }
  });
});
