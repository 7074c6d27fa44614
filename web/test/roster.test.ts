import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollUser, listCourseInvitations, selectEnrollment, selectOptionalUserByEmail, type DbHandle } from '@deltalab/db';
import { makeCourse, makeEnrolledUser, makeUser, uniqueSuffix } from '@deltalab/db/test';
import { signUp } from '@/server/services/auth/signUp';
import { findOrCreateOAuthUser } from '@/server/services/auth/findOrCreateOAuthUser';
import { getCourseHome } from '@/server/services/courses/getCourseHome';
import { joinCourse } from '@/server/services/courses/joinCourse';
import { getCurrentCourse, type CurrentCourse } from '@/server/services/courses/getCurrentCourse';
import { getCourseOverview } from '@/server/services/dashboards/getCourseOverview';
import { gradebookCsv } from '@/server/services/dashboards/gradebookCsv';
import { getRoster, updateRosterStudent } from '@/server/services/people/roster';
import { importRoster, parseRoster } from '@/server/services/people/rosterImport';
import { addStaff } from '@/server/services/people/staff';
import { createSubmission } from '@/server/services/submissions/createSubmission';
import type { SeedResult } from '@/server/seed';
import { createSeededDb, testDrivers, type TestDriver } from './testDb';
import { refusal } from './refusal';

const base = 'http://deltalab.test';

describe('parseRoster', () => {
  it('reads a spreadsheet’s CSV: a header, quoted fields, CRLF, a byte-order mark, blank lines', () => {
    const text = '\uFEFFEmail,Name,Section\r\nann@x.test,"Ann, the first",Lab A\r\n\r\nBOB@x.test,"Bob ""B"" Smith",\r\n';
    expect(parseRoster(text)).toEqual({
      ok: true,
      hasSection: true,
      rows: [
        { line: 2, email: 'ann@x.test', name: 'Ann, the first', section: 'Lab A' },
        { line: 4, email: 'bob@x.test', name: 'Bob "B" Smith', section: null },
      ],
    });
  });

  it('names each bad line, and the line a quoted field with a line break started on', () => {
    const text = [
      'email,name',
      'ann@x.test,Ann',
      'not-an-email,Bob',
      'cat@x.test,',
      'ann@x.test,Ann again',
      'dan@x.test,Dan,extra',
      'eve@x.test,"Eve',
      'E"',
    ].join('\n');
    expect(parseRoster(text)).toEqual({
      ok: false,
      problems: [
        'line 3: "not-an-email": Enter a valid email address, like name@example.com',
        'line 4: the name is empty',
        'line 5: ann@x.test is already on line 2',
        'line 6: 3 fields, expected 2 (email,name)',
      ],
    });
    expect(parseRoster('email,name\n"unclosed,Ann\n')).toEqual({
      ok: false,
      problems: ['line 2: a quoted field is never closed (a " is missing)'],
    });
  });

  it('refuses a wrong header, an empty file, a header alone and text the database cannot store', () => {
    expect(parseRoster('mail,full name\na@x.test,A')).toEqual({
      ok: false,
      problems: ['line 1: the first line must be the header "email,name" or "email,name,section", not "mail,full name"'],
    });
    expect(parseRoster('')).toMatchObject({ ok: false, problems: [expect.stringContaining('(the file is empty)')] });
    expect(parseRoster('email,name\n')).toEqual({ ok: false, problems: ['The file has a header but no students.'] });
    expect(parseRoster('email,name\na@x.test,A\u0000')).toMatchObject({ ok: false, problems: [expect.stringContaining('NUL')] });
  });
});

