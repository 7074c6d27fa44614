import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectCourseById, selectSessionAccount, selectUserById, type DbHandle } from '@deltalab/db';
import { makeCourse, makeEnrolledUser, makeUser } from '@deltalab/db/test';
import { issuePasswordLink, setPasswordWithLink, viewPasswordLink } from '@/server/services/accounts/passwordLinks';
import { issueResetLinkAsAdmin, issueResetLinkForStudent } from '@/server/services/accounts/resetLinks';
import { archiveCourse, listCourses } from '@/server/services/admin/courses';
import { findUsers, updateAccount } from '@/server/services/admin/users';
import { hashPassword } from '@/server/services/auth/passwords';
import { verifyCredentials } from '@/server/services/auth/verifyCredentials';
import { joinCourse } from '@/server/services/courses/joinCourse';
import { getCurrentCourse } from '@/server/services/courses/getCurrentCourse';
import { updateCourseSettingsFor } from '@/server/services/courses/updateCourseSettings';
import { createSubmission } from '@/server/services/submissions/createSubmission';
import type { SeedResult } from '@/server/seed';
import { createSeededDb, testDrivers, type TestDriver } from './testDb';
import { refusal } from './refusal';

const base = 'http://deltalab.test';
const tokenOf = (link: string | null) => new URL(link!).searchParams.get('token')!;

