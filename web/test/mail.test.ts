import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@deltalab/db';
import { startSmtpServer } from '@/test';

/**
 * With SMTP_URL set, reset links and invitations go by email, through a real SMTP server this test starts (the
 * smtp-server package), and are not shown to whoever issued them. The environment is set before the site's modules
 * load: env.ts reads it once.
 */
describe('email through SMTP_URL', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let handle: DbHandle;
  let site: {
    db: typeof import('@deltalab/db');
    factories: typeof import('@deltalab/db/test');
    links: typeof import('@/server/services/accounts/passwordLinks');
    staff: typeof import('@/server/services/people/staff');
    roster: typeof import('@/server/services/people/rosterImport');
    signUp: typeof import('@/server/services/auth/signUp');
    course: typeof import('@/server/services/courses/getCurrentCourse');
  };
  const base = 'https://course.example.edu';

  beforeAll(async () => {
    smtp = await startSmtpServer({ refuse: /^nobody@/ });
    process.env.SMTP_URL = smtp.url;
    process.env.NEXTAUTH_URL = base;
    process.env.SMTP_FROM = 'Deltalab <deltalab@example.edu>';
    site = {
      db: await import('@deltalab/db'),
      factories: await import('@deltalab/db/test'),
      links: await import('@/server/services/accounts/passwordLinks'),
      staff: await import('@/server/services/people/staff'),
      roster: await import('@/server/services/people/rosterImport'),
      signUp: await import('@/server/services/auth/signUp'),
      course: await import('@/server/services/courses/getCurrentCourse'),
    };
    handle = await site.factories.createTestDb();
  });
  afterAll(async () => {
    await handle?.close();
    await smtp?.close();
    delete process.env.SMTP_URL;
    delete process.env.NEXTAUTH_URL;
    delete process.env.SMTP_FROM;
  });

  const linkIn = (text: string) => /https:\/\/course\.example\.edu\/\S+/.exec(text)?.[0] ?? '';

  it('emails a password link to the account (and shows it to nobody), and the emailed link sets the password', async () => {
    const user = await site.factories.makeUser(handle.db, { name: 'Mia Mail' });
    const issued = await site.links.issuePasswordLink(handle.db, { user, purpose: 'reset', createdBy: null, baseUrl: base });
    expect(issued).toMatchObject({ emailed: true, link: null, mailProblem: null });
    const [mail] = smtp.to(user.email);
    expect(mail).toMatchObject({ from: 'deltalab@example.edu', subject: 'Reset your Deltalab password' });
    expect(mail!.text).toContain('Hello Mia Mail,');
    expect(mail!.text).toContain('for 24 hours');
    const token = new URL(linkIn(mail!.text)).searchParams.get('token');
    expect(await site.links.setPasswordWithLink(handle.db, { token, password: 'from the mail 1', confirm: 'from the mail 1' })).toEqual({
      ok: true,
      email: user.email,
    });
  });

  it('emails an invitation to the staff, and each roster invitation; a refused address is reported and its link shown', async () => {
    const made = await site.factories.makeCourse(handle.db);
    const instructor = await site.factories.makeEnrolledUser(handle.db, made.id, 'instructor', { name: 'Ivy Instructor' });
    const course = (await site.course.getCurrentCourse(handle.db, instructor.id))!;
    const ta = `ta-${site.factories.uniqueSuffix()}@example.test`;
    expect(await site.staff.addStaff(handle.db, course, instructor, { email: ta, role: 'teaching-assistant' }, base)).toMatchObject({
      added: 'invitation',
      link: null,
      mailProblem: null,
    });
    const invitation = smtp.to(ta)[0]!;
    expect(invitation.subject).toBe(`You are invited to ${course.title} on Deltalab`);
    expect(invitation.text).toContain(`Ivy Instructor added you to ${course.title} as teaching assistant.`);
    const token = new URL(linkIn(invitation.text)).searchParams.get('token')!;
    expect(await site.signUp.signUp(handle.db, { name: 'Tim TA', email: ta, password: 'long enough 1', invitation: token })).toMatchObject({
      ok: true,
      courseId: course.id,
    });

    const students = [`s1-${site.factories.uniqueSuffix()}@example.test`, `s2-${site.factories.uniqueSuffix()}@example.test`];
    const imported = await site.roster.importRoster(
      handle.db,
      course,
      instructor,
      `email,name\n${students[0]},S One\n${students[1]},S Two\n`,
      base,
    );
    expect(imported).toMatchObject({ invited: 2, mailProblems: [] });
    for (const email of students) expect(smtp.to(email)).toHaveLength(1);

    const refused = await site.staff.addStaff(handle.db, course, instructor, { email: 'nobody@example.test', role: 'instructor' }, base);
    expect(refused).toMatchObject({
      added: 'invitation',
      link: expect.stringMatching(/^https:\/\/course\.example\.edu\/invitation\?token=/),
      mailProblem: expect.stringContaining('The email to nobody@example.test could not be sent'),
    });
  });
});
