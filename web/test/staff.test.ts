import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCourseInvitations, listCourseStaff, selectEnrollment, selectOptionalUserByEmail, type DbHandle } from '@deltalab/db';
import { makeCourse, makeEnrolledUser, makeUser, uniqueSuffix } from '@deltalab/db/test';
import { requireCoursePermission } from '@/server/auth/courseAccess';
import { signUp } from '@/server/services/auth/signUp';
import { findOrCreateOAuthUser } from '@/server/services/auth/findOrCreateOAuthUser';
import { getCurrentCourse, type CurrentCourse } from '@/server/services/courses/getCurrentCourse';
import { acceptInvitation } from '@/server/services/people/acceptInvitation';
import { addStaff, changeStaffRole, listStaff, removeStaff } from '@/server/services/people/staff';
import { withdrawInvitation } from '@/server/services/people/withdrawInvitation';
import { SubmissionError } from '@/server/services/submissions/submissionError';
import { createSeededDb, testDrivers, type TestDriver } from './testDb';
import { refusal } from './refusal';

const base = 'http://deltalab.test';

describe.each(testDrivers())('staff on %s', (driver: TestDriver) => {
  let handle: DbHandle;
  beforeAll(async () => {
    ({ handle } = await createSeededDb(driver));
  });
  afterAll(async () => {
    await handle.close();
  });

  /** A course of its own with one instructor, as that instructor sees it. */
  async function course(): Promise<{ course: CurrentCourse; instructor: { id: string; name: string } }> {
    const made = await makeCourse(handle.db);
    const instructor = await makeEnrolledUser(handle.db, made.id, 'instructor');
    return { course: (await getCurrentCourse(handle.db, instructor.id))!, instructor };
  }

  it('adds an account by email at once, in the role given; a teaching assistant gets the dashboards, not the settings', async () => {
    const { course: c, instructor } = await course();
    const ta = await makeUser(handle.db);
    const added = await addStaff(handle.db, c, instructor, { email: ta.email.toUpperCase(), role: 'teaching-assistant' }, base);
    expect(added).toEqual({ ok: true, added: 'member', userId: ta.id, name: ta.name, role: 'teaching-assistant' });
    expect((await requireCoursePermission(handle.db, ta.id, 'course.dashboard.view', c.slug)).role).toBe('teaching-assistant');
    for (const p of ['course.settings.edit', 'exercise.author', 'exercise.publish', 'regrade.apply', 'staff.manage'] as const)
      expect(await refusal(requireCoursePermission(handle.db, ta.id, p, c.slug)), p).toMatchObject({ code: 'forbidden' });
    expect((await listStaff(handle.db, c)).members.map((m) => m.role)).toEqual(['instructor', 'teaching-assistant']);
  });

  it('refuses, changing nothing: a bad email or role, someone already on the staff, a student, a duplicate invitation', async () => {
    const { course: c, instructor } = await course();
    const student = await makeEnrolledUser(handle.db, c.id);
    const before = await listStaff(handle.db, c);
    expect(await refusal(addStaff(handle.db, c, instructor, { email: 'not-an-email', role: 'instructor' }, base))).toMatchObject({
      code: 'invalid-request',
      fields: { email: 'Enter a valid email address, like name@example.com' },
    });
    expect(await refusal(addStaff(handle.db, c, instructor, { email: 'a@b.test', role: 'student' }, base))).toMatchObject({
      fields: { role: 'Choose instructor or teaching assistant' },
    });
    expect(await refusal(addStaff(handle.db, c, instructor, { email: instructor.id, role: 'instructor', extra: 1 }, base))).toMatchObject({
      code: 'invalid-request',
    });
    const me = (await listCourseStaff(handle.db, c.id))[0]!;
    expect(await refusal(addStaff(handle.db, c, instructor, { email: me.email, role: 'teaching-assistant' }, base))).toMatchObject({
      code: 'conflict',
      message: `${me.email} is already instructor of ${c.title}.`,
    });
    expect(await refusal(addStaff(handle.db, c, instructor, { email: student.email, role: 'teaching-assistant' }, base))).toMatchObject({
      code: 'conflict',
      fields: { email: `${student.email} is a student of this course.` },
    });
    const email = `new-ta-${uniqueSuffix()}@example.test`;
    const invited = await addStaff(handle.db, c, instructor, { email, role: 'teaching-assistant' }, base);
    expect(invited).toMatchObject({
      ok: true,
      added: 'invitation',
      email,
      mailProblem: null,
      link: expect.stringMatching(/^http:\/\/deltalab\.test\/invitation\?token=[\w-]{43}$/),
    });
    expect(await refusal(addStaff(handle.db, c, instructor, { email, role: 'instructor' }, base))).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(new RegExp(`^${email} is already invited to .* as teaching assistant \\(since `)),
    });
    expect((await listStaff(handle.db, c)).members).toEqual(before.members);
    expect((await listCourseInvitations(handle.db, c.id)).map((i) => [i.email, i.role])).toEqual([[email, 'teaching-assistant']]);
  });

  it('a staff invitation is taken up through its link or an OAuth sign-in, never by a plain sign-up with that email', async () => {
    const { course: c, instructor } = await course();
    const squatter = `ta-${uniqueSuffix()}@example.test`;
    await addStaff(handle.db, c, instructor, { email: squatter, role: 'teaching-assistant' }, base);
    // Signing up with the address (nobody checks it) and another course's join code: a student there, nothing here.
    const signed = await signUp(handle.db, { name: 'Sq', email: squatter, password: 'long enough 1', joinCode: 'SANDBOX-1' });
    expect(signed.ok).toBe(true);
    const user = (await selectOptionalUserByEmail(handle.db, squatter))!;
    expect(await selectEnrollment(handle.db, user.id, c.id)).toBeUndefined();
    // Without a join code, the sign-up is told to use the invitation's link.
    const other = `ta2-${uniqueSuffix()}@example.test`;
    const second = await addStaff(handle.db, c, instructor, { email: other, role: 'instructor' }, base);
    expect(await signUp(handle.db, { name: 'X', email: other, password: 'long enough 1', joinCode: '' })).toMatchObject({
      ok: false,
      fieldErrors: { joinCode: `${other} is invited as instructor: sign up through the link in that invitation.` },
    });
    // Through the link: the invitation's email only.
    const token = second.added === 'invitation' ? new URL(second.link!).searchParams.get('token')! : '';
    expect(
      await signUp(handle.db, { name: 'X', email: `someone-${uniqueSuffix()}@example.test`, password: 'long enough 1', invitation: token }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { email: `This invitation is for ${other}: sign up with that address.` },
    });
    const joined = await signUp(handle.db, { name: 'New Instructor', email: other, password: 'long enough 1', invitation: token });
    expect(joined).toMatchObject({ ok: true, courseId: c.id });
    const newcomer = (await selectOptionalUserByEmail(handle.db, other))!;
    expect(await getCurrentCourse(handle.db, newcomer.id)).toMatchObject({ id: c.id, role: 'instructor' });
    // Used: the link works no more.
    expect(await signUp(handle.db, { name: 'Y', email: other, password: 'long enough 1', invitation: token })).toMatchObject({
      ok: false,
      message: expect.stringContaining('has been used or withdrawn'),
    });
    // The signed-in squatter cannot accept it by link either: the squatter's own invitation needs the squatter's mailbox,
    // which OAuth (a checked address) proves.
    const viaOAuth = await findOrCreateOAuthUser(handle.db, {
      provider: 'github',
      providerAccountId: uniqueSuffix(),
      email: squatter,
      name: 'Sq',
    });
    expect(viaOAuth.id).toBe(user.id);
    expect(await selectEnrollment(handle.db, user.id, c.id)).toMatchObject({ role: 'teaching-assistant' });
  });

  it('accepting an invitation needs its own address; withdrawing one needs the right to manage that role', async () => {
    const { course: c, instructor } = await course();
    const invitee = `inv-${uniqueSuffix()}@example.test`;
    const issued = await addStaff(handle.db, c, instructor, { email: invitee, role: 'teaching-assistant' }, base);
    const token = issued.added === 'invitation' ? new URL(issued.link!).searchParams.get('token')! : '';
    const stranger = await makeUser(handle.db);
    const session = (u: { id: string; email: string; name: string }) => ({ ...u, isAdmin: false, canCreateCourses: false });
    expect(await acceptInvitation(handle.db, session(stranger), token)).toMatchObject({
      ok: false,
      message: expect.stringContaining(`This invitation is for ${invitee}, and you are signed in as ${stranger.email}.`),
    });
    expect(await acceptInvitation(handle.db, session(stranger), 'x'.repeat(43))).toMatchObject({ ok: false });
    expect(await acceptInvitation(handle.db, session(stranger), 'short')).toMatchObject({
      ok: false,
      message: 'This link is incomplete or mistyped: copy the whole link from the message.',
    });
    // A teaching assistant may withdraw a student's invitation, not a staff member's.
    const ta = await makeUser(handle.db);
    await addStaff(handle.db, c, instructor, { email: ta.email, role: 'teaching-assistant' }, base);
    const taCourse = (await getCurrentCourse(handle.db, ta.id))!;
    const pending = (await listCourseInvitations(handle.db, c.id))[0]!;
    expect(await refusal(withdrawInvitation(handle.db, taCourse, pending.id))).toMatchObject({ code: 'forbidden' });
    expect(await withdrawInvitation(handle.db, c, pending.id)).toEqual({ ok: true });
    expect(await refusal(withdrawInvitation(handle.db, c, pending.id))).toMatchObject({ code: 'not-found' });
    const invited = await makeUser(handle.db, { email: invitee });
    expect(await acceptInvitation(handle.db, session(invited), token)).toMatchObject({
      ok: false,
      message: expect.stringContaining('withdrawn'),
    });
  });

  it('changes roles and removes people, and a course always keeps an instructor', async () => {
    const { course: c, instructor } = await course();
    expect(await refusal(changeStaffRole(handle.db, c, instructor.id, { role: 'teaching-assistant' }))).toMatchObject({
      code: 'conflict',
      message: `This is the only instructor of ${c.title}: make someone else instructor first, so the course keeps one.`,
    });
    expect(await refusal(removeStaff(handle.db, c, instructor.id))).toMatchObject({ code: 'conflict' });
    expect(await changeStaffRole(handle.db, c, instructor.id, { role: 'instructor' })).toEqual({ ok: true, role: 'instructor' });
    const second = await makeUser(handle.db);
    await addStaff(handle.db, c, instructor, { email: second.email, role: 'teaching-assistant' }, base);
    expect(await refusal(changeStaffRole(handle.db, c, second.id, { role: 'student' }))).toMatchObject({ code: 'invalid-request' });
    expect(await changeStaffRole(handle.db, c, second.id, { role: 'instructor' })).toEqual({ ok: true, role: 'instructor' });
    expect(await removeStaff(handle.db, c, instructor.id)).toEqual({ ok: true });
    expect(await refusal(removeStaff(handle.db, c, second.id))).toMatchObject({ code: 'conflict' });
    expect(await refusal(removeStaff(handle.db, c, 'not-a-uuid'))).toMatchObject({ code: 'invalid-request' });
    expect(await refusal(removeStaff(handle.db, c, instructor.id))).toMatchObject({ code: 'not-found' });
    const student = await makeEnrolledUser(handle.db, c.id);
    expect(await refusal(removeStaff(handle.db, c, student.id))).toMatchObject({ code: 'conflict' });
    expect((await listCourseStaff(handle.db, c.id)).map((m) => [m.userId, m.role])).toEqual([[second.id, 'instructor']]);
  });

  if (driver === 'postgres') {
    it('two instructors removing each other at once: one of them stays', async () => {
      const { course: c, instructor } = await course();
      const other = await makeUser(handle.db);
      await addStaff(handle.db, c, instructor, { email: other.email, role: 'instructor' }, base);
      const outcomes = await Promise.allSettled([removeStaff(handle.db, c, instructor.id), removeStaff(handle.db, c, other.id)]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const failed = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
      expect(failed.reason).toBeInstanceOf(SubmissionError);
      expect((await listCourseStaff(handle.db, c.id)).length).toBe(1);
    });
  }
});
