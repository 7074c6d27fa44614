import { expect, it } from 'vitest';
import {
  ensureDraws,
  insertAssessment,
  selectSubmissionContext,
  setEnrollmentSection,
  startInstance,
  updateCourseSettings,
  upsertSectionOverride,
  upsertStudentOverrides,
} from '../src/index';
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

  it("brings the exercise's assessment, its slot, and the student's overrides, instance and draw in the same row", async () => {
    const db = use().db;
    const course = await makeCourse(db);
    const [a, b, c, lone] = [
      await makeCourseExercise(db, course.id),
      await makeCourseExercise(db, course.id),
      await makeCourseExercise(db, course.id),
      await makeCourseExercise(db, course.id),
    ];
    const student = await makeEnrolledUser(db, course.id);
    const classmate = await makeEnrolledUser(db, course.id);
    await setEnrollmentSection(db, student.id, course.id, 'Lab B');
    const dueAt = new Date('2030-03-01T10:00:00.250Z');
    const exam = await insertAssessment(db, {
      courseId: course.id,
      slug: 'quiz',
      title: 'Quiz',
      type: 'exam',
      dueAt,
      timeLimitMinutes: 20,
      lateDeadlines: [{ until: '2030-03-08T10:00:00.000Z', credit: 0.5 }],
      slots: [{ choose: 2, points: 4, pointsPerAttempt: [4, 2], exerciseIds: [a.exerciseId, b.exerciseId, c.exerciseId] }],
    });
    const window = { since: new Date(0), limit: 5 };

    expect((await selectSubmissionContext(db, student.id, lone.slug, window))!.assessment).toBeNull();
    const before = (await selectSubmissionContext(db, student.id, a.slug, window))!.assessment!;
    expect(before).toMatchObject({
      assessment: { id: exam.id, slug: 'quiz', type: 'exam', timeLimitMinutes: 20, honorCode: false, scoresReleasedAt: null },
      slot: {
        choose: 2,
        points: 4,
        pointsPerAttempt: [4, 2],
        exerciseIds: [a.exerciseId, b.exerciseId, c.exerciseId],
        exerciseGroups: [null, null, null],
      },
      overrides: [],
      instance: null,
      drawnExerciseIds: null,
    });
    // Dates come back as Dates, to the millisecond; JSON columns as values.
    expect(before.assessment.dueAt).toEqual(dueAt);
    expect(before.assessment.createdAt).toBeInstanceOf(Date);
    expect(before.assessment.lateDeadlines).toEqual([{ until: '2030-03-08T10:00:00.000Z', credit: 0.5 }]);

    const input = { assessmentId: exam.id, reason: 'accommodation', createdBy: null };
    await upsertStudentOverrides(db, { ...input, extraMinutes: 10 }, [student.id, classmate.id]);
    await upsertSectionOverride(db, { ...input, timeFactor: 1.5 }, 'Lab B');
    await upsertSectionOverride(db, { ...input, timeFactor: 2 }, 'Lab C');
    const started = (await startInstance(db, exam.id, student.id, new Date('2030-02-01T09:00:00.500Z'))).instance;
    const slotId = before.slot.id;
    await ensureDraws(db, student.id, [{ ...before.slot }], () => ({ seed: 'abc', exerciseIds: [a.exerciseId, c.exerciseId] }));

    const after = (await selectSubmissionContext(db, student.id, a.slug, window))!.assessment!;
    // Their own override and their section's, not a classmate's or another section's.
    expect(after.overrides.map((o) => [o.userId, o.section, o.extraMinutes, o.timeFactor]).sort()).toEqual(
      [
        [student.id, null, 10, null],
        [null, 'Lab B', null, 1.5],
      ].sort(),
    );
    expect(after.instance).toEqual(started);
    expect(after.drawnExerciseIds).toEqual([a.exerciseId, c.exerciseId]);
    expect(after.slot.id).toBe(slotId);
    const theirs = (await selectSubmissionContext(db, classmate.id, a.slug, window))!.assessment!;
    expect(theirs).toMatchObject({ instance: null, drawnExerciseIds: null });
    expect(theirs.overrides.map((o) => o.userId)).toEqual([classmate.id]);
  });
});
