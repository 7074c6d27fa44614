import { expect, it } from 'vitest';
import { courseGradebook, selectDraft, saveDraft, studentExerciseSummaries } from '../src/index';
import { makeCourse, makeCourseExercise, makeEnrolledUser, makeSubmission, recordFailure, recordGrade } from '../src/test/factories';
import { describeEachDriver } from './drivers';

const graded = { result: {}, graderVersion: 'test-1' };

describeEachDriver('course home progress and drafts', (use) => {
  it('summarises every published exercise: not started, attempted, solved, best score, attempts, due date', async () => {
    const course = await makeCourse(use().db);
    const dueAt = new Date('2031-03-01T09:00:00.000Z');
    const untouched = await makeCourseExercise(use().db, course.id, { position: 1, title: 'Untouched', dueAt, maxAttempts: 5 });
    const tried = await makeCourseExercise(use().db, course.id, { position: 2, title: 'Tried' });
    const solved = await makeCourseExercise(use().db, course.id, { position: 3, title: 'Solved' });
    const onlyFailed = await makeCourseExercise(use().db, course.id, { position: 4, title: 'Only failed' });
    await makeCourseExercise(use().db, course.id, { position: 0, title: 'Unpublished', published: false });
    const student = await makeEnrolledUser(use().db, course.id);
    const other = await makeEnrolledUser(use().db, course.id);
    const submit = (exercise: typeof tried, userId = student.id) => makeSubmission(use().db, { userId, courseId: course.id, exercise });

    const t1 = await submit(tried);
    await recordGrade(use().db, t1.id, { ...graded, score: 0.4, passed: false });
    await submit(tried); // still queued
    const s1 = await submit(solved);
    await recordGrade(use().db, s1.id, { ...graded, score: 0.25, passed: false });
    const s2 = await submit(solved);
    await recordGrade(use().db, s2.id, { ...graded, score: 0.9, passed: true });
    const f1 = await submit(onlyFailed);
    await recordFailure(use().db, f1.id, 'internal');
    const o1 = await submit(untouched, other.id);
    await recordGrade(use().db, o1.id, { ...graded, score: 1, passed: true });

    const summaries = await studentExerciseSummaries(use().db, student.id, course.id);
    expect(summaries.map((s) => [s.title, s.status, s.bestScore === null ? null : Number(s.bestScore.toFixed(4)), s.attempts])).toEqual([
      ['Untouched', 'not-started', null, 0],
      ['Tried', 'attempted', 0.4, 2],
      ['Solved', 'solved', 0.9, 2],
      ['Only failed', 'attempted', null, 0],
    ]);
    expect(summaries[0]).toMatchObject({ dueAt, maxAttempts: 5, lastSubmittedAt: null, slug: untouched.slug });
    expect(summaries[1]?.lastSubmittedAt).toBeInstanceOf(Date);
    expect(summaries[1]!.lastSubmittedAt!.getTime()).toBeGreaterThan(Date.now() - 600_000);
  });

  it('gives the instructor one gradebook cell per student and exercise with submissions', async () => {
    const course = await makeCourse(use().db);
    const a = await makeCourseExercise(use().db, course.id);
    const b = await makeCourseExercise(use().db, course.id);
    const ann = await makeEnrolledUser(use().db, course.id);
    const ben = await makeEnrolledUser(use().db, course.id);
    const s1 = await makeSubmission(use().db, { userId: ann.id, courseId: course.id, exercise: a });
    await recordGrade(use().db, s1.id, { ...graded, score: 1, passed: true });
    await makeSubmission(use().db, { userId: ann.id, courseId: course.id, exercise: a, late: true });
    await makeSubmission(use().db, { userId: ben.id, courseId: course.id, exercise: b });
    const cells = await courseGradebook(use().db, course.id);
    const byKey = new Map(cells.map((c) => [`${c.userId}:${c.exerciseId}`, c]));
    expect(cells).toHaveLength(2);
    expect(byKey.get(`${ann.id}:${a.exerciseId}`)).toMatchObject({ bestScore: 1, attempts: 2, solved: true, late: true });
    expect(byKey.get(`${ben.id}:${b.exerciseId}`)).toMatchObject({ bestScore: null, attempts: 1, solved: false, late: false });
    expect(byKey.get(`${ben.id}:${b.exerciseId}`)?.lastSubmittedAt).toBeInstanceOf(Date);
  });

  it('saves one draft per user and exercise, overwriting it', async () => {
    const course = await makeCourse(use().db);
    const exercise = await makeCourseExercise(use().db, course.id);
    const student = await makeEnrolledUser(use().db, course.id);
    expect(await selectDraft(use().db, student.id, exercise.exerciseId)).toBeUndefined();
    const first = await saveDraft(use().db, student.id, exercise.exerciseId, 'let a = 1;');
    const second = await saveDraft(use().db, student.id, exercise.exerciseId, 'let a = 2;');
    expect(second.updatedAt.getTime()).toBeGreaterThanOrEqual(first.updatedAt.getTime());
    expect(await selectDraft(use().db, student.id, exercise.exerciseId)).toMatchObject({ code: 'let a = 2;' });
  });
});
