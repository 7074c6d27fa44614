import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@deltalab/db';
import { makeEnrolledUser } from '@deltalab/db/test';
import { codeTemplate } from '@/lib/authoring/templates';
import { readTarGz } from '@/lib/tarArchive';
import { gradingPool, startGrading, stopGrading } from '@/server/grading/startGrading';
import type { SeedResult } from '@/server/seed';
import { publishExerciseDraft, saveExerciseDraft, validateExerciseDraft } from '@/server/services/authoring/authorExercise';
import { exportExerciseArchive } from '@/server/services/authoring/exerciseArchive';
import { getCurrentCourse, type CurrentCourse } from '@/server/services/courses/getCurrentCourse';
import { getExerciseForStudent } from '@/server/services/exercises/getExerciseForStudent';
import { createSubmission } from '@/server/services/submissions/createSubmission';
import { followSubmission } from '@/server/services/submissions/followSubmission';
import { refusal } from './refusal';
import { createSeededDb } from './testDb';

function codeForm(slug: string, edit: Partial<typeof codeTemplate> = {}) {
  const t = { ...codeTemplate, ...edit };
  return {
    kind: 'code',
    slug,
    title: 'ReLU, authored in the site',
    topic: 'activations',
    points: 3,
    summary: 'relu(x) element-wise.',
    statement: t.statement,
    variants: t.variants,
    reference: t.reference,
    entries: t.entries,
    starter: t.starter,
    cases: t.cases,
    mistakes: t.mistakes,
    solution: t.solution,
    knownWrong: t.knownWrong,
    knownWrongMistake: t.knownWrongMistake,
  };
}

/** A code exercise written in the site: its files compile and run only in grading children, through the same queue. */
describe('a code exercise authored in the site', () => {
  let handle: DbHandle;
  let seeded: SeedResult;
  let course: CurrentCourse;
  let instructorId: string;

  beforeAll(async () => {
    ({ handle, seeded } = await createSeededDb('pglite'));
    await startGrading(handle, { workers: true });
    await gradingPool().ready();
    instructorId = seeded.userIds['instructor@deltalab.test']!;
    course = (await getCurrentCourse(handle.db, instructorId))!;
  });
  afterAll(async () => {
    await stopGrading();
    await handle.close();
  });

  it('validates (solution passes, known-wrong fails), publishes, and grades a student’s code with the starter and cases it defines', async () => {
    const db = handle.db;
    const slug = 'site-relu';
    // A known-wrong file that passes is refused, naming it.
    await saveExerciseDraft(db, course, instructorId, codeForm(slug, { knownWrong: codeTemplate.solution }));
    const refused = await validateExerciseDraft(db, course, slug);
    expect(refused.ok).toBe(false);
    expect(refused.problems[0]).toMatchObject({ file: 'known-wrong.ts', message: expect.stringContaining('passes') });
    expect(await refusal(publishExerciseDraft(db, course, instructorId, slug))).toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('known-wrong.ts'),
    });

    await saveExerciseDraft(db, course, instructorId, codeForm(slug));
    expect(await validateExerciseDraft(db, course, slug)).toMatchObject({ ok: true, variantsChecked: 21 });
    expect(await publishExerciseDraft(db, course, instructorId, slug)).toMatchObject({ versionNumber: 1 });

    const student = await makeEnrolledUser(db, seeded.courseId, 'student');
    const page = await getExerciseForStudent(db, student.id, slug);
    expect(page?.variant).toMatchObject({
      kind: 'code',
      entries: [{ name: 'relu' }],
      visibleCases: [{ name: 'small vector', expected: [0, 0, 2] }],
    });
    expect(page?.variant.starter).toContain('export function relu');

    const { queue } = await startGrading(handle, { workers: true });
    const right = await createSubmission(db, { userId: student.id, body: { exercise: slug, code: codeTemplate.solution }, queue });
    expect(await followSubmission(handle, student.id, right.id, { waitMs: 30_000 })).toMatchObject({
      status: 'graded',
      passed: true,
      score: 1,
    });
    const wrong = await createSubmission(db, { userId: student.id, body: { exercise: slug, code: codeTemplate.knownWrong }, queue });
    const graded = await followSubmission(handle, student.id, wrong.id, { waitMs: 30_000 });
    expect(graded).toMatchObject({
      status: 'graded',
      passed: false,
      score: 0,
      result: { diagnosis: { mistake: 'output-activation-not-applied' } },
    });

    const { archive } = await exportExerciseArchive(db, course, slug);
    expect(Object.keys(readTarGz(archive)).sort()).toEqual(
      [
        'cases.ts',
        'definition.ts',
        'known-wrong.ts',
        'mistakes.ts',
        'reference.ts',
        'solution.ts',
        'starter.ts',
        'statement.md',
        'variants.ts',
      ].map((f) => `activations/${slug}/${f}`),
    );
  });
});
