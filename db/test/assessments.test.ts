import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import {
  AssessmentConflictError,
  claimSubmissionsForGrading,
  deleteOverride,
  ensureDraws,
  finishInstance,
  insertAssessment,
  listAssessments,
  listBestScores,
  listOverrides,
  listOverridesForStudent,
  migrate,
  selectAssessmentBySlug,
  selectAssessmentFacts,
  setEnrollmentSection,
  startInstance,
  updateAssessment,
  upsertSectionOverride,
  upsertStudentOverrides,
} from '../src/index';
import { rowsOf } from '../src/rawRows';
import { makeCourse, makeCourseExercise, makeEnrolledUser, makeSubmission, recordGrade, uniqueSuffix } from '../src/test/factories';
import { describeEachDriver } from './drivers';
import { migrationsBefore } from './migrationsBefore';

describeEachDriver('assessments', (use, driver) => {
  it('migrates existing courses into one homework per topic (and due date), keeping every due date, submission and grade', async () => {
    const { folder, before, after } = migrationsBefore('_assessments');
    expect(before).toBeGreaterThan(0);
    const fresh = await driver.openFresh();
    try {
      const db = fresh.handle.db;
      await migrate(db, { migrationsFolder: folder });
      const one = async <T>(q: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(q))[0]!;
      const user = (await one<{ id: string }>(sql`insert into users (email, name) values ('s@old.test', 'S') returning id`)).id;
      const course = (
        await one<{ id: string }>(sql`insert into courses (title, slug, join_code) values ('Old', 'old', 'OLD-1') returning id`)
      ).id;
      await db.execute(sql`insert into enrollments (user_id, course_id, role) values (${user}, ${course}, 'student')`);
      const week1 = '2026-03-08T23:59:00.000Z';
      const week2 = '2026-03-15T23:59:00.000Z';
      const made: Record<string, string> = {};
      const exercisesOf: [string, string, string | null, number][] = [
        ['fp-1', 'forward-pass', week1, 0],
        ['fp-2', 'forward-pass', week1, 1],
        ['act-1', 'activations', week2, 2],
        ['act-2', 'activations', null, 3],
        ['loss-1', 'losses', week2, 4],
      ];
      for (const [slug, topic, due, position] of exercisesOf) {
        const exercise = (
          await one<{ id: string }>(
            sql`insert into exercises (slug, title, topic, kind, position) values (${slug}, ${slug}, ${topic}, 'numeric', ${position}) returning id`,
          )
        ).id;
        const version = (
          await one<{ id: string }>(
            sql`insert into exercise_versions (exercise_id, content_hash, definition) values (${exercise}, 'h', '{}'::jsonb) returning id`,
          )
        ).id;
        await db.execute(sql`update exercises set current_version_id = ${version} where id = ${exercise}`);
        await db.execute(
          sql`insert into course_exercises (course_id, exercise_id, position, due_at) values (${course}, ${exercise}, ${position}, ${due})`,
        );
        await db.execute(sql`insert into submissions (user_id, course_id, exercise_id, exercise_version_id, kind, payload, attempt, status, score)
          values (${user}, ${course}, ${exercise}, ${version}, 'numeric', '{"answers":{}}'::jsonb, 1, 'graded', 0.5)`);
        made[slug] = exercise;
      }
      const countBefore = await one<{ n: number }>(sql`select count(*)::int as n, sum(score)::float8 as total from submissions`);

      expect(await migrate(db)).toBe(after); // 0009 and every migration after it

      const list = await listAssessments(db, course);
      expect(list.map((a) => [a.slug, a.title, a.type, a.dueAt?.toISOString() ?? null])).toEqual([
        ['forward-pass', 'The forward pass', 'homework', week1],
        ['activations-1', 'Activation functions (1)', 'homework', week2],
        ['activations-2', 'Activation functions (2)', 'homework', null],
        ['losses', 'Loss functions', 'homework', week2],
      ]);
      expect(list[0]!.slots.map((s) => s.exerciseSlugs)).toEqual([['fp-1'], ['fp-2']]);
      expect(list.flatMap((a) => a.slots.flatMap((s) => s.exerciseSlugs)).sort()).toEqual(['act-1', 'act-2', 'fp-1', 'fp-2', 'loss-1']);
      // The course's exercises keep their own due dates and rules; nothing of the submissions changed.
      const dues = rowsOf<{ due: string | null }>(await db.execute(sql`select due_at as due from course_exercises order by position`));
      expect(dues.map((d) => (d.due ? new Date(d.due).toISOString() : null))).toEqual([week1, week1, week2, null, week2]);
      expect(await one<{ n: number }>(sql`select count(*)::int as n, sum(score)::float8 as total from submissions`)).toEqual(countBefore);
      expect(await one<{ n: number }>(sql`select count(*)::int as n from submissions where credit is not null`)).toEqual({ n: 0 });
      // Anyone's facts name the assessment (a user id nobody has: no overrides, instance or draw).
      expect((await selectAssessmentFacts(db, course, made['act-2']!, randomUUID()))?.assessment.slug).toBe('activations-2');
    } finally {
      await fresh.dispose();
    }
  }, 120_000);

  it('stores assessments with pools, refuses a taken slug and overlapping pools, and keeps draws on an unchanged save', async () => {
    const db = use().db;
    const course = await makeCourse(db);
    const exercises = await Promise.all([0, 1, 2, 3, 4, 5].map(() => makeCourseExercise(db, course.id)));
    const ids = exercises.map((e) => e.exerciseId);
    const quiz = await insertAssessment(db, {
      courseId: course.id,
      slug: 'quiz-1',
      title: 'Quiz 1',
      type: 'exam',
      timeLimitMinutes: 20,
      honorCode: true,
      slots: [
        { exerciseIds: [ids[0]!], points: 4 },
        { exerciseIds: ids.slice(1, 6), choose: 3, points: 2, pointsPerAttempt: [2, 1.4, 1] },
      ],
    });
    const read = (await selectAssessmentBySlug(db, course.id, 'quiz-1'))!;
    expect(read.slots.map((s) => [s.choose, s.points, s.pointsPerAttempt, s.exerciseIds.length])).toEqual([
      [1, 4, null, 1],
      [3, 2, [2, 1.4, 1], 5],
    ]);
    await expect(
      insertAssessment(db, { courseId: course.id, slug: 'quiz-1', title: 'Again', type: 'homework', slots: [] }),
    ).rejects.toThrow(AssessmentConflictError);
    const overlap = insertAssessment(db, {
      courseId: course.id,
      slug: 'hw',
      title: 'HW',
      type: 'homework',
      slots: [{ exerciseIds: [ids[2]!] }],
    });
    await expect(overlap).rejects.toMatchObject({ conflict: 'exercise' });
    expect(await selectAssessmentBySlug(db, course.id, 'hw')).toBeUndefined();

    const student = await makeEnrolledUser(db, course.id);
    const pool = read.slots[1]!;
    let calls = 0;
    const draw = () => {
      calls++;
      return { seed: 'seed-1', exerciseIds: pool.exerciseIds.slice(0, 3) };
    };
    const first = await ensureDraws(db, student.id, [pool], draw);
    const again = await ensureDraws(db, student.id, [pool], () => ({ seed: 'other', exerciseIds: pool.exerciseIds.slice(2, 5) }));
    expect(again.get(pool.id)).toEqual(first.get(pool.id));
    expect(calls).toBe(1);
    // Saving the same slots with new points keeps the slot (and so the draws).
    await updateAssessment(db, quiz.id, {
      courseId: course.id,
      slug: 'quiz-1',
      title: 'Quiz one',
      type: 'exam',
      timeLimitMinutes: 25,
      slots: [
        { exerciseIds: [ids[0]!], points: 5 },
        { exerciseIds: ids.slice(1, 6), choose: 3, points: 3 },
      ],
    });
    const updated = (await selectAssessmentBySlug(db, course.id, 'quiz-1'))!;
    expect(updated.title).toBe('Quiz one');
    expect(updated.slots[1]!.id).toBe(pool.id);
    expect(updated.slots[1]!.points).toBe(3);
  });

  it('stores a pool of groups (drawn together), refuses a group number below 1, and starts the draws afresh when the groups change', async () => {
    const db = use().db;
    const course = await makeCourse(db);
    const ids = (await Promise.all([0, 1, 2, 3].map(() => makeCourseExercise(db, course.id)))).map((e) => e.exerciseId);
    const input = {
      courseId: course.id,
      slug: 'grouped',
      title: 'Grouped',
      type: 'exam' as const,
      slots: [{ exerciseIds: ids, groups: [1, 1, 2, 2], choose: 1, points: 5 }],
    };
    const made = await insertAssessment(db, input);
    const slot = (await selectAssessmentBySlug(db, course.id, 'grouped'))!.slots[0]!;
    expect(slot.exerciseGroups).toEqual([1, 1, 2, 2]);
    expect((await selectAssessmentFacts(db, course.id, ids[3]!, randomUUID()))?.slot.exerciseGroups).toEqual([1, 1, 2, 2]);
    const student = await makeEnrolledUser(db, course.id);
    await ensureDraws(db, student.id, [slot], () => ({ seed: 'seed-g', exerciseIds: ids.slice(2, 4) }));
    // The same groups keep the slot and its draws; other groups make a new slot (the old draws no longer fit).
    await updateAssessment(db, made.id, { ...input, title: 'Grouped again' });
    expect((await selectAssessmentBySlug(db, course.id, 'grouped'))!.slots[0]!.id).toBe(slot.id);
    await updateAssessment(db, made.id, { ...input, slots: [{ ...input.slots[0]!, groups: [1, 2, 1, 2] }] });
    const regrouped = (await selectAssessmentBySlug(db, course.id, 'grouped'))!.slots[0]!;
    expect(regrouped.id).not.toBe(slot.id);
    expect(regrouped.exerciseGroups).toEqual([1, 2, 1, 2]);
    const refused: unknown = await updateAssessment(db, made.id, { ...input, slots: [{ ...input.slots[0]!, groups: [0, 0, 2, 2] }] }).then(
      () => null,
      (error: unknown) => error,
    );
    // PostgreSQL's check_violation, wherever the driver's wrapping put it.
    const codes: unknown[] = [];
    for (let e = refused as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) codes.push(e.code);
    expect(codes).toContain('23514');
    expect((await selectAssessmentBySlug(db, course.id, 'grouped'))!.slots[0]!.exerciseGroups).toEqual([1, 2, 1, 2]);
  });

  it('starts one instance per student, finishes it once, and keeps overrides per student and per section', async () => {
    const db = use().db;
    const course = await makeCourse(db);
    const exercise = await makeCourseExercise(db, course.id);
    const exam = await insertAssessment(db, {
      courseId: course.id,
      slug: `exam-${uniqueSuffix()}`,
      title: 'Exam',
      type: 'exam',
      slots: [{ exerciseIds: [exercise.exerciseId] }],
    });
    const student = await makeEnrolledUser(db, course.id);
    const other = await makeEnrolledUser(db, course.id);
    const t0 = new Date('2026-04-01T09:30:00Z');
    const started = await startInstance(db, exam.id, student.id, t0);
    expect(started.created).toBe(true);
    const again = await startInstance(db, exam.id, student.id, new Date('2026-04-01T09:35:00Z'));
    expect(again).toMatchObject({ created: false, instance: { id: started.instance.id } });
    expect(again.instance.startedAt).toEqual(t0);
    const finished = await finishInstance(db, started.instance.id, new Date('2026-04-01T09:40:00Z'));
    expect(finished?.closedAt).toEqual(new Date('2026-04-01T09:40:00Z'));
    const finishedAgain = await finishInstance(db, started.instance.id, new Date('2026-04-01T09:45:00Z'));
    expect(finishedAgain?.closedAt).toEqual(new Date('2026-04-01T09:40:00Z'));

    await setEnrollmentSection(db, other.id, course.id, 'Lab B');
    const base = { assessmentId: exam.id, reason: 'accommodation letter', createdBy: null };
    await upsertStudentOverrides(db, { ...base, extraMinutes: 10 }, [student.id, other.id]);
    await upsertStudentOverrides(db, { ...base, timeFactor: 1.5, reason: 'updated' }, [student.id]);
    await upsertSectionOverride(db, { ...base, dueAt: new Date('2026-04-02T00:00:00Z') }, 'Lab B');
    const all = await listOverrides(db, course.id, exam.id);
    expect(all).toHaveLength(3);
    const mine = await listOverridesForStudent(db, course.id, student.id);
    expect(mine.map((o) => [o.timeFactor, o.extraMinutes, o.reason])).toEqual([[1.5, null, 'updated']]);
    const theirs = await listOverridesForStudent(db, course.id, other.id);
    expect(theirs.map((o) => [o.section, o.extraMinutes]).sort((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual([
      ['Lab B', null],
      [null, 10],
    ]);
    expect(await deleteOverride(db, exam.id, all[0]!.id)).toBe(true);
    expect(await listOverrides(db, course.id, exam.id)).toHaveLength(2);
  });

  it('hands grading the credit a submission was given and its slot points per attempt', async () => {
    const db = use().db;
    const course = await makeCourse(db);
    const exercise = await makeCourseExercise(db, course.id);
    await insertAssessment(db, {
      courseId: course.id,
      slug: 'exam',
      title: 'Exam',
      type: 'exam',
      slots: [{ exerciseIds: [exercise.exerciseId], pointsPerAttempt: [10, 7, 5] }],
    });
    const student = await makeEnrolledUser(db, course.id);
    const submission = await makeSubmission(db, { userId: student.id, courseId: course.id, exercise, credit: 0.5 });
    expect(submission.credit).toBe(0.5);
    const [claim] = await claimSubmissionsForGrading(db, [submission.id]);
    expect(claim).toMatchObject({ credit: 0.5, pointsPerAttempt: [10, 7, 5] });
    await recordGrade(db, submission.id, { score: 0.25, passed: false });
    const best = await listBestScores(db, course.id, student.id);
    expect(best.get(`${student.id}:${exercise.exerciseId}`)?.bestScore).toBe(0.25);
  });
});
