import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countAttempts,
  listAssessments,
  listCourseExercises,
  selectCourseExerciseBySlug,
  setEnrollmentSection,
  upsertCourseExercise,
  type DbHandle,
} from '@deltalab/db';
import { makeCourse, makeEnrolledUser, recordGrade } from '@deltalab/db/test';
import { findExercise, solveVariant, variantSeed } from '@deltalab/exercises';
import { formatDateTime } from '@/lib/format';
import { getCourseHome } from '@/server/services/courses/getCourseHome';
import { getCurrentCourse, type CurrentCourse } from '@/server/services/courses/getCurrentCourse';
import { createSubmission } from '@/server/services/submissions/createSubmission';
import { getExerciseForStudent } from '@/server/services/exercises/getExerciseForStudent';
import { studentAssessments } from '@/server/services/assessments/studentAssessments';
import { finishAssessment, startAssessment } from '@/server/services/assessments/startAssessment';
import { setOverrides } from '@/server/services/assessments/overrides';
import { importAssessments, releaseScores, saveAssessment } from '@/server/services/assessments/editAssessment';
import { exportAssessments } from '@/server/services/assessments/assessmentFiles';
import { updateExerciseSettingsFor } from '@/server/services/courses/updateExerciseSettings';
import { assessmentStatistics } from '@/server/services/assessments/assessmentGrades';
import { demoQuiz } from '@/server/services/assessments/topicHomework';
import { regradeAssessment } from '@/server/services/assessments/regradeAssessment';
import { removeAssessment, removeOverride } from '@/server/services/assessments/removeAssessment';
import { gradebookCsv } from '@/server/services/dashboards/gradebookCsv';
import type { SeedResult } from '@/server/seed';
import { createSeededDb, testDrivers, type TestDriver } from './testDb';

