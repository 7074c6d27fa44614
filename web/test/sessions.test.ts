import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bumpSessionVersion, selectSessionAccount, setUserDeactivated, type Database, type DbHandle } from '@deltalab/db';
import { makeEnrolledUser, makeUser } from '@deltalab/db/test';
import { resolveSession } from '@/server/auth/resolveSession';
import { changePassword } from '@/server/services/accounts/changePassword';
import { hashPassword } from '@/server/services/auth/passwords';
import { getCurrentCourse } from '@/server/services/courses/getCurrentCourse';
import { enterStudentView, leaveStudentView } from '@/server/services/people/studentView';
import { getCourseOverview } from '@/server/services/dashboards/getCourseOverview';
import { createSubmission } from '@/server/services/submissions/createSubmission';
import type { SeedResult } from '@/server/seed';
import { createSeededDb, testDrivers, type TestDriver } from './testDb';

/** The database, counting the statements a call starts (each query builder or raw statement is one). */
function counting(db: Database): { db: Database; count: () => number } {
  let statements = 0;
  const proxy = new Proxy(db, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (
        typeof value === 'function' &&
        ['select', 'selectDistinct', 'insert', 'update', 'delete', 'execute', 'transaction'].includes(String(key))
      )
        return (...args: unknown[]) => {
          statements++;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      return value;
    },
  });
  return { db: proxy, count: () => statements };
}

describe.each(testDrivers())('sessions on %s', (driver: TestDriver) => {
  let handle: DbHandle;
  let seeded: SeedResult;
  beforeAll(async () => {
    ({ handle, seeded } = await createSeededDb(driver));
  });
  afterAll(async () => {
    await handle.close();
  });

  it('resolves a token with one read of the account, and ends it when its version moves on', async () => {
    const user = await makeUser(handle.db, { canCreateCourses: true });
    const token = { sub: user.id, sv: 0, email: 'stale@example.test', name: 'Stale' };
    const counted = counting(handle.db);
    // The account's own name and rights, fresh: not what the token carried.
    expect(await resolveSession(counted.db, token)).toEqual({
      id: user.id,
      email: user.email,
      name: user.name,
      isAdmin: false,
      canCreateCourses: true,
    });
    expect(counted.count()).toBe(1);
    await bumpSessionVersion(handle.db, user.id);
    expect(await resolveSession(handle.db, token)).toBeNull();
    expect(await resolveSession(handle.db, { ...token, sv: 1 })).not.toBeNull();
    expect(await resolveSession(handle.db, { ...token, sub: '00000000-0000-4000-8000-000000000000' })).toBeNull();
    expect(await resolveSession(handle.db, {})).toBeNull();
  });

  it('a password change ends the other sessions; deactivation ends them all, and reactivation does not revive them', async () => {
    const user = await makeUser(handle.db, { passwordHash: await hashPassword('old password 1') });
    const phone = { sub: user.id, sv: 0 };
    expect(
      await changePassword(handle.db, user.id, { current: 'wrong one', password: 'new password 2', confirm: 'new password 2' }),
    ).toEqual({
      ok: false,
      message: 'Please correct the highlighted fields.',
      fieldErrors: { current: 'This is not your current password' },
    });
    expect(await resolveSession(handle.db, phone)).not.toBeNull();
    expect(await changePassword(handle.db, user.id, { current: 'old password 1', password: 'new', confirm: 'new' })).toMatchObject({
      ok: false,
      fieldErrors: { password: 'Password must be at least 8 characters' },
    });
    expect(
      await changePassword(handle.db, user.id, { current: 'old password 1', password: 'new password 2', confirm: 'new password 3' }),
    ).toMatchObject({ ok: false, fieldErrors: { confirm: 'The two new passwords differ' } });
    const changed = await changePassword(handle.db, user.id, {
      current: 'old password 1',
      password: 'new password 2',
      confirm: 'new password 2',
    });
    expect(changed).toEqual({ ok: true, sessionVersion: 1 });
    expect(await resolveSession(handle.db, phone)).toBeNull();
    const laptop = { sub: user.id, sv: 1 };
    expect(await resolveSession(handle.db, laptop)).not.toBeNull();
    await setUserDeactivated(handle.db, user.id, true);
    expect(await resolveSession(handle.db, laptop)).toBeNull();
    expect(await resolveSession(handle.db, { sub: user.id, sv: 2 })).toBeNull(); // deactivated: no version works
    await setUserDeactivated(handle.db, user.id, false);
    expect(await resolveSession(handle.db, laptop)).toBeNull();
  });

  it('a staff member views the course as its test student, kept out of the figures, and comes back', async () => {
    const instructorId = seeded.userIds['instructor@deltalab.test']!;
    const instructor = (await resolveSession(handle.db, {
      sub: instructorId,
      sv: (await selectSessionAccount(handle.db, instructorId))!.sessionVersion,
    }))!;
    const course = await getCurrentCourse(handle.db, instructorId);
    const entered = await enterStudentView(handle.db, instructor, course);
    if (!entered.ok) throw new Error(entered.message);
    const testStudent = (await resolveSession(handle.db, entered.token))!;
    expect(testStudent).toMatchObject({
      isAdmin: false,
      canCreateCourses: false,
      studentViewOf: { id: instructorId, name: 'Ada Instructor' },
    });
    expect(await getCurrentCourse(handle.db, testStudent.id)).toMatchObject({ id: course!.id, role: 'student', testStudent: true });
    // The same test student each time.
    const again = await enterStudentView(handle.db, instructor, course);
    expect(again.ok && again.token.sub).toBe(entered.token.sub);
    // It submits like a student, and stays out of the overview.
    const submission = await createSubmission(handle.db, {
      userId: testStudent.id,
      body: { exercise: 'perceptron-forward', answers: { y_hat: '0.5' } },
      queue: { sameStatement: null, queued: () => {} },
    });
    expect(submission.status).toBe('queued');
    expect((await getCourseOverview(handle.db, course!)).students.map((s) => s.userId)).not.toContain(testStudent.id);
    // Nested student views and students are refused.
    expect(await enterStudentView(handle.db, testStudent, course)).toMatchObject({ ok: false });
    const student = await makeEnrolledUser(handle.db, seeded.courseId);
    const studentSession = (await resolveSession(handle.db, { sub: student.id, sv: 0 }))!;
    expect(await enterStudentView(handle.db, studentSession, await getCurrentCourse(handle.db, student.id))).toEqual({
      ok: false,
      message: 'Only an instructor or a teaching assistant of Deep Learning: Feed-Forward Networks can view it as a test student.',
      fieldErrors: {},
    });
    // "Sign out everywhere" on the staff account ends the test student's session too.
    const back = await leaveStudentView(handle.db, testStudent);
    expect(back.ok && back.token.sub).toBe(instructorId);
    await bumpSessionVersion(handle.db, instructorId);
    expect(await resolveSession(handle.db, entered.token)).toBeNull();
  });
});