describe.each(testDrivers())('the roster on %s', (driver: TestDriver) => {
  let handle: DbHandle;
  let seeded: SeedResult;
  beforeAll(async () => {
    ({ handle, seeded } = await createSeededDb(driver));
  });
  afterAll(async () => {
    await handle.close();
  });

  async function course(): Promise<{ course: CurrentCourse; instructor: { id: string; name: string }; joinCode: string }> {
    const made = await makeCourse(handle.db);
    const instructor = await makeEnrolledUser(handle.db, made.id, 'instructor');
    return { course: (await getCurrentCourse(handle.db, instructor.id))!, instructor, joinCode: made.joinCode };
  }

  it('imports a roster all or nothing: a bad line refuses the whole file with its line number, and nothing is written', async () => {
    const { course: c, instructor } = await course();
    const existing = await makeUser(handle.db);
    const ta = await makeUser(handle.db);
    await addStaff(handle.db, c, instructor, { email: ta.email, role: 'teaching-assistant' }, base);
    const fresh = `fresh-${uniqueSuffix()}@example.test`;
    const bad = `email,name,section\n${existing.email},Ex,Lab A\n${fresh},Fresh,Lab B\n${ta.email},TA,Lab A\n`;
    expect(await refusal(importRoster(handle.db, c, instructor, bad, base))).toMatchObject({
      code: 'invalid-request',
      message: `Nothing was imported: line 4: ${ta.email} is teaching assistant of this course.`,
    });
    expect(await selectEnrollment(handle.db, existing.id, c.id)).toBeUndefined();
    expect(await listCourseInvitations(handle.db, c.id, ['student'])).toEqual([]);
    expect(await refusal(importRoster(handle.db, c, instructor, 'email;name\n', base))).toMatchObject({
      message: 'Nothing was imported: line 1: the first line must be the header "email,name" or "email,name,section", not "email;name".',
    });

    const good = `email,name,section\n${existing.email},Ex,Lab A\n${fresh},Fresh,Lab B\n`;
    expect(await importRoster(handle.db, c, instructor, good, base)).toEqual({
      ok: true,
      enrolled: 1,
      updated: 0,
      invited: 1,
      unchanged: 0,
      mailProblems: [],
    });
    expect(await selectEnrollment(handle.db, existing.id, c.id)).toMatchObject({ role: 'student', section: 'Lab A' });
    // Again, with another section: the enrolled student's section follows, the pending one's too.
    const again = `email,name,section\n${existing.email},Ex,Lab C\n${fresh},Fresh,Lab C\n`;
    expect(await importRoster(handle.db, c, instructor, again, base)).toMatchObject({ enrolled: 0, updated: 2, invited: 0 });
    expect(await importRoster(handle.db, c, instructor, `email,name\n${existing.email},Ex\n`, base)).toMatchObject({ unchanged: 1 });
    expect(await selectEnrollment(handle.db, existing.id, c.id)).toMatchObject({ section: 'Lab C' });

    // The pending student signs up without a join code and lands in the course, in their section.
    expect(await signUp(handle.db, { name: 'Fresh', email: fresh, password: 'long enough 1' })).toMatchObject({ ok: true, courseId: c.id });
    const user = (await selectOptionalUserByEmail(handle.db, fresh))!;
    expect(await getCurrentCourse(handle.db, user.id)).toMatchObject({ id: c.id, role: 'student', section: 'Lab C' });
    expect(await listCourseInvitations(handle.db, c.id)).toEqual([]);
    // Someone neither invited nor with a code is told to bring the code.
    expect(await signUp(handle.db, { name: 'N', email: `n-${uniqueSuffix()}@example.test`, password: 'long enough 1' })).toMatchObject({
      ok: false,
      fieldErrors: { joinCode: 'Enter the join code your instructor gave you' },
    });
  });

  it('an OAuth sign-in takes up a roster invitation too', async () => {
    const { course: c, instructor } = await course();
    const email = `oauth-${uniqueSuffix()}@example.test`;
    await importRoster(handle.db, c, instructor, `email,name\n${email},O Auth\n`, base);
    const user = await findOrCreateOAuthUser(handle.db, { provider: 'google', providerAccountId: uniqueSuffix(), email, name: 'O Auth' });
    expect(await getCurrentCourse(handle.db, user.id)).toMatchObject({ id: c.id, role: 'student' });
  });

  it('drops and restores: the dropped student leaves the dashboards and the gradebook, keeps their work, and the course is closed to them', async () => {
    const course = (await getCurrentCourse(handle.db, seeded.userIds['instructor@deltalab.test']!))!;
    const student = await makeEnrolledUser(handle.db, course.id);
    const submission = await createSubmission(handle.db, {
      userId: student.id,
      body: { exercise: 'perceptron-forward', answers: { y_hat: '0.5' } },
      queue: { sameStatement: null, queued: () => {} },
    });
    const listed = async () => (await getCourseOverview(handle.db, course)).students.some((s) => s.userId === student.id);
    expect(await listed()).toBe(true);
    expect(await updateRosterStudent(handle.db, course, student.id, { dropped: true, section: ' Lab Z ' })).toEqual({
      ok: true,
      dropped: true,
      section: 'Lab Z',
    });
    expect(await listed()).toBe(false);
    expect(await gradebookCsv(handle.db, course)).not.toContain(student.email);
    const home = await getCourseHome(handle.db, student.id);
    expect(home).toMatchObject({ exercises: [], closed: `You were dropped from ${course.title}: ask its instructor to restore you.` });
    expect(
      await refusal(
        createSubmission(handle.db, {
          userId: student.id,
          body: { exercise: 'perceptron-forward', answers: { y_hat: '0.5' } },
          queue: { sameStatement: null, queued: () => {} },
        }),
      ),
    ).toMatchObject({ code: 'forbidden', message: expect.stringContaining('You were dropped from') });
    expect(await joinCourse(handle.db, student.id, { joinCode: 'DELTA-FFN' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('dropped'),
    });
    const roster = await getRoster(handle.db, course);
    expect(roster.students.find((s) => s.userId === student.id)).toMatchObject({
      dropped: true,
      section: 'Lab Z',
      lastActivityAt: submission.createdAt.toISOString(),
      total: 0,
    });
    expect(roster.sections).toContain('Lab Z');
    expect(await updateRosterStudent(handle.db, course, student.id, { dropped: false })).toMatchObject({ dropped: false });
    expect(await listed()).toBe(true);
    // One section's dashboard.
    expect((await getCourseOverview(handle.db, course, { section: 'Lab Z' })).students.map((s) => s.userId)).toEqual([student.id]);
    await updateRosterStudent(handle.db, course, student.id, { section: null });
  });

  it('refuses bad roster changes with a specific message, changing nothing', async () => {
    const course = (await getCurrentCourse(handle.db, seeded.userIds['instructor@deltalab.test']!))!;
    const student = await makeEnrolledUser(handle.db, course.id);
    expect(await refusal(updateRosterStudent(handle.db, course, student.id, {}))).toMatchObject({
      message: "The form's data is not what this form sends: Send dropped, section, or both..",
    });
    expect(await refusal(updateRosterStudent(handle.db, course, student.id, { dropped: 'yes' }))).toMatchObject({
      fields: { dropped: 'dropped: true (drop the student) or false (restore them)' },
    });
    expect(await refusal(updateRosterStudent(handle.db, course, student.id, { section: 'x'.repeat(61) }))).toMatchObject({
      fields: { section: 'A section is at most 60 characters' },
    });
    expect(
      await refusal(updateRosterStudent(handle.db, course, seeded.userIds['instructor@deltalab.test']!, { dropped: true })),
    ).toMatchObject({
      code: 'conflict',
    });
    expect(await refusal(updateRosterStudent(handle.db, course, '00000000-0000-4000-8000-000000000000', { dropped: true }))).toMatchObject({
      code: 'not-found',
    });
    const tester = await makeUser(handle.db);
    await enrollUser(handle.db, { userId: tester.id, courseId: course.id, testStudent: true });
    expect(await refusal(updateRosterStudent(handle.db, course, tester.id, { dropped: true }))).toMatchObject({ code: 'not-found' });
    expect(await selectEnrollment(handle.db, student.id, course.id)).toMatchObject({ droppedAt: null, section: null });
  });
});
