import { expect, it } from 'vitest';
import {
  enrollUser,
  insertCourse,
  listCourseMembers,
  listCoursesForUser,
  selectCourseById,
  selectCourseByJoinCode,
  selectCourseBySlug,
  selectEnrollment,
  selectOptionalCourseBySlug,
  updateCourseSettings,
} from '../src/index';
import { makeCourse, makeEnrolledUser, makeUser, uniqueSuffix } from '../src/test/factories';
import { describeEachDriver } from './drivers';

describeEachDriver('courses and enrollments', (use) => {
  it('inserts a course and finds it by id, slug and join code', async () => {
    const suffix = uniqueSuffix();
    const course = await insertCourse(use().db, { title: 'Deep Learning', slug: `dl-${suffix}`, joinCode: `CODE-${suffix}` });
    expect(course).not.toBeNull();
    expect(await selectCourseById(use().db, course!.id)).toEqual(course);
    expect(await selectCourseBySlug(use().db, `dl-${suffix}`)).toEqual(course);
    expect(await selectCourseByJoinCode(use().db, ` CODE-${suffix} `)).toEqual(course);
    expect(await selectCourseByJoinCode(use().db, `WRONG-${suffix}`)).toBeUndefined();
    expect(await selectOptionalCourseBySlug(use().db, `nope-${suffix}`)).toBeUndefined();
  });

  it('a new course grades late work as usual in UTC; its settings can be changed, a penalty only within 0..1', async () => {
    const course = await makeCourse(use().db);
    expect(course).toMatchObject({ timeZone: 'UTC', latePolicy: 'accept', latePenalty: 0 });
    const updated = await updateCourseSettings(use().db, course.id, {
      timeZone: 'Europe/Berlin',
      latePolicy: 'penalize',
      latePenalty: 0.25,
    });
    expect(updated).toMatchObject({ id: course.id, timeZone: 'Europe/Berlin', latePolicy: 'penalize', latePenalty: 0.25 });
    expect(await selectCourseById(use().db, course.id)).toEqual(updated);
    // The database itself refuses a penalty outside 0..1 (the check constraint), whatever the caller validated.
    await expect(
      updateCourseSettings(use().db, course.id, { timeZone: 'UTC', latePolicy: 'penalize', latePenalty: 1.5 }),
    ).rejects.toThrow();
    await expect(
      updateCourseSettings(use().db, course.id, { timeZone: 'UTC', latePolicy: 'penalize', latePenalty: -0.1 }),
    ).rejects.toThrow();
    expect(await selectCourseById(use().db, course.id)).toEqual(updated);
  });

  it('returns null for a taken slug or join code', async () => {
    const course = await makeCourse(use().db);
    expect(await insertCourse(use().db, { title: 'x', slug: course.slug, joinCode: `other-${uniqueSuffix()}` })).toBeNull();
    expect(await insertCourse(use().db, { title: 'x', slug: `other-${uniqueSuffix()}`, joinCode: course.joinCode })).toBeNull();
  });

  it('enrolls a user once: a duplicate enrollment changes nothing', async () => {
    const course = await makeCourse(use().db);
    const user = await makeUser(use().db);
    expect(await enrollUser(use().db, { userId: user.id, courseId: course.id })).toBe(true);
    expect(await enrollUser(use().db, { userId: user.id, courseId: course.id, role: 'instructor' })).toBe(false);
    expect(await selectEnrollment(use().db, user.id, course.id)).toMatchObject({ role: 'student' });
    expect(await selectEnrollment(use().db, user.id, (await makeCourse(use().db)).id)).toBeUndefined();
  });

  it('lists members instructors first, then by name, optionally one role', async () => {
    const course = await makeCourse(use().db);
    const bea = await makeEnrolledUser(use().db, course.id, 'student', { name: 'Bea' });
    const al = await makeEnrolledUser(use().db, course.id, 'student', { name: 'Al' });
    const prof = await makeEnrolledUser(use().db, course.id, 'instructor', { name: 'Zed' });
    const members = await listCourseMembers(use().db, course.id);
    expect(members.map((m) => [m.userId, m.role])).toEqual([
      [prof.id, 'instructor'],
      [al.id, 'student'],
      [bea.id, 'student'],
    ]);
    expect((await listCourseMembers(use().db, course.id, 'student')).map((m) => m.name)).toEqual(['Al', 'Bea']);
  });

  it("lists a user's courses with the role there", async () => {
    const first = await makeCourse(use().db);
    const second = await makeCourse(use().db);
    const user = await makeEnrolledUser(use().db, first.id, 'student');
    await enrollUser(use().db, { userId: user.id, courseId: second.id, role: 'instructor' });
    const courses = await listCoursesForUser(use().db, user.id);
    expect(courses.map((c) => [c.id, c.role]).sort()).toEqual(
      [
        [first.id, 'student'],
        [second.id, 'instructor'],
      ].sort(),
    );
  });
});
