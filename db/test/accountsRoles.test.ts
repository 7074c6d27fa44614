import { rmSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import {
  bumpSessionVersion,
  consumePasswordLink,
  courseOverviewCells,
  enrollUser,
  insertInvitation,
  insertPasswordLink,
  listAllCourses,
  listCountedStudents,
  listCourseInvitations,
  listCourseStaff,
  listRoster,
  lockCourseInstructors,
  migrate,
  searchUsers,
  selectCourseWithMembership,
  selectEnrollment,
  selectPasswordLink,
  selectSessionAccount,
  setCourseArchived,
  setEnrollmentDropped,
  setEnrollmentSection,
  setUserDeactivated,
  studentBestScores,
  takeUpInvitations,
  updateUserPassword,
  upsertStudentInvitation,
} from '../src/index';
import {
  makeCourse,
  makeCourseExercise,
  makeEnrolledUser,
  makeSubmission,
  makeUser,
  recordGrade,
  uniqueSuffix,
} from '../src/test/factories';
import { describeEachDriver } from './drivers';
import { migrationsBefore } from './migrationsBefore';

const hash = () => `hash-${uniqueSuffix()}-${uniqueSuffix()}`;

describeEachDriver('accounts, roles and rosters', (use, driver) => {
  it('migrates existing data without loss: administrators stay, course creators and instructors keep their rights', async () => {
    // The migrations up to the one before this issue's, in a folder of their own.
    const { folder, before, after } = migrationsBefore('_accounts_roles');
    expect(before).toBeGreaterThan(0);
    const fresh = await driver.openFresh();
    try {
      const db = fresh.handle.db;
      await migrate(db, { migrationsFolder: folder });
      const firstId = (result: unknown) =>
        ((Array.isArray(result) ? result : (result as { rows: unknown[] }).rows)[0] as { id: string }).id;
      const id = async (email: string, role: string) =>
        firstId(await db.execute(sql`insert into users (email, name, role) values (${email}, ${email}, ${role}::site_role) returning id`));
      const admin = await id('admin@old.test', 'admin');
      const siteInstructor = await id('site-instructor@old.test', 'instructor');
      const courseInstructor = await id('teacher@old.test', 'student');
      const student = await id('student@old.test', 'student');
      const course = {
        id: firstId(await db.execute(sql`insert into courses (title, slug, join_code) values ('Old', 'old', 'OLD-1') returning id`)),
      };
      await db.execute(sql`insert into enrollments (user_id, course_id, role) values (${courseInstructor}, ${course.id}, 'instructor'),
        (${student}, ${course.id}, 'student')`);

      // This migration and any after it.
      expect(await migrate(db)).toBe(after);
      const flags = async (userId: string) => {
        const account = (await selectSessionAccount(db, userId))!;
        return [account.isAdmin, account.canCreateCourses, account.sessionVersion, account.deactivatedAt];
      };
      expect(await flags(admin)).toEqual([true, true, 0, null]);
      expect(await flags(siteInstructor)).toEqual([false, true, 0, null]);
      expect(await flags(courseInstructor)).toEqual([false, true, 0, null]);
      expect(await flags(student)).toEqual([false, false, 0, null]);
      expect(await selectEnrollment(db, courseInstructor, course.id)).toMatchObject({ role: 'instructor', droppedAt: null, section: null });
      expect(await selectEnrollment(db, student, course.id)).toMatchObject({ role: 'student', droppedAt: null });
      // The new role is usable once the migration's transaction has committed.
      await enrollUser(db, { userId: admin, courseId: course.id, role: 'teaching-assistant' });
      expect((await listCourseStaff(db, course.id)).map((m) => m.role)).toEqual(['instructor', 'teaching-assistant']);
    } finally {
      await fresh.dispose();
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('raises the session version on a password change, "sign out everywhere" and a deactivation (not a reactivation)', async () => {
    const db = use().db;
    const user = await makeUser(db, { passwordHash: 'old' });
    expect(await updateUserPassword(db, user.id, 'new')).toBe(1);
    expect(await bumpSessionVersion(db, user.id)).toBe(2);
    const deactivated = await setUserDeactivated(db, user.id, true);
    expect(deactivated.sessionVersion).toBe(3);
    expect(deactivated.deactivatedAt).toBeInstanceOf(Date);
    // Deactivating again keeps the first date; reactivating leaves the version (old tokens stay ended).
    expect((await setUserDeactivated(db, user.id, true)).deactivatedAt).toEqual(deactivated.deactivatedAt);
    expect(await setUserDeactivated(db, user.id, false)).toMatchObject({ deactivatedAt: null, sessionVersion: 4 });
  });

  it('searches accounts by email or name, case-insensitively, with % and _ matching themselves', async () => {
    const db = use().db;
    const suffix = uniqueSuffix();
    const percent = await makeUser(db, { email: `per%cent-${suffix}@example.test`, name: 'Per Cent' });
    await makeUser(db, { email: `perxcent-${suffix}@example.test`, name: 'Other' });
    expect((await searchUsers(db, `PER%CENT-${suffix}`)).map((u) => u.id)).toEqual([percent.id]);
    const byName = await searchUsers(db, `per cent`);
    expect(byName.some((u) => u.id === percent.id)).toBe(true);
    expect(byName.find((u) => u.id === percent.id)).toMatchObject({ hasPassword: false, courses: 0, isAdmin: false });
  });

  it('uses a password link once, refuses an expired or unknown one, and a new link ends the older ones', async () => {
    const db = use().db;
    const user = await makeUser(db);
    const later = new Date(Date.now() + 60_000);
    const first = hash();
    await insertPasswordLink(db, { userId: user.id, purpose: 'reset', tokenHash: first, createdBy: null, expiresAt: later });
    const second = hash();
    await insertPasswordLink(db, { userId: user.id, purpose: 'reset', tokenHash: second, createdBy: null, expiresAt: later });
    expect(await selectPasswordLink(db, first)).toEqual({ ok: false, reason: 'used' });
    expect((await selectPasswordLink(db, second)).ok).toBe(true);
    const used = await consumePasswordLink(db, second);
    expect(used.ok && used.user.id).toBe(user.id);
    expect(await consumePasswordLink(db, second)).toEqual({ ok: false, reason: 'used' });
    expect(await consumePasswordLink(db, hash())).toEqual({ ok: false, reason: 'unknown' });
    const stale = hash();
    await insertPasswordLink(db, {
      userId: user.id,
      purpose: 'reset',
      tokenHash: stale,
      createdBy: null,
      expiresAt: new Date(Date.now() - 1000),
    });
    expect(await consumePasswordLink(db, stale)).toEqual({ ok: false, reason: 'expired' });
  });

  it('lets two uses of one link at once succeed once', async () => {
    const db = use().db;
    const user = await makeUser(db);
    const token = hash();
    await insertPasswordLink(db, {
      userId: user.id,
      purpose: 'reset',
      tokenHash: token,
      createdBy: null,
      expiresAt: new Date(Date.now() + 60_000),
    });
    const results = await Promise.all([consumePasswordLink(db, token), consumePasswordLink(db, token), consumePasswordLink(db, token)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it('keeps one invitation per course and email; sign-up takes up student ones only, a proven address all', async () => {
    const db = use().db;
    const course = await makeCourse(db);
    const other = await makeCourse(db);
    const email = `invitee-${uniqueSuffix()}@example.test`;
    const invite = (courseId: string, role: 'student' | 'teaching-assistant', section: string | null = null) =>
      insertInvitation(db, { courseId, email, role, section, tokenHash: hash(), invitedBy: null });
    expect(await invite(course.id, 'teaching-assistant')).not.toBeNull();
    expect(await invite(course.id, 'student')).toBeNull();
    expect(await invite(other.id, 'student', 'Lab A')).not.toBeNull();
    // A roster import updates the pending student invitation, never turns the staff one into a student's.
    expect(
      await upsertStudentInvitation(db, { courseId: other.id, email, name: 'Ina', section: 'Lab B', tokenHash: hash(), invitedBy: null }),
    ).toBe('updated');
    await upsertStudentInvitation(db, { courseId: course.id, email, name: 'Ina', section: null, tokenHash: hash(), invitedBy: null });
    expect((await listCourseInvitations(db, course.id)).map((i) => i.role)).toEqual(['teaching-assistant']);

    const user = await makeUser(db, { email });
    expect(await takeUpInvitations(db, user, { studentsOnly: true })).toEqual([{ courseId: other.id, role: 'student' }]);
    expect(await selectEnrollment(db, user.id, other.id)).toMatchObject({ role: 'student', section: 'Lab B' });
    expect(await selectEnrollment(db, user.id, course.id)).toBeUndefined();
    expect(await takeUpInvitations(db, user, { studentsOnly: false })).toEqual([{ courseId: course.id, role: 'teaching-assistant' }]);
    expect(await selectEnrollment(db, user.id, course.id)).toMatchObject({ role: 'teaching-assistant' });
    expect(await takeUpInvitations(db, user, { studentsOnly: false })).toEqual([]);
  });

  it('locks the instructors of a course inside a transaction', async () => {
    const db = use().db;
    const course = await makeCourse(db);
    const a = await makeEnrolledUser(db, course.id, 'instructor');
    await makeEnrolledUser(db, course.id, 'teaching-assistant');
    expect(await db.transaction((tx) => lockCourseInstructors(tx, course.id))).toEqual([a.id]);
  });

  it('leaves dropped students out of the dashboards, filters by section, and lists them on the roster with their last activity', async () => {
    const db = use().db;
    const course = await makeCourse(db);
    const exercise = await makeCourseExercise(db, course.id, { kind: 'numeric' });
    const [ann, bob, cat] = [
      await makeEnrolledUser(db, course.id),
      await makeEnrolledUser(db, course.id),
      await makeEnrolledUser(db, course.id),
    ];
    await makeEnrolledUser(db, course.id, 'teaching-assistant');
    await setEnrollmentSection(db, ann.id, course.id, 'Lab A');
    await setEnrollmentSection(db, bob.id, course.id, 'Lab B');
    const submitted = [];
    for (const user of [ann, bob]) {
      const s = await makeSubmission(db, {
        userId: user.id,
        courseId: course.id,
        exercise,
        kind: 'numeric',
        payload: { answers: { a: '1' } },
      });
      await recordGrade(db, s.id, { score: 0.5, passed: false });
      submitted.push(s);
    }
    await setEnrollmentDropped(db, bob.id, course.id, true);
    const counted = (filter = {}) => listCountedStudents(db, course.id, filter).then((rows) => rows.map((r) => r.userId).sort());
    expect(await counted()).toEqual([ann.id, cat.id].sort());
    expect(await counted({ section: 'Lab A' })).toEqual([ann.id]);
    expect(await counted({ section: 'Lab B' })).toEqual([]);
    expect((await courseOverviewCells(db, course.id)).map((c) => c.userId)).toEqual([ann.id]);
    // The roster keeps everyone (dropped too) and their totals' scores.
    const roster = await listRoster(db, course.id);
    expect(roster.map((r) => [r.userId, r.section, r.droppedAt !== null]).sort()).toEqual(
      [
        [ann.id, 'Lab A', false],
        [bob.id, 'Lab B', true],
        [cat.id, null, false],
      ].sort(),
    );
    expect(roster.find((r) => r.userId === bob.id)?.lastActivityAt?.getTime()).toBe(submitted[1]!.createdAt.getTime());
    expect(roster.find((r) => r.userId === cat.id)?.lastActivityAt).toBeNull();
    expect((await studentBestScores(db, course.id)).map((s) => s.userId).sort()).toEqual([ann.id, bob.id].sort());
    // Restored: counted again.
    await setEnrollmentDropped(db, bob.id, course.id, false);
    expect(await counted()).toEqual([ann.id, bob.id, cat.id].sort());
    // Only students are dropped.
    expect(await setEnrollmentDropped(db, (await listCourseStaff(db, course.id))[0]!.userId, course.id, true)).toBeUndefined();
  });

  it('lists every course with its instructors and sizes, and archives one', async () => {
    const db = use().db;
    const course = await makeCourse(db);
    const teacher = await makeEnrolledUser(db, course.id, 'instructor', { name: `Zed ${uniqueSuffix()}` });
    await makeEnrolledUser(db, course.id);
    await makeEnrolledUser(db, course.id, 'teaching-assistant');
    const row = (await listAllCourses(db)).find((c) => c.id === course.id);
    expect(row).toMatchObject({ instructors: [teacher.name], students: 1, teachingAssistants: 1, submissions: 0, archivedAt: null });
    expect((await setCourseArchived(db, course.id, true))?.archivedAt).toBeInstanceOf(Date);
    expect((await setCourseArchived(db, course.id, false))?.archivedAt).toBeNull();
    const found = await selectCourseWithMembership(db, teacher.id, course.slug);
    expect(found?.membership).toMatchObject({ role: 'instructor', droppedAt: null, testStudent: false });
    expect((await selectCourseWithMembership(db, (await makeUser(db)).id, course.slug))?.membership).toBeNull();
  });
});