describe.each(testDrivers())('accounts and administration on %s', (driver: TestDriver) => {
  let handle: DbHandle;
  let seeded: SeedResult;
  beforeAll(async () => {
    ({ handle, seeded } = await createSeededDb(driver));
  });
  afterAll(async () => {
    await handle.close();
  });

  it('a password link sets the password once, ends the sessions, and says why a used, expired or mistyped one does not work', async () => {
    const user = await makeUser(handle.db, { passwordHash: await hashPassword('old password 1') });
    const issued = await issuePasswordLink(handle.db, { user, purpose: 'reset', createdBy: null, baseUrl: base });
    expect(issued).toMatchObject({
      emailed: false,
      mailProblem: null,
      link: expect.stringMatching(/^http:\/\/deltalab\.test\/password\?token=/),
    });
    expect(issued.expiresAt.getTime() - Date.now()).toBeGreaterThan(23.9 * 3600_000);
    const token = tokenOf(issued.link);
    expect(await viewPasswordLink(handle.db, token)).toEqual({ ok: true, email: user.email, name: user.name, purpose: 'reset' });
    // A bad password does not use up the link.
    expect(await setPasswordWithLink(handle.db, { token, password: 'short', confirm: 'short' })).toMatchObject({
      ok: false,
      fieldErrors: { password: 'Password must be at least 8 characters' },
    });
    expect(await setPasswordWithLink(handle.db, { token, password: 'new password 2', confirm: 'new password 3' })).toMatchObject({
      fieldErrors: { confirm: 'The two passwords differ' },
    });
    expect(await setPasswordWithLink(handle.db, { token, password: 'new password 2', confirm: 'new password 2' })).toEqual({
      ok: true,
      email: user.email,
    });
    expect((await selectSessionAccount(handle.db, user.id))?.sessionVersion).toBe(1);
    expect(await verifyCredentials(handle.db, { email: user.email, password: 'new password 2' })).toMatchObject({ ok: true });
    expect(await setPasswordWithLink(handle.db, { token, password: 'third password', confirm: 'third password' })).toEqual({
      ok: false,
      message: 'This link was already used: a link sets a password once. Sign in, or ask for a new link.',
      fieldErrors: {},
    });
    const old = await issuePasswordLink(handle.db, {
      user,
      purpose: 'reset',
      createdBy: null,
      baseUrl: base,
      now: new Date(Date.now() - 25 * 3600_000),
    });
    expect(await viewPasswordLink(handle.db, tokenOf(old.link))).toEqual({
      ok: false,
      message: 'This link has expired (links work for 24 hours). Ask for a new one.',
    });
    expect(await viewPasswordLink(handle.db, 'A'.repeat(43))).toMatchObject({ ok: false, message: expect.stringContaining('not valid') });
    expect(await viewPasswordLink(handle.db, 'abc')).toMatchObject({ ok: false, message: expect.stringContaining('incomplete') });
    expect(await verifyCredentials(handle.db, { email: user.email, password: 'third password' })).toMatchObject({ ok: false });
  });

  it('an instructor issues reset links for their own students only; an administrator for anyone active', async () => {
    const instructorId = seeded.userIds['instructor@deltalab.test']!;
    const course = (await getCurrentCourse(handle.db, instructorId))!;
    const student = await makeEnrolledUser(handle.db, course.id);
    expect(await issueResetLinkForStudent(handle.db, instructorId, course, student.id, base)).toMatchObject({
      email: student.email,
      emailed: false,
    });
    // Not for someone with rights beyond the course's students, a stranger, a student of another course, nor by a TA.
    const creator = await makeEnrolledUser(handle.db, course.id, 'student', { canCreateCourses: true });
    const elsewhereStaff = await makeEnrolledUser(handle.db, course.id);
    const other = await makeCourse(handle.db);
    const { enrollUser } = await import('@deltalab/db');
    await enrollUser(handle.db, { userId: elsewhereStaff.id, courseId: other.id, role: 'teaching-assistant' });
    for (const target of [creator, elsewhereStaff])
      expect(await refusal(issueResetLinkForStudent(handle.db, instructorId, course, target.id, base))).toMatchObject({
        code: 'forbidden',
        message: expect.stringContaining('only an administrator can reset that password'),
      });
    const outsider = await makeEnrolledUser(handle.db, other.id);
    expect(await refusal(issueResetLinkForStudent(handle.db, instructorId, course, outsider.id, base))).toMatchObject({
      code: 'not-found',
    });
    expect(await refusal(issueResetLinkForStudent(handle.db, instructorId, course, instructorId, base))).toMatchObject({
      code: 'not-found',
    });
    const ta = await makeEnrolledUser(handle.db, course.id, 'teaching-assistant');
    const taCourse = (await getCurrentCourse(handle.db, ta.id))!;
    expect(await refusal(issueResetLinkForStudent(handle.db, ta.id, taCourse, student.id, base))).toMatchObject({ code: 'forbidden' });

    const admin = await makeUser(handle.db, { isAdmin: true });
    const adminActor = { id: admin.id, isAdmin: true, canCreateCourses: false };
    expect(await issueResetLinkAsAdmin(handle.db, adminActor, creator.id, base)).toMatchObject({ email: creator.email });
    expect(await refusal(issueResetLinkAsAdmin(handle.db, { ...adminActor, isAdmin: false }, creator.id, base))).toMatchObject({
      code: 'forbidden',
    });
    expect(await refusal(issueResetLinkAsAdmin(handle.db, adminActor, 'nope', base))).toMatchObject({ code: 'invalid-request' });
  });

  it('an administrator grants course creation, deactivates (not themselves) and reactivates; a deactivated account cannot sign in', async () => {
    const admin = await makeUser(handle.db, { isAdmin: true });
    const user = await makeUser(handle.db, { passwordHash: await hashPassword('password 123') });
    expect(await updateAccount(handle.db, admin.id, user.id, { canCreateCourses: true })).toMatchObject({
      canCreateCourses: true,
      deactivated: false,
    });
    expect(await updateAccount(handle.db, admin.id, user.id, { active: false })).toMatchObject({ deactivated: true });
    expect(await verifyCredentials(handle.db, { email: user.email, password: 'password 123' })).toMatchObject({
      ok: false,
      reason: 'deactivated',
      message: 'This account is deactivated. Ask your site administrator to reactivate it.',
    });
    // A wrong password says nothing about the deactivation.
    expect(await verifyCredentials(handle.db, { email: user.email, password: 'wrong 12345' })).toMatchObject({ reason: 'wrong-password' });
    const link = await issuePasswordLink(handle.db, { user, purpose: 'reset', createdBy: admin.id, baseUrl: base });
    expect(
      await setPasswordWithLink(handle.db, { token: tokenOf(link.link), password: 'other 12345', confirm: 'other 12345' }),
    ).toMatchObject({
      ok: false,
      message: 'This account is deactivated: its password cannot be set.',
    });
    expect(await updateAccount(handle.db, admin.id, user.id, { active: true })).toMatchObject({ deactivated: false });
    expect(await verifyCredentials(handle.db, { email: user.email, password: 'password 123' })).toMatchObject({ ok: true });
    expect(await refusal(updateAccount(handle.db, admin.id, admin.id, { active: false }))).toMatchObject({
      code: 'conflict',
      message: 'You cannot deactivate your own account: another administrator can.',
    });
    expect(await refusal(updateAccount(handle.db, admin.id, user.id, {}))).toMatchObject({ code: 'invalid-request' });
    expect(await refusal(updateAccount(handle.db, admin.id, user.id, { isAdmin: true }))).toMatchObject({ code: 'invalid-request' });
    expect(await refusal(updateAccount(handle.db, admin.id, '00000000-0000-4000-8000-000000000000', { active: true }))).toMatchObject({
      code: 'not-found',
    });
    expect((await selectUserById(handle.db, user.id)).isAdmin).toBe(false);
    expect((await findUsers(handle.db, user.email)).map((u) => u.id)).toEqual([user.id]);
    expect(await refusal(findUsers(handle.db, 'x'.repeat(201)))).toMatchObject({ code: 'invalid-request' });
  });

  it('an archived course is read-only: no submissions, no settings, no new students; it reads as before', async () => {
    const made = await makeCourse(handle.db, { joinCode: `ARCH-${Date.now().toString(36).toUpperCase()}` });
    const instructor = await makeEnrolledUser(handle.db, made.id, 'instructor');
    const student = await makeEnrolledUser(handle.db, made.id);
    expect(await archiveCourse(handle.db, made.slug, { archived: true })).toEqual({ ok: true, archived: true });
    expect((await listCourses(handle.db)).find((c) => c.id === made.id)).toMatchObject({ archived: true, students: 1 });
    const course = (await getCurrentCourse(handle.db, instructor.id))!;
    expect(await updateCourseSettingsFor(handle.db, course, { timeZone: 'UTC', latePolicy: 'accept' })).toEqual({
      ok: false,
      message: `${made.title} is archived: it is read-only now.`,
      fieldErrors: {},
    });
    expect(
      await refusal(
        createSubmission(handle.db, {
          userId: student.id,
          body: { exercise: 'perceptron-forward', answers: { y_hat: '1' } },
          queue: { sameStatement: null, queued: () => {} },
        }),
      ),
    ).toMatchObject({ code: 'forbidden', message: `${made.title} is archived: it is read-only now.` });
    const newcomer = await makeUser(handle.db);
    expect(await joinCourse(handle.db, newcomer.id, { joinCode: made.joinCode })).toMatchObject({
      ok: false,
      message: `${made.title} is archived: it takes no new students.`,
    });
    expect(await refusal(archiveCourse(handle.db, 'no-such-course', { archived: true }))).toMatchObject({ code: 'not-found' });
    expect(await refusal(archiveCourse(handle.db, made.slug, { archived: 'yes' }))).toMatchObject({ code: 'invalid-request' });
    expect(await archiveCourse(handle.db, made.slug, { archived: false })).toEqual({ ok: true, archived: false });
    expect((await selectCourseById(handle.db, made.id)).archivedAt).toBeNull();
  });
});
