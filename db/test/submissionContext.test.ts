import { expect, it } from 'vitest';
import { selectSubmissionContext, updateCourseSettings } from '../src/index';
import { makeCourse, makeCourseExercise, makeEnrolledUser, makeExercise, makeSubmission, makeUser } from '../src/test/factories';
import { describeEachDriver } from './drivers';

describeEachDriver('submission context', (use) => {
  it('reads course, role, the course exercise and recent submission times in one query', async () => {
    const course = await makeCourse(use().db);
    await updateCourseSettings(use().db, course.id, { timeZone: 'Europe/Berlin', latePolicy: 'refuse', latePenalty: 0 });
    const dueAt = new Date('2030-01-01T00:00:00Z');
    const exercise = await makeCourseExercise(use().db, course.id, { dueAt, maxAttempts: 3, pointsDecayPerAttempt: 0.25 });
    const other = await makeCourseExercise(use().db, course.id);
    const student = await makeEnrolledUser(use().db, course.id);
    const window = { since: new Date(Date.now() - 60_000), limit: 2 };

    const empty = await selectSubmissionContext(use().db, student.id, exercise.slug, window);
    expect(empty).toMatchObject({
      course: { id: course.id, title: course.title, role: 'student', timeZone: 'Europe/Berlin', latePolicy: 'refuse' },
      courseExercise: {
        exerciseId: exercise.exerciseId,
        slug: exercise.slug,
        currentVersionId: exercise.versionId,
        maxAttempts: 3,
        published: true,
      },
      recentSubmissionTimes: [],
    });
    expect(empty!.courseExercise!.dueAt).toEqual(dueAt);

    const made = [];
    for (const target of [exercise, other, exercise])
      made.push(await makeSubmission(use().db, { userId: student.id, courseId: course.id, exercise: target }));
    const context = await selectSubmissionContext(use().db, student.id, exercise.slug, window);
    // Newest first, any exercise, at most `limit`.
    expect(context!.recentSubmissionTimes.map((d) => d.getTime())).toEqual([made[2]!.createdAt.getTime(), made[1]!.createdAt.getTime()]);
    const later = await selectSubmissionContext(use().db, student.id, exercise.slug, { since: new Date(Date.now() + 60_000), limit: 5 });
    expect(later!.recentSubmissionTimes).toEqual([]);
  });

  it('has no course exercise for a slug the course lacks, and no context for a user in no course', async () => {
    const course = await makeCourse(use().db);
    const student = await makeEnrolledUser(use().db, course.id);
    const elsewhere = await makeExercise(use().db);
    const window = { since: new Date(0), limit: 5 };
    expect((await selectSubmissionContext(use().db, student.id, elsewhere.slug, window))?.courseExercise).toBeNull();
    expect((await selectSubmissionContext(use().db, student.id, 'no-such-slug', window))?.courseExercise).toBeNull();
    const loner = await makeUser(use().db);
    expect(await selectSubmissionContext(use().db, loner.id, elsewhere.slug, window)).toBeNull();
  });
});
