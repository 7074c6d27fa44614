/**
 * The authorization matrix's visitors: who each one is (their account's site rights, their standing in the demo course
 * "A" and in the course they work in), how the test makes them through the site, and what the site's permission
 * module (web's public index) says each may do. The expectations are the policy's, never a second table.
 */
import type { APIRequestContext, Browser, PlaywrightWorkerArgs } from '@playwright/test';
import { can, type Actor, type Permission } from '@deltalab/web';
import { apiSignIn, apiSignInAdmin, demo, expect } from './fixtures';
import { callServerAction, describeOutcome, serverActions } from './serverActions';

export const visitors = [
  'anonymous',
  'student',
  'otherStudent',
  'otherInstructor',
  'instructor',
  'admin',
  'ta',
  'dropped',
  'invitee',
] as const;
export type Visitor = (typeof visitors)[number];

export const courseA = { slug: 'deep-learning-ffn', title: demo.courseTitle, joinCode: demo.joinCode };
export const courseB = { slug: 'deltalab-sandbox', title: 'Deltalab Sandbox', joinCode: 'SANDBOX-1' };

export type Standing = NonNullable<Actor['course']>;
export const member = (role: Standing['role'], dropped = false): Standing => ({ role, dropped, archived: false });
const creator = { isAdmin: false, canCreateCourses: true };
const plain = { isAdmin: false, canCreateCourses: false };

/** A visitor's account rights, and their standing in course A (whose resources the matrix asks for) and in their own current course. */
export interface Standings {
  site: Actor['site'];
  inA: Standing | null;
  own: Standing | null;
}

/**
 * Each visitor as the matrix starts: the server actions move some of them later (an administrator who creates a course
 * teaches it; whoever joins A is in it), and the rows after follow (a fresh copy each time).
 */
export function initialStandings(): Record<Visitor, Standings> {
  return {
    anonymous: { site: null, inA: null, own: null },
    student: { site: plain, inA: member('student'), own: member('student') },
    otherStudent: { site: plain, inA: null, own: member('student') },
    // The demo instructors may create courses (the seed gives them the right, as the migration gave existing instructors).
    otherInstructor: { site: creator, inA: null, own: member('instructor') },
    instructor: { site: creator, inA: member('instructor'), own: member('instructor') },
    admin: { site: { isAdmin: true, canCreateCourses: true }, inA: null, own: null },
    ta: { site: plain, inA: member('teaching-assistant'), own: member('teaching-assistant') },
    dropped: { site: plain, inA: member('student', true), own: member('student', true) },
    // Invited to A's staff, signed up (with B's join code) without the invitation's link: nothing in A yet.
    invitee: { site: plain, inA: null, own: member('student') },
  };
}

export type Outcome = 'allowed' | 'denied' | 'unauthenticated';

/** What the policy says of a visitor and a permission, in course A or in their own course. */
export function policy(standings: Record<Visitor, Standings>, visitor: Visitor, permission: Permission, where: 'A' | 'own'): Outcome {
  if (visitor === 'anonymous') return 'unauthenticated';
  const { site, inA, own } = standings[visitor];
  return can({ site, course: where === 'A' ? inA : own }, permission) ? 'allowed' : 'denied';
}

export interface MatrixVisitors {
  contexts: Record<Visitor, APIRequestContext>;
  emails: Record<Exclude<Visitor, 'anonymous'>, string>;
  /** The invitee's invitation link token (to A's staff, pending). */
  inviteeToken: string;
  dispose(): Promise<void>;
}

/**
 * Makes the visitors through the site: the demo accounts; the test administrator; a student of course B signed up on
 * the sign-up page; a teaching assistant invited by A's instructor and signed up through the invitation's link; a
 * student of A whom the instructor drops; and someone invited to A's staff who signed up with B's join code instead.
 */
export async function makeVisitors(
  playwright: PlaywrightWorkerArgs['playwright'],
  browser: Browser,
  server: { baseURL: string; dataDir: string },
): Promise<MatrixVisitors> {
  const contexts = {} as Record<Visitor, APIRequestContext>;
  for (const visitor of visitors) contexts[visitor] = await playwright.request.newContext({ baseURL: server.baseURL });
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  const emails = {
    student: demo.student.email,
    otherInstructor: 'instructor2@deltalab.test',
    instructor: demo.instructor.email,
    admin: 'e2e-admin@deltalab.test',
    otherStudent: `other-${stamp}@example.com`,
    ta: `ta-${stamp}@example.com`,
    dropped: `dropped-${stamp}@example.com`,
    invitee: `invitee-${stamp}@example.com`,
  };
  await apiSignIn(contexts.student, emails.student);
  await apiSignIn(contexts.otherInstructor, emails.otherInstructor);
  await apiSignIn(contexts.instructor, emails.instructor);
  await apiSignInAdmin(contexts.admin, server);

  // A student of the second course, signed up on the sign-up page with its join code.
  const otherBrowser = await browser.newContext({ baseURL: server.baseURL });
  const signup = await otherBrowser.newPage();
  await signup.goto('/signup');
  await signup.getByLabel('Name').fill('Other Student');
  await signup.getByLabel('Email').fill(emails.otherStudent);
  await signup.getByLabel('Password').fill(demo.password);
  await signup.getByLabel('Course join code').fill(courseB.joinCode);
  await signup.getByRole('button', { name: 'Create account' }).click();
  await expect(signup).toHaveURL(/\/course$/);
  await contexts.otherStudent.dispose();
  contexts.otherStudent = otherBrowser.request;

  const signUp = async (visitor: Visitor, fields: Record<string, string>) => {
    const outcome = await callServerAction(contexts[visitor], server.baseURL, serverActions().get('signUpAction')!, {
      args: [{ name: `Matrix ${visitor}`, email: emails[visitor as keyof typeof emails], password: demo.password, ...fields }],
    });
    expect(outcome.kind === 'returned' && (outcome.value as { ok?: boolean }).ok, describeOutcome(outcome)).toBe(true);
    await apiSignIn(contexts[visitor], emails[visitor as keyof typeof emails]);
  };
  const invite = async (email: string) => {
    const response = await contexts.instructor.post(`/api/instructor/staff?course=${courseA.slug}`, {
      data: { email, role: 'teaching-assistant' },
    });
    expect(response.status(), await response.text()).toBe(201);
    const { link } = (await response.json()) as { link: string };
    return new URL(link).searchParams.get('token')!;
  };

  await signUp('ta', { invitation: await invite(emails.ta) });
  const inviteeToken = await invite(emails.invitee);
  await signUp('invitee', { joinCode: courseB.joinCode });
  await signUp('dropped', { joinCode: courseA.joinCode });
  const roster = (await (await contexts.instructor.get(`/api/instructor/roster?course=${courseA.slug}`)).json()) as {
    students: { userId: string; email: string }[];
  };
  const droppedId = roster.students.find((s) => s.email === emails.dropped)!.userId;
  const dropped = await contexts.instructor.put(`/api/instructor/roster/${droppedId}?course=${courseA.slug}`, { data: { dropped: true } });
  expect(dropped.status(), await dropped.text()).toBe(200);

  return {
    contexts,
    emails,
    inviteeToken,
    async dispose() {
      for (const visitor of visitors) if (visitor !== 'otherStudent') await contexts[visitor].dispose();
      await otherBrowser.close();
    },
  };
}
