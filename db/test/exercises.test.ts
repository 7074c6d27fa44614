import { expect, it } from 'vitest';
import {
  listCourseExercises,
  listExercises,
  registerExercise,
  selectCourseExerciseBySlug,
  selectExerciseBySlug,
  selectExerciseVersion,
  selectOptionalExerciseBySlug,
  upsertCourseExercise,
  upsertExercise,
  upsertExerciseVersion,
} from '../src/index';
import { makeCourse, makeExercise, uniqueSuffix } from '../src/test/factories';
import { describeEachDriver } from './drivers';

describeEachDriver('exercises, versions and course exercises', (use) => {
  it('upserts an exercise by slug, updating its metadata', async () => {
    const slug = `ex-${uniqueSuffix()}`;
    const first = await upsertExercise(use().db, { slug, title: 'Forward pass', topic: 'forward', kind: 'numeric', position: 3 });
    const second = await upsertExercise(use().db, { slug, title: 'Forward pass (2)', topic: 'forward', kind: 'code', position: 4 });
    expect(second.id).toBe(first.id);
    expect(await selectExerciseBySlug(use().db, slug)).toMatchObject({ title: 'Forward pass (2)', kind: 'code', position: 4 });
    expect(await selectOptionalExerciseBySlug(use().db, `missing-${slug}`)).toBeUndefined();
    expect((await listExercises(use().db)).some((e) => e.id === first.id)).toBe(true);
  });

  it('stores one version per content hash, and makes the registered one current', async () => {
    const slug = `ex-${uniqueSuffix()}`;
    await upsertExercise(use().db, { slug, title: 't', topic: 'x', kind: 'code' });
    const v1 = await upsertExerciseVersion(use().db, { slug, contentHash: 'h1', definition: { cases: [1, 2] } });
    const v1again = await upsertExerciseVersion(use().db, { slug, contentHash: 'h1', definition: { cases: [1, 2] } });
    expect(v1.created).toBe(true);
    expect(v1again).toEqual({ ...v1, created: false });
    const v2 = await upsertExerciseVersion(use().db, { slug, contentHash: 'h2', definition: { cases: [3] } });
    expect(v2.versionId).not.toBe(v1.versionId);
    expect((await selectExerciseBySlug(use().db, slug)).currentVersionId).toBe(v2.versionId);
    // Going back to old content reuses the old snapshot and makes it current again.
    await upsertExerciseVersion(use().db, { slug, contentHash: 'h1', definition: { cases: [1, 2] } });
    expect((await selectExerciseBySlug(use().db, slug)).currentVersionId).toBe(v1.versionId);
    expect(await selectExerciseVersion(use().db, v2.versionId)).toMatchObject({ contentHash: 'h2', definition: { cases: [3] } });
  });

  it('refuses a version for an unknown exercise with a clear message', async () => {
    await expect(upsertExerciseVersion(use().db, { slug: 'no-such-exercise', contentHash: 'h', definition: {} })).rejects.toThrow(
      'No exercise with slug no-such-exercise',
    );
  });

  it('registers exercise + version in one call', async () => {
    const slug = `ex-${uniqueSuffix()}`;
    const ids = await registerExercise(use().db, { slug, title: 't', topic: 'x', kind: 'choice', contentHash: 'c', definition: { a: 1 } });
    expect(ids.created).toBe(true);
    expect((await selectExerciseBySlug(use().db, slug)).currentVersionId).toBe(ids.versionId);
  });

  it('lists a course exercises in course order with due dates and limits, hiding unpublished ones', async () => {
    const course = await makeCourse(use().db);
    const a = await makeExercise(use().db, { title: 'A' });
    const b = await makeExercise(use().db, { title: 'B' });
    const hidden = await makeExercise(use().db, { title: 'Hidden' });
    const dueAt = new Date('2030-01-15T12:00:00.000Z');
    await upsertCourseExercise(use().db, {
      courseId: course.id,
      exerciseId: a.exerciseId,
      position: 2,
      maxAttempts: 3,
      pointsDecayPerAttempt: 0.1,
    });
    await upsertCourseExercise(use().db, { courseId: course.id, exerciseId: b.exerciseId, position: 1, dueAt });
    await upsertCourseExercise(use().db, { courseId: course.id, exerciseId: hidden.exerciseId, position: 0, published: false });
    const list = await listCourseExercises(use().db, course.id);
    expect(list.map((e) => e.title)).toEqual(['B', 'A']);
    expect(list[0]).toMatchObject({
      slug: b.slug,
      dueAt,
      maxAttempts: null,
      pointsDecayPerAttempt: 0,
      published: true,
      currentVersionId: b.versionId,
    });
    expect(list[1]).toMatchObject({ dueAt: null, maxAttempts: 3 });
    expect(list[1]?.pointsDecayPerAttempt).toBeCloseTo(0.1, 6);
    expect((await listCourseExercises(use().db, course.id, { includeUnpublished: true })).map((e) => e.title)).toEqual([
      'Hidden',
      'B',
      'A',
    ]);
  });

  it('updates only the given rules of a course exercise', async () => {
    const course = await makeCourse(use().db);
    const ex = await makeExercise(use().db);
    await upsertCourseExercise(use().db, { courseId: course.id, exerciseId: ex.exerciseId, position: 5, maxAttempts: 2 });
    const updated = await upsertCourseExercise(use().db, { courseId: course.id, exerciseId: ex.exerciseId, dueAt: null, published: false });
    expect(updated).toMatchObject({ position: 5, maxAttempts: 2, dueAt: null, published: false });
    const unchanged = await upsertCourseExercise(use().db, { courseId: course.id, exerciseId: ex.exerciseId });
    expect(unchanged).toEqual(updated);
    expect(await selectCourseExerciseBySlug(use().db, course.id, ex.slug)).toMatchObject({ exerciseId: ex.exerciseId, published: false });
    expect(await selectCourseExerciseBySlug(use().db, course.id, 'missing')).toBeUndefined();
  });
});
