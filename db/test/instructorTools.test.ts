import { expect, it } from 'vitest';
import {
  applyRegrade,
  claimRegradeItems,
  countRegradeChildDeath,
  courseOverviewCells,
  enrollUser,
  exerciseSubmissionFacts,
  insertRegrade,
  listCoursesForUser,
  listRegradeItems,
  listUnfinishedRegradeItems,
  publishAuthoredVersion,
  reorderCourseExercises,
  listCourseExercises,
  rebuildGradeCells,
  recordRegradeOutcomes,
  selectOptionalRegrade,
  selectOptionalSubmission,
  setCurrentCourse,
  upsertExerciseVersion,
} from '../src/index';
import { makeCourse, makeCourseExercise, makeEnrolledUser, makeSubmission, makeUser, recordGrade } from '../src/test/factories';
import { describeEachDriver } from './drivers';

describeEachDriver('instructor tools: dashboards, regrades, authored versions, courses', (use) => {
  it('the overview and per-exercise facts count real students only (no instructors, no test students)', async () => {
    const db = use().db;
    const course = await makeCourse(db);
    const exercise = await makeCourseExercise(db, course.id, { kind: 'numeric' });
    const student = await makeEnrolledUser(db, course.id);
    const instructor = await makeEnrolledUser(db, course.id, 'instructor');
    const tester = await makeUser(db);
    await enrollUser(db, { userId: tester.id, courseId: course.id, testStudent: true });
    const fields = [
      { name: 'a', status: 'correct', credit: 1, message: '', value: 1 },
      { name: 'b', status: 'wrong', credit: 0, message: '', value: 2, diagnosis: { mistake: 'sign-flipped', message: '' } },
      // An expression field: no value, the expression as the grader read it.
      { name: 'c', status: 'wrong', credit: 0, message: '', expression: 'x*(1 - x)', diagnosis: { mistake: 'missing-x', message: '' } },
    ];
    for (const userId of [student.id, instructor.id, tester.id]) {
      const s = await makeSubmission(db, {
        userId,
        courseId: course.id,
        exercise,
        kind: 'numeric',
        payload: { answers: { a: '1', b: '2', c: 'x(1-x)' } },
      });
      await recordGrade(db, s.id, { score: 0.5, passed: false, result: { fields } });
    }
    const cells = await courseOverviewCells(db, course.id);
    expect(cells).toEqual([
      { userId: student.id, exerciseId: exercise.exerciseId, bestScore: 0.5, attempts: 1, solved: false, late: false, firstSolvedAt: null },
    ]);
    // Each recorded grade folds into its cell: best score, attempts, the first solve's time.
    const second = await makeSubmission(db, {
      userId: student.id,
      courseId: course.id,
      exercise,
      kind: 'numeric',
      payload: { answers: { a: '1', b: '-2' } },
    });
    await recordGrade(db, second.id, { score: 1, passed: true, result: { fields } });
    const third = await makeSubmission(db, {
      userId: student.id,
      courseId: course.id,
      exercise,
      kind: 'numeric',
      payload: { answers: { a: '1', b: '0' } },
    });
    await recordGrade(db, third.id, { score: 0, passed: false, result: { fields } });
    const [cell] = await courseOverviewCells(db, course.id);
    expect(cell).toMatchObject({
      bestScore: 1,
      attempts: 3,
      solved: true,
      firstSolvedAt: (await selectOptionalSubmission(db, second.id))!.gradedAt,
    });
    // Rebuilding from the submissions gives the same cell.
    await rebuildGradeCells(db, course.id);
    expect((await courseOverviewCells(db, course.id))[0]).toEqual(cell);
    const facts = await exerciseSubmissionFacts(db, course.id, exercise.exerciseId);
    expect(facts).toHaveLength(3);
    expect(facts[0]).toMatchObject({
      userId: student.id,
      score: 0.5,
      fields: [
        ['a', 'correct', 1, null, null],
        ['b', 'wrong', 2, 'sign-flipped', null],
        ['c', 'wrong', null, 'missing-x', 'x*(1 - x)'],
      ],
    });
  });

  it('a regrade keeps new grades beside the submissions until applied; never-lower keeps a higher old score; applied once', async () => {
    const db = use().db;
    const course = await makeCourse(db);
    const exercise = await makeCourseExercise(db, course.id);
    const [a, b] = [await makeEnrolledUser(db, course.id), await makeEnrolledUser(db, course.id)];
    const sa = await makeSubmission(db, { userId: a.id, courseId: course.id, exercise });
    await recordGrade(db, sa.id, { score: 0, passed: false, result: { cases: [] } });
    const sb = await makeSubmission(db, { userId: b.id, courseId: course.id, exercise });
    await recordGrade(db, sb.id, { score: 1, passed: true, result: { cases: [] } });
    const queued = await makeSubmission(db, { userId: b.id, courseId: course.id, exercise }); // not graded: not in scope
    const v2 = await upsertExerciseVersion(db, { slug: exercise.slug, contentHash: `v2-${exercise.slug}`, definition: {} });

    const { regrade, itemIds } = await insertRegrade(db, {
      courseId: course.id,
      exerciseId: exercise.exerciseId,
      versionId: v2.versionId,
      scope: { kind: 'exercise' },
      requestedBy: a.id,
    });
    expect(itemIds).toHaveLength(2);
    expect(regrade.status).toBe('grading');
    expect((await listUnfinishedRegradeItems(db)).map((i) => i.id)).toEqual(expect.arrayContaining(itemIds));
    const claims = await claimRegradeItems(db, [...itemIds, queued.id]);
    expect(claims.map((c) => c.submissionId).sort()).toEqual([sa.id, sb.id].sort());
    expect(claims[0]).toMatchObject({ versionId: v2.versionId, exerciseSlug: exercise.slug, exerciseSource: 'catalogue' });
    expect(await countRegradeChildDeath(db, itemIds[0]!)).toBe(1);

    const itemOf = (submissionId: string) => claims.find((c) => c.submissionId === submissionId)!.itemId;
    await recordRegradeOutcomes(db, [
      { itemId: itemOf(sa.id), status: 'graded', score: 1, passed: true, result: { cases: [{ name: 'x', passed: true }] } },
    ]);
    expect((await selectOptionalRegrade(db, regrade.id))?.status).toBe('grading');
    expect(await applyRegrade(db, { regradeId: regrade.id, neverLower: true, appliedBy: a.id, reasons: {} })).toEqual({
      ok: false,
      reason: 'not-ready',
    });
    await recordRegradeOutcomes(db, [{ itemId: itemOf(sb.id), status: 'graded', score: 0.5, passed: false, result: { cases: [] } }]);
    // Recorded once: a duplicate delivery changes nothing.
    await recordRegradeOutcomes(db, [{ itemId: itemOf(sb.id), status: 'graded', score: 0, passed: false, result: null }]);
    expect((await selectOptionalRegrade(db, regrade.id))?.status).toBe('ready');
    const items = await listRegradeItems(db, regrade.id);
    expect(items.map((i) => [i.userId, i.oldScore, i.newScore]).sort()).toEqual(
      [
        [a.id, 0, 1],
        [b.id, 1, 0.5],
      ].sort(),
    );
    // Nothing changed on the submissions yet.
    expect((await selectOptionalSubmission(db, sa.id))?.score).toBe(0);

    const applied = await applyRegrade(db, {
      regradeId: regrade.id,
      neverLower: true,
      appliedBy: a.id,
      reasons: { [itemOf(sa.id)]: 'case x now passes' },
    });
    expect(applied).toEqual({ ok: true, changed: 1 });
    const after = await selectOptionalSubmission(db, sa.id);
    expect(after).toMatchObject({ score: 1, passed: true, exerciseVersionId: v2.versionId });
    expect(after?.regrades).toEqual([
      expect.objectContaining({ regradeId: regrade.id, fromScore: 0, toScore: 1, reason: 'case x now passes', appliedBy: a.id }),
    ]);
    expect(await selectOptionalSubmission(db, sb.id)).toMatchObject({ score: 1, regrades: [] });
    // The dashboard cells follow the applied scores.
    expect((await courseOverviewCells(db, course.id)).map((c) => [c.userId, c.bestScore, c.solved]).sort()).toEqual(
      [
        [a.id, 1, true],
        [b.id, 1, true],
      ].sort(),
    );
    expect(await applyRegrade(db, { regradeId: regrade.id, neverLower: false, appliedBy: a.id, reasons: {} })).toEqual({
      ok: false,
      reason: 'already-applied',
    });
  });

  it('a regrade scoped to one student or one version takes only those submissions', async () => {
    const db = use().db;
    const course = await makeCourse(db);
    const exercise = await makeCourseExercise(db, course.id);
    const [a, b] = [await makeEnrolledUser(db, course.id), await makeEnrolledUser(db, course.id)];
    for (const user of [a, b])
      await recordGrade(db, (await makeSubmission(db, { userId: user.id, courseId: course.id, exercise })).id, { score: 0, passed: false });
    const v2 = await upsertExerciseVersion(db, { slug: exercise.slug, contentHash: `v2-${exercise.slug}`, definition: {} });
    expect(v2.versionId).not.toBe(exercise.versionId);
    await recordGrade(
      db,
      (await makeSubmission(db, { userId: a.id, courseId: course.id, exercise: { ...exercise, versionId: v2.versionId } })).id,
      { score: 0, passed: false },
    );
    const oneStudent = await insertRegrade(db, {
      courseId: course.id,
      exerciseId: exercise.exerciseId,
      versionId: v2.versionId,
      scope: { kind: 'student', userId: a.id },
      requestedBy: a.id,
    });
    expect(oneStudent.itemIds).toHaveLength(2);
    const oneVersion = await insertRegrade(db, {
      courseId: course.id,
      exerciseId: exercise.exerciseId,
      versionId: v2.versionId,
      scope: { kind: 'version', versionId: exercise.versionId },
      requestedBy: a.id,
    });
    expect(oneVersion.itemIds).toHaveLength(2);
    const none = await insertRegrade(db, {
      courseId: course.id,
      exerciseId: exercise.exerciseId,
      versionId: v2.versionId,
      scope: { kind: 'student', userId: (await makeUser(db)).id },
      requestedBy: a.id,
    });
    expect(none).toMatchObject({ itemIds: [], regrade: { status: 'ready', items: 0 } });
  });

  it('publishing an authored folder numbers its versions; the same files reuse theirs; a catalogue slug is refused', async () => {
    const db = use().db;
    const course = await makeCourse(db);
    const other = await makeCourse(db);
    const instructor = await makeEnrolledUser(db, course.id, 'instructor');
    const slug = `site-${course.id.slice(0, 8)}`;
    const publish = (courseId: string, hash: string) =>
      publishAuthoredVersion(db, {
        courseId,
        slug,
        title: 'Site',
        topic: 'forward-pass',
        kind: 'numeric',
        contentHash: hash,
        files: { 'statement.md': hash },
        definition: {},
        createdBy: instructor.id,
      });
    const v1 = await publish(course.id, 'h1');
    expect(v1).toMatchObject({ ok: true, versionNumber: 1, created: true });
    expect(await publish(course.id, 'h2')).toMatchObject({ ok: true, versionNumber: 2, created: true });
    expect(await publish(course.id, 'h1')).toMatchObject({ ok: true, versionNumber: 1, created: false });
    expect(await publish(other.id, 'h3')).toEqual({ ok: false, reason: 'slug-taken' });
    const catalogue = await makeCourseExercise(db, course.id);
    expect(
      await publishAuthoredVersion(db, {
        courseId: course.id,
        slug: catalogue.slug,
        title: 'x',
        topic: 'x',
        kind: 'numeric',
        contentHash: 'h',
        files: {},
        definition: {},
        createdBy: instructor.id,
      }),
    ).toEqual({ ok: false, reason: 'slug-taken' });
  });

  it('the exercises of a course are put in a new order; those not named follow', async () => {
    const db = use().db;
    const course = await makeCourse(db);
    const [a, b, c] = [
      await makeCourseExercise(db, course.id, { position: 0 }),
      await makeCourseExercise(db, course.id, { position: 1 }),
      await makeCourseExercise(db, course.id, { position: 2 }),
    ];
    await reorderCourseExercises(db, course.id, [c.exerciseId, a.exerciseId]);
    expect((await listCourseExercises(db, course.id)).map((e) => e.exerciseId)).toEqual([c.exerciseId, a.exerciseId, b.exerciseId]);
  });

  it('a user in several courses works in the one they switched to', async () => {
    const db = use().db;
    const [first, second] = [await makeCourse(db), await makeCourse(db)];
    const user = await makeEnrolledUser(db, first.id);
    await enrollUser(db, { userId: user.id, courseId: second.id });
    expect((await listCoursesForUser(db, user.id))[0]?.id).toBe(first.id);
    await setCurrentCourse(db, user.id, second.id);
    expect((await listCoursesForUser(db, user.id)).map((c) => c.id)).toEqual([second.id, first.id]);
  });
});
