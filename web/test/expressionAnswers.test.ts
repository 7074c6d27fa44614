import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countAttempts, selectCourseExerciseBySlug, selectSubmission, type DbHandle } from '@deltalab/db';
import { makeEnrolledUser } from '@deltalab/db/test';
import { gradeContained } from '@deltalab/grader';
import { gradingStore } from '@/server/grading/gradingAdapter';
import { gradingPool, stopGrading } from '@/server/grading/startGrading';
import type { SeedResult } from '@/server/seed';
import { getCurrentCourse } from '@/server/services/courses/getCurrentCourse';
import { getExerciseStats } from '@/server/services/dashboards/getExerciseStats';
import { createSubmission } from '@/server/services/submissions/createSubmission';
import { refusal } from './refusal';
import { createSeededDb, testDrivers, type TestDriver } from './testDb';

const slug = 'output-weight-gradient-expression';

/** Expression answers through the site's services: stored as text, graded in a real grading child, on the dashboards. */
describe.each(testDrivers())('expression answers on %s', (driver: TestDriver) => {
  let handle: DbHandle;
  let seeded: SeedResult;
  const queue = { sameStatement: null, queued: () => {} };

  beforeAll(async () => {
    ({ handle, seeded } = await createSeededDb(driver));
  });
  afterAll(async () => {
    await stopGrading();
    await handle.close();
  });

  async function submitAndGrade(userId: string, answer: string) {
    const submission = await createSubmission(handle.db, { userId, body: { exercise: slug, answers: { dE_dw5: answer } }, queue });
    const store = gradingStore(handle.db);
    const [claim] = await store.claim([submission.id]);
    if (!claim) throw new Error('nothing to grade');
    const grade = await gradeContained(gradingPool(), claim.request);
    if (grade.kind !== 'graded') throw new Error(`not graded: ${grade.message}`);
    await store.record([{ claim, result: grade.result }]);
    return selectSubmission(handle.db, submission.id);
  }

  it('refuses an unreadable expression before storing it, naming the field and the reason (no attempt used)', async () => {
    const student = await makeEnrolledUser(handle.db, seeded.courseId, 'student');
    const refused = async (answer: string) =>
      (await refusal(createSubmission(handle.db, { userId: student.id, body: { exercise: slug, answers: { dE_dw5: answer } }, queue })))
        .message;
    expect(await refused('(out_o1 - target_o1)*outh1')).toMatch(/^answers\.dE_dw5: Unknown name “outh1”: did you mean out_h1\?/);
    expect(await refused('sigma(out_o1)')).toBe(
      'answers.dE_dw5: sigma is not allowed in this answer (no functions are allowed in this answer).',
    );
    expect(await refused('(out_o1 - target_o1')).toBe(
      'answers.dE_dw5: Syntax error at character 20: a closing parenthesis “)” is missing.',
    );
    const row = await selectCourseExerciseBySlug(handle.db, seeded.courseId, slug);
    expect(await countAttempts(handle.db, student.id, seeded.courseId, row!.exerciseId)).toBe(0);
  });

  it('grades the text, and the dashboards show the most common wrong expressions, known mistakes first', async () => {
    const answers = [
      '(out_o1 - target_o1)*out_h1', // missing σ′ (a known mistake)
      '(out_o1 - target_o1) * out_h1', // the same, read the same
      'out_o1*out_h1', // wrong, no known mistake
      '(out_o1 - target_o1)*out_o1*(1 - out_o1)*out_h1', // right
    ];
    const graded = [];
    for (const answer of answers)
      graded.push(await submitAndGrade((await makeEnrolledUser(handle.db, seeded.courseId, 'student')).id, answer));
    expect(graded.map((s) => s.score)).toEqual([0, 0, 0, 1]);
    const fields = (graded[0]!.result as { fields: { status: string; expression: string; diagnosis?: { mistake: string } }[] }).fields;
    expect(fields[0]).toMatchObject({
      status: 'wrong',
      expression: '(out_o1 - target_o1)*out_h1',
      diagnosis: { mistake: 'missing-sigma-derivative' },
    });

    const instructor = seeded.userIds['instructor@deltalab.test']!;
    const stats = await getExerciseStats(handle.db, (await getCurrentCourse(handle.db, instructor))!, slug);
    expect(stats.numeric?.wrongExpressions).toEqual([
      { field: 'dE_dw5', mistake: 'missing-sigma-derivative', expression: '(out_o1 - target_o1)*out_h1', submissions: 2 },
      { field: 'dE_dw5', mistake: null, expression: 'out_o1*out_h1', submissions: 1 },
    ]);
    expect(stats.numeric?.wrongValues).toEqual([]);
  });
});