describe.each(testDrivers())('assessments on %s', (driver: TestDriver) => {
  let handle: DbHandle;
  let seeded: SeedResult;
  const queue = { sameStatement: null, queued: () => {} };
  beforeAll(async () => {
    ({ handle, seeded } = await createSeededDb(driver));
  });
  afterAll(async () => {
    await handle.close();
  });

  async function student(): Promise<{ id: string; course: CurrentCourse }> {
    const user = await makeEnrolledUser(handle.db, seeded.courseId, 'student');
    return { id: user.id, course: (await getCurrentCourse(handle.db, user.id))! };
  }
  const instructor = async () => (await getCurrentCourse(handle.db, seeded.userIds['instructor@deltalab.test']!))!;

  function rightAnswers(slug: string, userId: string): Record<string, string> {
    const solution = solveVariant(findExercise(slug)!, variantSeed(slug, userId));
    if (solution.kind !== 'numeric') throw new Error('not numeric');
    return Object.fromEntries(Object.entries(solution.values).map(([name, value]) => [name, String(value)]));
  }

  it('seeds one homework per topic keeping the due dates, and a 20-minute quiz drawing 3 of 5', async () => {
    const assessments = await listAssessments(handle.db, seeded.courseId);
    const exercises = await listCourseExercises(handle.db, seeded.courseId, { includeUnpublished: true });
    // The catalogue's exercises: on PostgreSQL other suites add site-authored exercises to the shared demo course.
    const inCatalogue = (slug: string) => findExercise(slug) !== undefined;
    const slotted = assessments.flatMap((a) => a.slots.flatMap((s) => s.exerciseSlugs)).filter(inCatalogue);
    expect(slotted.sort()).toEqual(
      exercises
        .map((e) => e.slug)
        .filter(inCatalogue)
        .sort(),
    );
    const homework = assessments.filter((a) => a.type === 'homework');
    expect(homework.map((a) => a.slug)).toContain('forward-pass');
    for (const a of homework)
      for (const slot of a.slots)
        expect(exercises.find((e) => e.exerciseId === slot.exerciseIds[0])!.dueAt?.toISOString()).toBe(a.dueAt?.toISOString());
    const quiz = assessments.find((a) => a.slug === demoQuiz.slug)!;
    expect(quiz).toMatchObject({ type: 'exam', timeLimitMinutes: 20, honorCode: true });
    expect(quiz.slots).toHaveLength(1);
    expect(quiz.slots[0]).toMatchObject({ choose: 3, pointsPerAttempt: [10, 7, 5] });
    expect(quiz.slots[0]!.exerciseSlugs).toHaveLength(5);
    expect(await listAssessments(handle.db, seeded.secondCourseId)).not.toHaveLength(0);
  });

  it('runs an exam: honor code, one instance, the draw kept, closed at the time limit by the server clock with no attempt used', async () => {
    const me = await student();
    const t0 = new Date();
    const before = (await studentAssessments(handle.db, me.course, me.id, t0)).find((a) => a.slug === demoQuiz.slug)!;
    expect(before).toMatchObject({
      status: 'not-started',
      questions: [],
      timeLimitMinutes: 20,
      scoresHidden: true,
      score: null,
      maxPoints: 30,
    });

    await expect(startAssessment(handle.db, me.course, me.id, demoQuiz.slug, {}, t0)).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/honor code/),
    });
    await expect(startAssessment(handle.db, me.course, me.id, 'forward-pass', { honorCode: true }, t0)).rejects.toMatchObject({
      message: expect.stringMatching(/homework/),
    });
    // Not started: answering is refused and stores nothing.
    const drawnBefore = demoQuiz.pool[0];
    await expect(
      createSubmission(handle.db, {
        userId: me.id,
        body: { exercise: drawnBefore, answers: rightAnswersOrAny(drawnBefore, me.id) },
        queue,
        now: t0,
      }),
    ).rejects.toMatchObject({ status: 409, code: expect.stringMatching(/not-started|unknown-exercise/) });

    // Its questions are not to be seen before the start, nor listed (GET /api/exercises lists the course home's).
    expect(await getExerciseForStudent(handle.db, me.id, demoQuiz.pool[0])).toBeNull();
    const listed = async () => new Map((await getCourseHome(handle.db, me.id, t0))!.exercises.map((e) => [e.slug, e]));
    expect([...(await listed()).keys()].filter((slug) => (demoQuiz.pool as readonly string[]).includes(slug))).toEqual([]);
    const homework = (await studentAssessments(handle.db, me.course, me.id, t0)).find((a) => a.slug === 'forward-pass')!;
    expect((await listed()).has(homework.questions[0]!.exercise)).toBe(true);
    const started = await startAssessment(handle.db, me.course, me.id, demoQuiz.slug, { honorCode: true }, t0);
    expect(started.slots).toHaveLength(3);
    expect([...(await listed()).keys()].filter((slug) => (demoQuiz.pool as readonly string[]).includes(slug)).sort()).toEqual(
      started.slots.map((s) => s.exercise).sort(),
    );
    expect(await getExerciseForStudent(handle.db, me.id, started.slots[0]!.exercise)).not.toBeNull();
    expect(
      await getExerciseForStudent(
        handle.db,
        me.id,
        demoQuiz.pool.find((s) => !started.slots.some((x) => x.exercise === s))!,
      ),
    ).toBeNull();
    expect(new Date(started.endsAt!).getTime() - t0.getTime()).toBe(20 * 60_000);
    const again = await startAssessment(handle.db, me.course, me.id, demoQuiz.slug, {}, new Date(t0.getTime() + 60_000));
    expect(again).toMatchObject({ instanceId: started.instanceId, endsAt: started.endsAt, slots: started.slots });

    const drawn = started.slots[0]!.exercise;
    const notDrawn = demoQuiz.pool.find((s) => !started.slots.some((x) => x.exercise === s))!;
    await expect(
      createSubmission(handle.db, {
        userId: me.id,
        body: { exercise: notDrawn, answers: rightAnswersOrAny(notDrawn, me.id) },
        queue,
        now: t0,
      }),
    ).rejects.toMatchObject({ code: 'unknown-exercise', message: expect.stringMatching(/not one of your questions/) });
    const ok = await createSubmission(handle.db, {
      userId: me.id,
      body: { exercise: drawn, answers: rightAnswersOrAny(drawn, me.id), assessment: demoQuiz.slug },
      queue,
      now: new Date(t0.getTime() + 5 * 60_000),
    });
    expect(ok).toMatchObject({ attempt: 1, credit: 1, late: false });
    // Solved, but the exam's scores are not released: the list says attempted, with no score.
    expect(await recordGrade(handle.db, ok.id, { score: 1, passed: true })).toBe(true);
    expect((await listed()).get(drawn)).toMatchObject({ status: 'attempted', bestScore: null, attempts: 1 });
    await expect(
      createSubmission(handle.db, {
        userId: me.id,
        body: { exercise: drawn, answers: rightAnswersOrAny(drawn, me.id), assessment: 'forward-pass' },
        queue,
        now: t0,
      }),
    ).rejects.toMatchObject({ code: 'unknown-exercise' });

    const view = (await studentAssessments(handle.db, me.course, me.id, new Date(t0.getTime() + 10 * 60_000))).find(
      (a) => a.slug === demoQuiz.slug,
    )!;
    expect(view).toMatchObject({ status: 'in-progress', timeLeftMs: 10 * 60_000 });
    expect(view.questions.map((q) => q.exercise)).toEqual(started.slots.map((s) => s.exercise));

    // The clock moves to the limit: closed, refused with the time named, no attempt used.
    const atLimit = new Date(t0.getTime() + 20 * 60_000);
    const exercise = (await selectCourseExerciseBySlug(handle.db, seeded.courseId, drawn))!;
    const attempts = await countAttempts(handle.db, me.id, seeded.courseId, exercise.exerciseId);
    await expect(
      createSubmission(handle.db, {
        userId: me.id,
        body: { exercise: drawn, answers: rightAnswersOrAny(drawn, me.id) },
        queue,
        now: atLimit,
      }),
    ).rejects.toMatchObject({
      status: 409,
      code: 'assessment-closed',
      message: expect.stringContaining(`ended ${formatDateTime(atLimit, me.course.timeZone)} (its time limit was reached)`),
    });
    expect(await countAttempts(handle.db, me.id, seeded.courseId, exercise.exerciseId)).toBe(attempts);
    expect(await finishAssessment(handle.db, me.course, me.id, demoQuiz.slug, atLimit)).toMatchObject({ reason: 'time-limit' });
  });

  it('finishing early closes the exam at once', async () => {
    const me = await student();
    const t0 = new Date();
    const started = await startAssessment(handle.db, me.course, me.id, demoQuiz.slug, { honorCode: true }, t0);
    const finishedAt = new Date(t0.getTime() + 3 * 60_000);
    expect(await finishAssessment(handle.db, me.course, me.id, demoQuiz.slug, finishedAt)).toEqual({
      closedAt: finishedAt.toISOString(),
      reason: 'finished',
    });
    await expect(
      createSubmission(handle.db, {
        userId: me.id,
        body: { exercise: started.slots[0]!.exercise, answers: rightAnswersOrAny(started.slots[0]!.exercise, me.id) },
        queue,
        now: new Date(finishedAt.getTime() + 1000),
      }),
    ).rejects.toMatchObject({ code: 'assessment-closed', message: expect.stringMatching(/you finished it/) });
  });

  it('overrides: extra time for a list of students, a section, refusals that change nothing, shown to the student', async () => {
    const course = await instructor();
    const a = await student();
    const b = await student();
    const emailOf = async (id: string) => (await handle.db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, id) }))!.email;
    const [ea, eb] = [await emailOf(a.id), await emailOf(b.id)];
    await expect(
      setOverrides(handle.db, course, seeded.userIds['instructor@deltalab.test']!, demoQuiz.slug, {
        students: [ea, 'nobody@example.com'],
        extraMinutes: 10,
        reason: 'letter',
      }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/Not a student of .*nobody@example.com.*Nothing was changed/) });
    await expect(
      setOverrides(handle.db, course, null as unknown as string, demoQuiz.slug, { students: [ea], reason: 'x' }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      setOverrides(handle.db, course, seeded.userIds['instructor@deltalab.test']!, demoQuiz.slug, {
        section: 'No such',
        extraMinutes: 5,
        reason: 'x',
      }),
    ).rejects.toMatchObject({
      status: 400,
    });
    const set = await setOverrides(handle.db, course, seeded.userIds['instructor@deltalab.test']!, demoQuiz.slug, {
      students: [ea, eb],
      timeFactor: 1.5,
      reason: 'accommodation letter',
    });
    expect(set.filter((o) => o.student === ea || o.student === eb)).toHaveLength(2);

    const t0 = new Date();
    await startAssessment(handle.db, a.course, a.id, demoQuiz.slug, { honorCode: true }, t0);
    const view = (await studentAssessments(handle.db, a.course, a.id, t0)).find((x) => x.slug === demoQuiz.slug)!;
    expect(view).toMatchObject({
      extended: true,
      extensionReason: 'accommodation letter',
      effectiveTimeLimitMinutes: 30,
      timeLeftMs: 30 * 60_000,
    });

    // A section's later due date on a homework; a student's own override would beat it.
    await setEnrollmentSection(handle.db, b.id, seeded.courseId, 'Lab B');
    const hw = (await listAssessments(handle.db, seeded.courseId)).find((x) => x.slug === 'forward-pass')!;
    const later = new Date(hw.dueAt!.getTime() + 3 * 24 * 3600_000);
    await setOverrides(handle.db, course, seeded.userIds['instructor@deltalab.test']!, 'forward-pass', {
      section: 'Lab B',
      dueAt: later.toISOString(),
      reason: 'lab closed',
    });
    const bCourse = (await getCurrentCourse(handle.db, b.id))!;
    const seen = (await studentAssessments(handle.db, bCourse, b.id, new Date())).find((x) => x.slug === 'forward-pass')!;
    expect(seen).toMatchObject({ dueAt: later.toISOString(), extended: true });
    // Past everyone's due date, before theirs: not late.
    const between = new Date(hw.dueAt!.getTime() + 3600_000);
    const submitted = await createSubmission(handle.db, {
      userId: b.id,
      body: { exercise: 'perceptron-forward', answers: { y_hat: '0.5' } },
      queue,
      now: between,
    });
    expect(submitted.late).toBe(false);
  });

  it('a homework with late deadlines stores the credit of the moment; after the last it is view-only', async () => {
    const course = await instructor();
    const exercise = (await listCourseExercises(handle.db, seeded.courseId)).find((e) => e.slug === 'mlp-forward-pass')!;
    const hw = (await listAssessments(handle.db, seeded.courseId)).find((a) =>
      a.slots.some((s) => s.exerciseIds.includes(exercise.exerciseId)),
    )!;
    const due = new Date(Date.now() - 2 * 24 * 3600_000);
    const body = {
      slug: hw.slug,
      title: hw.title,
      type: 'homework',
      dueAt: due.toISOString(),
      lateDeadlines: [{ until: new Date(due.getTime() + 7 * 24 * 3600_000).toISOString(), credit: 0.5 }],
      slots: hw.slots.map((s) => ({ exercises: s.exerciseSlugs })),
    };
    // The slot's settings go onto its exercises.
    const withSettings = {
      ...body,
      slots: body.slots.map((slot) =>
        slot.exercises.includes('mlp-forward-pass') ? { ...slot, maxAttempts: 4, showAnswers: 'never' } : slot,
      ),
    };
    await saveAssessment(handle.db, course, withSettings, hw.slug);
    expect(await selectCourseExerciseBySlug(handle.db, seeded.courseId, 'mlp-forward-pass')).toMatchObject({
      dueAt: due,
      maxAttempts: 4,
      showAnswers: 'never',
    });
    await saveAssessment(
      handle.db,
      course,
      { ...body, slots: body.slots.map((slot) => ({ ...slot, maxAttempts: 10, showAnswers: 'immediately' })) },
      hw.slug,
    );
    const me = await student();
    const late = await createSubmission(handle.db, {
      userId: me.id,
      body: { exercise: 'mlp-forward-pass', answers: rightAnswers('mlp-forward-pass', me.id) },
      queue,
    });
    expect(late).toMatchObject({ late: true, credit: 0.5 });
    await expect(
      createSubmission(handle.db, {
        userId: me.id,
        body: { exercise: 'mlp-forward-pass', answers: rightAnswers('mlp-forward-pass', me.id) },
        queue,
        now: new Date(due.getTime() + 8 * 24 * 3600_000),
      }),
    ).rejects.toMatchObject({ code: 'assessment-closed', message: expect.stringMatching(/view-only/) });
    // Put the homework back for the other tests.
    await saveAssessment(handle.db, course, { ...body, dueAt: hw.dueAt?.toISOString() ?? null, lateDeadlines: [] }, hw.slug);
  });

  it('the editor refuses unpublished exercises, overlapping pools, a slot in another assessment, and bad dates, storing nothing', async () => {
    const course = await instructor();
    const base = { slug: 'midterm', title: 'Midterm', type: 'exam', timeLimitMinutes: 60 };
    const hidden = (await listCourseExercises(handle.db, seeded.courseId)).find((e) => e.slug === 'linear-neuron-forward')!;
    await upsertCourseExercise(handle.db, { courseId: seeded.courseId, exerciseId: hidden.exerciseId, published: false });
    try {
      await expect(saveAssessment(handle.db, course, { ...base, slots: [{ exercises: ['linear-neuron-forward'] }] })).rejects.toMatchObject(
        {
          message: expect.stringMatching(/not published/),
        },
      );
    } finally {
      await upsertCourseExercise(handle.db, { courseId: seeded.courseId, exerciseId: hidden.exerciseId, published: true });
    }
    await expect(
      saveAssessment(handle.db, course, {
        ...base,
        slots: [{ exercises: ['perceptron-forward', 'mlp-forward-pass'], choose: 1 }, { exercises: ['mlp-forward-pass'] }],
      }),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/pools may not overlap/),
    });
    await expect(saveAssessment(handle.db, course, { ...base, slots: [{ exercises: ['perceptron-forward'] }] })).rejects.toMatchObject({
      status: 409,
    });
    await expect(saveAssessment(handle.db, course, { ...base, slots: [{ exercises: ['no-such'] }] })).rejects.toMatchObject({
      message: expect.stringMatching(/no exercise 'no-such'/),
    });
    await expect(
      saveAssessment(handle.db, course, { ...base, lateDeadlines: [{ until: '2030-01-01T00:00:00Z', credit: 0.5 }], slots: [] }),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/due date first/),
    });
    await expect(saveAssessment(handle.db, course, { ...base, type: 'homework', slots: [] })).rejects.toMatchObject({
      message: expect.stringMatching(/no time limit/),
    });
    expect((await listAssessments(handle.db, seeded.courseId)).some((a) => a.slug === 'midterm')).toBe(false);
  });

  it('exports the assessments as one file and imports it back (replacing by slug), checking every one before writing any', async () => {
    const course = await instructor();
    const exported = { assessments: await exportAssessments(handle.db, seeded.courseId) };
    const file = JSON.parse(JSON.stringify(exported)) as typeof exported;
    file.assessments[0]!.title = 'Renamed by import';
    const broken = { assessments: [file.assessments[0], { ...file.assessments[1], slots: [{ exercises: ['no-such'] }] }] };
    await expect(importAssessments(handle.db, course, broken)).rejects.toMatchObject({
      message: expect.stringMatching(/^assessments\.1: .*no-such/),
    });
    expect((await listAssessments(handle.db, seeded.courseId))[0]!.title).toBe(exported.assessments[0]!.title);
    const done = await importAssessments(handle.db, course, file);
    expect(done.imported).toHaveLength(exported.assessments.length);
    expect((await listAssessments(handle.db, seeded.courseId))[0]!.title).toBe('Renamed by import');
    await importAssessments(handle.db, course, exported);
  });

  /** A fresh course holding every exercise of the demo course, and its instructor's view of it. */
  async function freshCourse(): Promise<CurrentCourse> {
    const made = await makeCourse(handle.db);
    for (const e of await listCourseExercises(handle.db, seeded.courseId))
      await upsertCourseExercise(handle.db, { courseId: made.id, exerciseId: e.exerciseId, published: true });
    const teacher = await makeEnrolledUser(handle.db, made.id, 'instructor');
    return (await getCurrentCourse(handle.db, teacher.id))!;
  }

  it('carries every slot setting through export and import into another course (attempts, decay, visibility)', async () => {
    const from = await freshCourse();
    const homework = {
      slug: 'set-1',
      title: 'Set 1',
      type: 'homework',
      dueAt: '2031-03-01T12:00:00.000Z',
      slots: [
        {
          exercises: ['perceptron-forward'],
          points: 4,
          maxAttempts: 3,
          decayPercent: 7,
          showScore: 'immediately',
          showFeedback: 'after-due',
          showAnswers: 'never',
        },
        {
          exercises: ['mlp-forward-pass', 'linear-neuron-forward'],
          choose: 1,
          pointsPerAttempt: [10, 7, 5],
          maxAttempts: null,
          decayPercent: 0,
          showScore: 'after-due',
          showFeedback: 'immediately',
          showAnswers: 'after-due',
        },
      ],
    };
    const exam = {
      slug: 'exam-1',
      title: 'Exam 1',
      type: 'exam',
      dueAt: '2031-03-02T12:00:00.000Z',
      timeLimitMinutes: 30,
      slots: [{ exercises: [...demoQuiz.pool], choose: 3, points: 10, maxAttempts: 2, decayPercent: 25 }],
    };
    await saveAssessment(handle.db, from, homework);
    await saveAssessment(handle.db, from, exam);
    const exported = await exportAssessments(handle.db, from.id);
    expect(exported.find((a) => a.slug === 'set-1')!.slots).toEqual([
      {
        exercises: ['perceptron-forward'],
        choose: 1,
        points: 4,
        pointsPerAttempt: null,
        maxAttempts: 3,
        decayPercent: 7,
        showScore: 'immediately',
        showFeedback: 'after-due',
        showAnswers: 'never',
      },
      {
        exercises: ['mlp-forward-pass', 'linear-neuron-forward'],
        choose: 1,
        points: null,
        pointsPerAttempt: [10, 7, 5],
        maxAttempts: null,
        decayPercent: 0,
        showScore: 'after-due',
        showFeedback: 'immediately',
        showAnswers: 'after-due',
      },
    ]);
    // An exam's visibility is hidden until its scores are released, whatever the file says.
    expect(exported.find((a) => a.slug === 'exam-1')!.slots[0]).toMatchObject({
      maxAttempts: 2,
      decayPercent: 25,
      showScore: 'never',
      showAnswers: 'never',
    });
    const to = await freshCourse();
    const file = JSON.parse(JSON.stringify({ assessments: exported })) as unknown;
    expect((await importAssessments(handle.db, to, file)).imported.sort()).toEqual(['exam-1', 'set-1']);
    const imported = await exportAssessments(handle.db, to.id);
    const slotsOf = (list: typeof exported) => Object.fromEntries(list.map((a) => [a.slug, a.slots]));
    expect(slotsOf(imported)).toEqual(slotsOf(exported));
    // What the submit path reads: the course rules of the slot's exercises in the new course.
    expect(await selectCourseExerciseBySlug(handle.db, to.id, 'linear-neuron-forward')).toMatchObject({
      maxAttempts: null,
      pointsDecayPerAttempt: 0,
      showScore: 'after-due',
      showAnswers: 'after-due',
    });
  });

  it('draws groups of questions together (choose 1 of 2 groups of 2), the same on every visit, at the slot points per question', async () => {
    const course = await freshCourse();
    const [a, b, c, d] = ['perceptron-forward', 'mlp-forward-pass', 'linear-neuron-forward', 'activation-values'];
    const exam = {
      slug: 'grouped-exam',
      title: 'Grouped exam',
      type: 'exam',
      honorCode: false,
      dueAt: new Date(Date.now() + 24 * 3600_000).toISOString(),
      timeLimitMinutes: 30,
      slots: [{ exercises: [a, b, c, d], groups: [1, 1, 2, 2], choose: 1, points: 5 }],
    };
    const refusals: [unknown, RegExp][] = [
      [{ groups: [1, 1, 2] }, /slots\.0\.groups: one group number \(or null\) per exercise: 4 exercises, 3 numbers/],
      [{ groups: [1, 1, 1, 2] }, /slots\.0\.groups: group 2 holds only 'activation-values'/],
      [{ groups: [1, 1, 1, null] }, /slots\.0\.groups: the pool's groups differ in size \(3, 1 exercises\)/],
      [{ choose: 2 }, /slots\.0: groups are drawn from a pool: choose fewer than its 2 groups/],
      [{ choose: 3 }, /slots\.0: choose 3 of 2 groups: a pool cannot give more than it holds/],
      [{ groups: [0, 0, 1, 1] }, /groups: numbers from 1/],
    ];
    for (const [change, message] of refusals)
      await expect(
        saveAssessment(handle.db, course, { ...exam, slots: [{ ...exam.slots[0], ...(change as object) }] }),
      ).rejects.toMatchObject({
        status: 400,
        message: expect.stringMatching(message),
      });
    // Each refusal names its field for the editor's form (the API answers it as `error.fields`).
    await expect(saveAssessment(handle.db, course, { ...exam, title: ' ', slug: 'Bad Slug' })).rejects.toMatchObject({
      fields: { title: 'give a title', slug: expect.stringMatching(/^lower-case letters/) },
    });
    await expect(saveAssessment(handle.db, course, { ...exam, slots: [{ ...exam.slots[0], choose: 3 }] })).rejects.toMatchObject({
      fields: { 'slots.0': 'choose 3 of 2 groups: a pool cannot give more than it holds.' },
    });
    expect(await listAssessments(handle.db, course.id)).toHaveLength(0);
    await saveAssessment(handle.db, course, exam);
    const exported = (await exportAssessments(handle.db, course.id))[0]!;
    expect(exported.slots[0]).toMatchObject({ exercises: [a, b, c, d], groups: [1, 1, 2, 2], choose: 1 });

    for (let i = 0; i < 3; i++) {
      const user = await makeEnrolledUser(handle.db, course.id, 'student');
      const mine = (await getCurrentCourse(handle.db, user.id))!;
      const started = await startAssessment(handle.db, mine, user.id, exam.slug, {}, new Date());
      const drawn = started.slots.map((s) => s.exercise);
      expect([
        [a, b],
        [c, d],
      ]).toContainEqual(drawn);
      expect((await startAssessment(handle.db, mine, user.id, exam.slug, {}, new Date())).slots).toEqual(started.slots);
      const listed = (await studentAssessments(handle.db, mine, user.id, new Date())).find((x) => x.slug === exam.slug)!;
      expect(listed.questions.map((q) => [q.exercise, q.points])).toEqual(drawn.map((slug) => [slug, 5]));
      expect(listed.maxPoints).toBe(10);
      // The other group's questions are not theirs.
      const other = drawn[0] === a ? c : a;
      await expect(
        createSubmission(handle.db, {
          userId: user.id,
          body: { exercise: other, assessment: exam.slug, answers: rightAnswersOrAny(other, user.id) },
          queue,
        }),
      ).rejects.toMatchObject({ message: expect.stringMatching(/not one of your questions/) });
    }
    // That draws spread over the groups is the rules' test (assessmentRules.test.ts), on fixed seeds.
    expect((await assessmentStatistics(handle.db, course.id, exam.slug))!.maxPoints).toBe(10);
  });

  it('deletes an override, then an exam: its questions stay with their submissions, unpublished; unknown ones are refused', async () => {
    const course = await freshCourse();
    const exam = {
      slug: 'doomed',
      title: 'Doomed exam',
      type: 'exam',
      honorCode: false,
      dueAt: new Date(Date.now() + 24 * 3600_000).toISOString(),
      slots: [{ exercises: ['perceptron-forward', 'mlp-forward-pass'], choose: 1 }],
    };
    await saveAssessment(handle.db, course, exam);
    const user = await makeEnrolledUser(handle.db, course.id, 'student');
    const mine = (await getCurrentCourse(handle.db, user.id))!;
    const [question] = (await startAssessment(handle.db, mine, user.id, exam.slug, {}, new Date())).slots;
    await createSubmission(handle.db, {
      userId: user.id,
      body: { exercise: question!.exercise, assessment: exam.slug, answers: rightAnswersOrAny(question!.exercise, user.id) },
      queue,
    });
    const [override] = await setOverrides(handle.db, course, user.id, exam.slug, {
      students: [user.email],
      extraMinutes: 10,
      reason: 'letter',
    });
    await expect(removeOverride(handle.db, course, exam.slug, 'not-an-id')).rejects.toMatchObject({ status: 404 });
    expect(await removeOverride(handle.db, course, exam.slug, override!.id)).toEqual({ deleted: override!.id });
    await expect(removeOverride(handle.db, course, exam.slug, override!.id)).rejects.toMatchObject({
      status: 404,
      message: expect.stringMatching(/nothing was deleted/),
    });
    await expect(removeAssessment(handle.db, course, 'no-such', { confirm: 'no-such' })).rejects.toMatchObject({ status: 404 });
    for (const body of [{}, null, { confirm: 'other' }, { confirm: exam.slug, extra: 1 }])
      await expect(removeAssessment(handle.db, course, exam.slug, body)).rejects.toMatchObject({
        status: 400,
        message: expect.stringMatching(/nothing was deleted/),
      });
    expect(await listAssessments(handle.db, course.id)).toHaveLength(1);
    expect(await removeAssessment(handle.db, course, exam.slug, { confirm: exam.slug })).toEqual({
      deleted: 'doomed',
      exercises: ['perceptron-forward', 'mlp-forward-pass'],
      unpublished: true,
    });
    expect(await listAssessments(handle.db, course.id)).toHaveLength(0);
    expect(await selectCourseExerciseBySlug(handle.db, course.id, question!.exercise)).toMatchObject({ published: false });
    const kept = (await selectCourseExerciseBySlug(handle.db, course.id, question!.exercise))!;
    expect(await countAttempts(handle.db, user.id, course.id, kept.exerciseId)).toBe(1);
  });

  it('regrades an assessment as one regrade per exercise, refusing a missing scope or an unknown assessment', async () => {
    const course = await instructor();
    const by = seeded.userIds['instructor@deltalab.test']!;
    await expect(regradeAssessment(handle, course, by, 'forward-pass', {})).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/scope/),
    });
    await expect(regradeAssessment(handle, course, by, 'no-such', { scope: 'assessment' })).rejects.toMatchObject({ status: 404 });
    const me = await student();
    const made = await regradeAssessment(handle, course, by, demoQuiz.slug, { scope: { student: me.id } });
    expect(made.regrades.map((r) => r.exercise).sort()).toEqual([...demoQuiz.pool].sort());
    expect(made.regrades.every((r) => r.items === 0)).toBe(true);
  });

  it('scores of an exam stay hidden until released; statistics and the gradebook have a column per assessment and the total', async () => {
    const course = await instructor();
    const me = await student();
    const hidden = (await studentAssessments(handle.db, me.course, me.id, new Date())).find((a) => a.slug === demoQuiz.slug)!;
    expect(hidden).toMatchObject({ scoresHidden: true, score: null });
    const question = demoQuiz.pool[0];
    expect(await selectCourseExerciseBySlug(handle.db, seeded.courseId, question)).toMatchObject({
      showScore: 'never',
      showFeedback: 'never',
    });
    await releaseScores(handle.db, course, demoQuiz.slug, { released: true }, new Date(Date.now() - 1000));
    expect(await selectCourseExerciseBySlug(handle.db, seeded.courseId, question)).toMatchObject({
      showScore: 'immediately',
      showFeedback: 'immediately',
    });
    const shown = (await studentAssessments(handle.db, me.course, me.id, new Date())).find((a) => a.slug === demoQuiz.slug)!;
    expect(shown).toMatchObject({ scoresHidden: false, score: 0 });
    await releaseScores(handle.db, course, demoQuiz.slug, { released: false }, new Date());
    const csv = await gradebookCsv(handle.db, course);
    const header = csv.split('\r\n')[0]!;
    expect(header).toContain(`assessment:forward-pass`);
    expect(header).toContain(`assessment:${demoQuiz.slug}`);
    expect(header.endsWith(',total')).toBe(true);
    const canvas = await gradebookCsv(handle.db, course, { format: 'canvas' });
    expect(canvas.split('\r\n')[0]).toContain(`${demoQuiz.title} (${demoQuiz.slug})`);
    const stats = await assessmentStatistics(handle.db, seeded.courseId, demoQuiz.slug);
    expect(stats).toMatchObject({ slug: demoQuiz.slug, maxPoints: 30 });
    expect(stats!.histogram).toHaveLength(10);
    expect(stats!.questions).toHaveLength(5);
  });

  it("the course settings of one exercise in a slot are applied to the slot's every exercise (one transaction), so export and the slot agree", async () => {
    const course = await instructor();
    const quiz = (await listAssessments(handle.db, seeded.courseId)).find((a) => a.slug === demoQuiz.slug)!;
    const slot = quiz.slots[0]!;
    const [first, second] = slot.exerciseSlugs;
    const rowOf = (slug: string) => selectCourseExerciseBySlug(handle.db, seeded.courseId, slug);
    const before = (await rowOf(second!))!;
    const formOf = (row: NonNullable<Awaited<ReturnType<typeof rowOf>>>) => ({
      published: row.published,
      points: row.points === null ? '' : String(row.points),
      maxAttempts: row.maxAttempts === null ? '' : String(row.maxAttempts),
      decayPercent: row.pointsDecayPerAttempt * 100,
      dueAt: row.dueAt?.toISOString() ?? '',
      showScore: row.showScore,
      showFeedback: row.showFeedback,
      showAnswers: row.showAnswers,
    });

    const saved = await updateExerciseSettingsFor(handle.db, course, second!, {
      ...formOf(before),
      points: '2',
      maxAttempts: '2',
      decayPercent: 25,
      showAnswers: 'after-due',
    });
    expect(saved).toEqual({
      ok: true,
      message: `Settings saved. Attempts, decrease per attempt and visibility are the slot's: applied to the ${slot.exerciseSlugs.length} exercises of slot 1 of '${quiz.title}'.`,
    });
    for (const slug of slot.exerciseSlugs)
      expect(await rowOf(slug)).toMatchObject({ maxAttempts: 2, pointsDecayPerAttempt: 0.25, showAnswers: 'after-due' });
    // The exercise's own rules (its points here) stay its own.
    expect((await rowOf(second!))!.points).toBe(2);
    expect((await rowOf(first!))!.points).toBe(before.points === null ? null : before.points);
    // Export reads the slot's settings off its first exercise: they are the ones just saved.
    const exported = (await exportAssessments(handle.db, seeded.courseId)).find((a) => a.slug === demoQuiz.slug)!;
    expect(exported.slots[0]).toMatchObject({ maxAttempts: 2, decayPercent: 25, showAnswers: 'after-due' });

    // A refused value changes nothing on any of them.
    expect(await updateExerciseSettingsFor(handle.db, course, first!, { ...formOf(before), maxAttempts: '0' })).toMatchObject({
      ok: false,
    });
    for (const slug of slot.exerciseSlugs) expect(await rowOf(slug)).toMatchObject({ maxAttempts: 2 });

    // Put the quiz back for the other tests (applied to the whole slot again).
    expect(await updateExerciseSettingsFor(handle.db, course, second!, formOf(before))).toMatchObject({ ok: true });
    for (const slug of slot.exerciseSlugs)
      expect(await rowOf(slug)).toMatchObject({ maxAttempts: before.maxAttempts, showAnswers: before.showAnswers });
  });
});

/** Any well-formed answer for an exercise's fields (the exam tests check what is stored, not the grade). */
function rightAnswersOrAny(slug: string, _userId: string): Record<string, string> {
  const exercise = findExercise(slug)!;
  if (exercise.kind !== 'numeric') throw new Error(`${slug} is not numeric`);
  return Object.fromEntries(exercise.fields.map((f) => [f.name, f.kind === 'expression' ? '1' : '0.5']));
}
