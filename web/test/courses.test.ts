import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCourseExercises, listCoursesForUser, type DbHandle } from '@deltalab/db';
import { makeUser } from '@deltalab/db/test';
import { loadExercises } from '@deltalab/exercises';
import type { SeedResult } from '@/server/seed';
import { createCourse, switchCourse } from '@/server/services/courses/createCourse';
import { getCurrentCourse } from '@/server/services/courses/getCurrentCourse';
import { joinCourse } from '@/server/services/courses/joinCourse';
import { moveExercise } from '@/server/services/courses/updateExerciseSettings';
import { createSeededDb, testDrivers, type TestDriver } from './testDb';

describe.each(testDrivers())('courses on %s: create, switch, several per person', (driver: TestDriver) => {
  let handle: DbHandle;
  let seeded: SeedResult;
  beforeAll(async () => {
    ({ handle, seeded } = await createSeededDb(driver));
  });
  afterAll(async () => {
    await handle.close();
  });

  it('an instructor creates a course that starts with the catalogue and becomes their current one; they switch back', async () => {
    const db = handle.db;
    const instructor = seeded.userIds['instructor@deltalab.test']!;
    const creator = { id: instructor, isAdmin: false, canCreateCourses: true };
    const code = `NEW-${Date.now().toString(36).toUpperCase()}`;
    const made = await createCourse(db, creator, {
      title: 'Deep Learning, spring term',
      joinCode: code.toLowerCase(),
      timeZone: 'Europe/Berlin',
    });
    expect(made).toMatchObject({ ok: true, slug: expect.stringMatching(/^deep-learning-spring-term/) });
    if (!made.ok) return;
    expect(await getCurrentCourse(db, instructor)).toMatchObject({
      id: made.courseId,
      role: 'instructor',
      joinCode: code,
      timeZone: 'Europe/Berlin',
    });
    expect((await listCourseExercises(db, made.courseId)).length).toBe(loadExercises().length);
    // The join code is taken now; a bad time zone is named.
    expect(await createCourse(db, creator, { title: 'Again', joinCode: code, timeZone: 'UTC' })).toMatchObject({
      ok: false,
      fieldErrors: { joinCode: `The join code ${code} is taken: choose another.` },
    });
    expect(await createCourse(db, creator, { title: 'Again', joinCode: `${code}-2`, timeZone: 'Mars/Base' })).toMatchObject({
      ok: false,
      fieldErrors: { timeZone: expect.stringContaining('Unknown time zone') },
    });
    expect(await switchCourse(db, instructor, seeded.courseId)).toBe(true);
    expect((await getCurrentCourse(db, instructor))?.id).toBe(seeded.courseId);
    // Not enrolled there: no switch.
    const stranger = await makeUser(db);
    expect(await switchCourse(db, stranger.id, made.courseId)).toBe(false);
  });

  it('only administrators and those they allow create courses; a student joins a second course and works in it', async () => {
    const db = handle.db;
    const student = seeded.userIds['student1@deltalab.test']!;
    const instructor = seeded.userIds['instructor@deltalab.test']!;
    // Teaching a course is not the right to create one: an administrator grants it.
    for (const user of [
      { id: student, isAdmin: false, canCreateCourses: false },
      { id: instructor, isAdmin: false, canCreateCourses: false },
    ])
      expect(await createCourse(db, user, { title: 'Mine', joinCode: 'MINE-1234', timeZone: 'UTC' })).toMatchObject({
        ok: false,
        message: 'Only an administrator or someone an administrator allowed can create courses.',
      });
    const admin = await makeUser(db, { isAdmin: true });
    expect(
      await createCourse(
        db,
        { id: admin.id, isAdmin: true, canCreateCourses: false },
        { title: 'Admin’s', joinCode: `AD-${Date.now().toString(36)}`, timeZone: 'UTC' },
      ),
    ).toMatchObject({ ok: true });
    const before = await getCurrentCourse(db, student);
    expect(await joinCourse(db, student, { joinCode: 'SANDBOX-1' })).toMatchObject({ ok: true, title: 'Deltalab Sandbox' });
    expect((await getCurrentCourse(db, student))?.id).toBe(seeded.secondCourseId);
    expect((await listCoursesForUser(db, student)).map((c) => c.id).sort()).toEqual([before!.id, seeded.secondCourseId].sort());
    await switchCourse(db, student, before!.id);
  });

  it('moving an exercise says when there is no such exercise or nowhere to go, and otherwise swaps it with its neighbour', async () => {
    const db = handle.db;
    const course = (await getCurrentCourse(db, seeded.userIds['instructor2@deltalab.test']!))!;
    const order = async () => (await listCourseExercises(db, course.id, { includeUnpublished: true })).map((e) => e.slug);
    const list = () => listCourseExercises(db, course.id, { includeUnpublished: true });
    const [first, second, ...rest] = await order();
    expect(await moveExercise(db, course, 'no-such-exercise', 'up', await list())).toBe('unknown');
    expect(await moveExercise(db, course, first!, 'up', await list())).toBe('at-end');
    expect(await moveExercise(db, course, rest.at(-1)!, 'down', await list())).toBe('at-end');
    expect(await order()).toEqual([first, second, ...rest]);
    expect(await moveExercise(db, course, second!, 'up', await list())).toBe('moved');
    expect(await order()).toEqual([second, first, ...rest]);
  });
});
