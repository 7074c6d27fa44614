import type { APIResponse, PlaywrightWorkerArgs } from '@playwright/test';
import type { Permission } from '@deltalab/web';
import { tableDigests } from '../databaseDigest';
import { apiSignIn, apiSignInAdmin, demo, expect, test } from '../fixtures';
import {
  courseA,
  courseB,
  initialStandings,
  makeVisitors,
  member,
  policy,
  visitors,
  type MatrixVisitors,
  type Outcome,
  type Standings,
  type Visitor,
} from '../matrixVisitors';
import { apiRoutes, pageRoutes } from '../pageRoutes';
import { callServerAction, describeOutcome, isRefusal, serverActions, sourceServerActions, type ActionCall } from '../serverActions';
import {
  changedKeys,
  courseStudents,
  courseView,
  observe,
  restoreCourseView,
  switcherCourseIds,
  type CourseView,
  type SiteState,
} from '../siteState';

/**
 * Issues 12 and 18: the authorization matrix. Every API route (found in web/src/app: a new one fails here until it has a
 * row), every page and every server action (found in web/src: the same), as nine visitors (matrixVisitors.ts):
 * anonymous, a student, a student of another course, an instructor of another course, the course's instructor, an
 * administrator, a teaching assistant, a dropped student and a pending invitee. Each row names the permission it
 * needs; what each visitor should get is the permission module's answer (web's public index), never a second table.
 * "allowed" means the request got past authorization (any status but 401/403/404, never 5xx: a body the test does not
 * bother to make valid may still be a 400); "denied" is 403 or 404 (a resource of another course may be hidden as not
 * found); anonymous API requests are 401, anonymous pages go to the sign-in page. Server actions are called as anyone
 * can call them (serverActions.ts); their outcomes and what they wrote are checked below.
 */
const unknownId = '00000000-0000-4000-8000-000000000000';

/**
 * Who may: 'signedIn' anyone signed in (each acts on their own things); a permission `in` course A (the route is given
 * ?course= of A, or names a resource of A) or in the visitor's `own` current course; 'owner' the student who owns the
 * resource or whoever holds the permission in A; 'nobody' an id that does not exist (404 to those who may ask, 403 to
 * those who may not).
 */
type Rule = 'public' | 'signedIn' | 'nobody' | { permission: Permission; in: 'A' | 'own'; owner?: true };
const inA = (permission: Permission): Rule => ({ permission, in: 'A' });
const own = (permission: Permission): Rule => ({ permission, in: 'own' });

const apiRules: Record<string, Partial<Record<'GET' | 'POST' | 'PUT' | 'DELETE', Rule>>> = {
  '/api/exercises': { GET: own('course.view') },
  '/api/exercises/[slug]': { GET: own('course.view') },
  '/api/submissions': { POST: own('submission.create') },
  '/api/submissions/[id]': { GET: { permission: 'course.submissions.view', in: 'A', owner: true } },
  '/api/drafts': { PUT: own('submission.create') },
  '/api/preview': { POST: own('exercise.preview') },
  '/api/challenges/[slug]': { GET: own('course.view') },
  '/api/challenges/[slug]/entries': { GET: own('course.view'), POST: own('submission.create') },
  '/api/challenges/[slug]/entries/[id]': { GET: 'nobody' },
  '/api/challenges/[slug]/entries/[id]/final': { PUT: 'nobody' },
  '/api/challenges/[slug]/entries/[id]/verify': { POST: 'nobody' },
  '/api/challenges/[slug]/leaderboard': { GET: own('course.view') },
  '/api/challenges/[slug]/name': { PUT: own('course.view') },
  '/api/challenges/[slug]/settings': { PUT: own('course.settings.edit') },
  '/api/instructor/authoring': { POST: inA('exercise.author') },
  '/api/instructor/authoring/import': { POST: inA('exercise.author') },
  '/api/instructor/authoring/[slug]/validate': { POST: inA('exercise.author') },
  '/api/instructor/authoring/[slug]/preview': { POST: inA('exercise.author') },
  '/api/instructor/authoring/[slug]/publish': { POST: inA('exercise.publish') },
  '/api/instructor/exercises/[slug]/archive': { GET: inA('exercise.author') },
  '/api/instructor/exercises/[slug]/settings': { PUT: inA('course.settings.edit') },
  '/api/instructor/exercises/[slug]/stats': { GET: inA('course.dashboard.view') },
  '/api/instructor/gradebook.csv': { GET: inA('course.submissions.view') },
  '/api/instructor/overview': { GET: inA('course.dashboard.view') },
  '/api/instructor/submissions.csv': { GET: inA('course.submissions.view') },
  '/api/instructor/regrade': { GET: inA('regrade.preview'), POST: inA('regrade.preview') },
  '/api/instructor/regrade/[id]': { GET: inA('regrade.preview') },
  '/api/instructor/regrade/[id]/apply': { POST: inA('regrade.apply') },
  '/api/instructor/staff': { GET: inA('staff.manage'), POST: inA('staff.manage') },
  '/api/instructor/staff/[id]': { PUT: inA('staff.manage'), DELETE: inA('staff.manage') },
  '/api/instructor/invitations/[id]': { DELETE: inA('roster.manage') },
  '/api/instructor/roster': { GET: inA('roster.manage') },
  '/api/instructor/roster/[id]': { PUT: inA('roster.manage') },
  '/api/instructor/roster/[id]/reset-link': { POST: inA('student.password.reset') },
  '/api/instructor/roster/import': { POST: inA('roster.manage') },
  '/api/assessments': { GET: own('course.view') },
  '/api/assessments/[slug]/start': { POST: own('submission.create') },
  '/api/assessments/[slug]/finish': { POST: own('submission.create') },
  '/api/instructor/assessments': { GET: inA('course.dashboard.view'), POST: inA('assessment.edit') },
  '/api/instructor/assessments/[slug]': { PUT: inA('assessment.edit'), DELETE: inA('assessment.edit') },
  '/api/instructor/assessments/[slug]/overrides': { GET: inA('extensions.grant'), PUT: inA('extensions.grant') },
  '/api/instructor/assessments/[slug]/overrides/[id]': { DELETE: inA('extensions.grant') },
  '/api/instructor/assessments/[slug]/release': { POST: inA('assessment.release') },
  '/api/instructor/assessments/[slug]/regrade': { POST: inA('regrade.preview') },
  '/api/instructor/assessments/[slug]/stats': { GET: inA('course.dashboard.view') },
  '/api/admin/users': { GET: own('admin.users') },
  '/api/admin/users/[id]': { PUT: own('admin.users') },
  '/api/admin/users/[id]/reset-link': { POST: own('admin.users') },
  '/api/admin/courses': { GET: own('admin.courses') },
  '/api/admin/courses/[slug]': { PUT: own('admin.courses') },
  '/api/admin/lti/platforms': { GET: own('admin.lti'), POST: own('admin.lti'), DELETE: own('admin.lti') },
  '/api/instructor/lti': { GET: inA('lti.grades.send') },
  '/api/instructor/lti/grades': { POST: inA('lti.grades.send') },
  '/api/instructor/lti/line-items': { GET: inA('lti.link'), POST: inA('lti.link') },
  '/api/instructor/lti/roster': { POST: inA('lti.roster.sync') },
  // LTI endpoints the LMS and browsers reach without a session (a refusal there is a 4xx page naming the check).
  '/api/lti/jwks': { GET: 'public' },
  '/api/lti/config/canvas.json': { GET: 'public' },
  '/api/lti/login': { GET: 'public', POST: 'public' },
  '/api/lti/launch': { GET: 'public', POST: 'public' },
  // The steps after a launch need that launch (its grant cookie): 403 to everyone signed in here, 401 to the anonymous.
  '/api/lti/link': { GET: 'nobody', POST: 'nobody' },
  '/api/lti/deep-link': { GET: 'nobody', POST: 'nobody' },
};

/** Bodies that reach the check a row is about (a valid one where the route reads the body before deciding). */
const validBodies: Record<string, unknown> = {
  '/api/challenges/[slug]/entries/[id]/final': { final: true },
  '/api/submissions': { exercise: 'perceptron-forward', answers: { y_hat: '0.5' } },
  '/api/drafts': { exercise: 'mlp-forward-code', code: '// draft' },
};

/** The routes' and pages' visitors as they stand before the server actions (which move some of them). */
const start = initialStandings();

function expected(rule: Rule, visitor: Visitor): Outcome {
  if (rule === 'public') return 'allowed';
  if (visitor === 'anonymous') return 'unauthenticated';
  if (rule === 'signedIn') return 'allowed';
  if (rule === 'nobody') return 'denied';
  if (rule.owner && visitor === 'student') return 'allowed';
  return policy(start, visitor, rule.permission, rule.in);
}

function outcomeOf(response: APIResponse): Outcome | `error ${number}` {
  const status = response.status();
  if (status >= 500) return `error ${status}`;
  if (status === 401) return 'unauthenticated';
  if (status === 403 || status === 404) return 'denied';
  return 'allowed';
}

test('the authorization matrix: every API route, page and server action as nine visitors', async ({ playwright, browser, server }) => {
  test.setTimeout(600_000);
  const made = await makeVisitors(playwright, browser, server);
  const { contexts } = made;
  // The server actions below change both instructors' courses: put back after, for the specs sharing this server.
  const instructorsFound = {
    instructor: { view: (await courseView(contexts.instructor)) as CourseView, title: courseA.title },
    otherInstructor: { view: (await courseView(contexts.otherInstructor)) as CourseView, title: courseB.title },
  };

  // Resources of the first course.
  const submitted = await contexts.student.post('/api/submissions', {
    data: { exercise: 'perceptron-forward', answers: { y_hat: '0.5' } },
  });
  expect(submitted.status()).toBe(202);
  const submissionId = ((await submitted.json()) as { id: string }).id;
  const regrade = await contexts.instructor.post(`/api/instructor/regrade?course=${courseA.slug}`, {
    data: { exercise: 'perceptron-forward', scope: 'exercise' },
  });
  expect(regrade.status(), await regrade.text()).toBeLessThan(300);
  const regradeId = ((await regrade.json()) as { id: string }).id;
  const draft = `matrix-draft-${Date.now().toString(36)}`;
  const drafted = await contexts.instructor.post(`/api/instructor/authoring?course=${courseA.slug}`, {
    data: { kind: 'files', slug: draft, files: { 'statement.md': '# Draft' } },
  });
  expect(drafted.status(), await drafted.text()).toBeLessThan(300);
  const overview = (await (await contexts.instructor.get(`/api/instructor/overview?course=${courseA.slug}`)).json()) as {
    students: { userId: string; email: string }[];
  };
  const studentId = overview.students.find((s) => s.email === demo.student.email)!.userId;
  /** A pending student invitation of A, made afresh before each visitor's call (an allowed call withdraws it). */
  const freshInvitation = async () => {
    const email = `pending-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}@example.com`;
    await contexts.instructor.post(`/api/instructor/roster/import?course=${courseA.slug}`, {
      headers: { 'Content-Type': 'text/csv' },
      data: `email,name\n${email},Pending\n`,
    });
    const roster = (await (await contexts.instructor.get(`/api/instructor/roster?course=${courseA.slug}`)).json()) as {
      invitations: { id: string; email: string }[];
    };
    return roster.invitations.find((i) => i.email === email)!.id;
  };
  /** An override of the demo student on A's forward-pass homework, made afresh before each visitor's DELETE. */
  const freshOverride = async () => {
    const made = await contexts.instructor.put(`/api/instructor/assessments/forward-pass/overrides?course=${courseA.slug}`, {
      data: { students: [demo.student.email], extraMinutes: 5, reason: 'matrix' },
    });
    expect(made.status(), await made.text()).toBe(200);
    return ((await made.json()) as { overrides: { id: string }[] }).overrides[0]!.id;
  };

  expect(Object.keys(apiRules).sort()).toEqual(apiRoutes().filter((r) => !r.startsWith('/api/auth/')));
  const wrong: string[] = [];
  for (const [route, methods] of Object.entries(apiRules)) {
    for (const [method, rule] of Object.entries(methods)) {
      for (const visitor of visitors) {
        const slug = route.startsWith('/api/challenges')
          ? 'moons-challenge'
          : route.includes('/assessments/')
            ? 'forward-pass' // a homework in both demo courses (an exam's start is the exam spec's)
            : route.startsWith('/api/instructor/authoring/')
              ? draft
              : route.startsWith('/api/admin/courses/')
                ? courseA.slug
                : 'perceptron-forward';
        let path = route.replace('[slug]', slug);
        if (route === '/api/instructor/assessments/[slug]/overrides/[id]') path = path.replace('[id]', await freshOverride());
        else if (route === '/api/submissions/[id]') path = path.replace('[id]', submissionId);
        else if (route.startsWith('/api/instructor/regrade/[id]')) path = path.replace('[id]', regradeId);
        else if (route === '/api/instructor/invitations/[id]') path = path.replace('[id]', await freshInvitation());
        // Someone's account or enrollment: the student's (a reset link ends no session; a bad body changes nothing).
        else if (/^\/api\/(admin\/users|instructor\/(roster|staff))\/\[id\]/.test(route)) path = path.replace('[id]', studentId);
        else path = path.replace('[id]', unknownId);
        if (route.startsWith('/api/instructor/')) path += `?course=${courseA.slug}`;
        const data = method === 'GET' ? undefined : (validBodies[route] ?? {});
        const response = await contexts[visitor].fetch(path, { method, data, failOnStatusCode: false });
        const got = outcomeOf(response);
        const want = expected(rule, visitor);
        if (got !== want)
          wrong.push(
            `${method} ${path} as ${visitor}: ${got} (${response.status()}), expected ${want}: ${(await response.text()).slice(0, 160)}`,
          );
      }
    }
  }
  // The overrides the refused DELETEs left behind (the specs sharing this server find the demo course as seeded). An
  // assessment's DELETE is sent with no confirmation: allowed visitors get 400, so nothing is deleted.
  const leftOverrides = (await (
    await contexts.instructor.get(`/api/instructor/assessments/forward-pass/overrides?course=${courseA.slug}`)
  ).json()) as { overrides: { id: string; reason: string }[] };
  for (const { id } of leftOverrides.overrides.filter((o) => o.reason === 'matrix'))
    await contexts.instructor.delete(`/api/instructor/assessments/forward-pass/overrides/${id}?course=${courseA.slug}`);

  // Pages: public ones for everyone; the rest send anonymous visitors to sign in; the others as the policy says.
  type PageRule = Rule | 'public' | { anyOf: Rule[] };
  const pages: Record<string, { path: string; rule: PageRule }> = {
    '/': { path: '/', rule: 'signedIn' }, // to the course page, or to sign in
    '/signin': { path: '/signin', rule: 'public' },
    '/signup': { path: '/signup', rule: 'public' },
    '/password': { path: '/password?token=not-a-link', rule: 'public' }, // tells why the link does not work
    '/invitation': { path: '/invitation?token=not-a-link', rule: 'public' },
    '/signout': { path: '/signout', rule: 'signedIn' },
    '/account': { path: '/account', rule: 'signedIn' },
    '/course': { path: '/course', rule: 'signedIn' }, // a dropped student is told so there
    '/assessments/[slug]': { path: '/assessments/forward-pass', rule: own('course.view') },
    '/instructor/assessments': { path: '/instructor/assessments', rule: own('course.dashboard.view') },
    '/exercises/[slug]': { path: '/exercises/perceptron-forward', rule: own('course.view') },
    '/instructor': { path: '/instructor', rule: { anyOf: [own('exercise.preview'), own('course.create')] } },
    '/instructor/dashboard': { path: '/instructor/dashboard', rule: own('course.dashboard.view') },
    '/instructor/exercises/[slug]': { path: '/instructor/exercises/perceptron-forward', rule: own('course.dashboard.view') },
    '/instructor/authoring/new': { path: '/instructor/authoring/new', rule: own('exercise.author') },
    // A draft that does not exist: a 404 to its authors too.
    '/instructor/authoring/[slug]': { path: '/instructor/authoring/no-such-draft', rule: 'nobody' },
    '/instructor/regrades': { path: '/instructor/regrades', rule: own('regrade.preview') },
    '/instructor/regrades/[id]': { path: `/instructor/regrades/${regradeId}`, rule: inA('regrade.preview') },
    '/instructor/students/[id]': { path: `/instructor/students/${studentId}`, rule: inA('course.dashboard.view') },
    '/instructor/staff': { path: '/instructor/staff', rule: own('staff.manage') },
    '/instructor/roster': { path: '/instructor/roster', rule: own('roster.manage') },
    '/admin/users': { path: '/admin/users', rule: own('admin.users') },
    '/admin/courses': { path: '/admin/courses', rule: own('admin.courses') },
    '/admin/lti': { path: '/admin/lti', rule: own('admin.lti') },
    '/instructor/lms': { path: '/instructor/lms', rule: own('lti.grades.send') },
  };
  expect(Object.keys(pages).sort()).toEqual(pageRoutes());
  const pageExpected = (rule: PageRule, visitor: Visitor): string => {
    if (rule === 'public') return 'allowed';
    if (visitor === 'anonymous') return 'sign-in';
    if (typeof rule === 'object' && 'anyOf' in rule)
      return rule.anyOf.some((r) => expected(r, visitor) === 'allowed') ? 'allowed' : 'denied';
    return expected(rule, visitor);
  };
  for (const { path, rule } of Object.values(pages)) {
    for (const visitor of visitors) {
      const response = await contexts[visitor].get(path, { maxRedirects: 0, failOnStatusCode: false });
      const status = response.status();
      const toSignIn = status >= 300 && status < 400 && /\/signin/.test(response.headers()['location'] ?? '');
      const want = pageExpected(rule, visitor);
      const got =
        status >= 500
          ? `error ${status}`
          : toSignIn
            ? 'sign-in'
            : status === 403 || status === 404
              ? 'denied'
              : status < 400
                ? 'allowed'
                : `status ${status}`;
      if (got !== want) wrong.push(`page ${path} as ${visitor}: ${got} (${status}), expected ${want}`);
    }
  }

  // Server actions, last: joining a course changes who is in which course.
  let actionCalls = 0;
  try {
    actionCalls = await checkServerActions(playwright, made, server, wrong);
  } finally {
    // "Sign out everywhere" ended the sessions: sign the instructors in again, and put their courses back.
    await apiSignIn(contexts.instructor, demo.instructor.email);
    await apiSignIn(contexts.otherInstructor, made.emails.otherInstructor);
    for (const [visitor, { view, title }] of Object.entries(instructorsFound)) {
      const restored = await restoreCourseView(contexts[visitor as Visitor], server.baseURL, view, title);
      expect(restored, `${visitor} back in ${title} as it was`).toEqual(view);
    }
  }

  console.log(
    `[authorization] ${Object.values(apiRules).reduce((n, m) => n + Object.keys(m).length, 0)} API route × method pairs, ${Object.keys(pages).length} pages and ${actionCalls / visitors.length} server actions, as ${visitors.length} visitors`,
  );
  expect(wrong).toEqual([]);
  await made.dispose();
});

const short: Record<Visitor, string> = {
  anonymous: 'an',
  student: 'st',
  otherStudent: 'os',
  otherInstructor: 'oi',
  instructor: 'in',
  admin: 'ad',
  ta: 'ta',
  dropped: 'dr',
  invitee: 'iv',
};
/** Tables the site writes on its own meanwhile: the setup's submission and regrade are graded in the background. */
const backgroundTables = ['sign_in_throttle', 'submissions', 'grade_cells', 'regrades', 'regrade_items'];

/** A refusal that means "you may not" (the permission module's sentences, or a course that is closed to the visitor). */
const notAllowed =
  /^(Only (an?|someone) .+ can .+\.|You were dropped from .+: ask its instructor to restore you\.|.+ is archived: .+|You do not teach a course yet\.|You are not in a course.+)$/;

interface ActionRule {
  /** What each visitor gets. */
  expected: (visitor: Visitor) => Outcome;
  /** The refusal that means "you may not" (any other refusal got past authorization, e.g. "already enrolled"). */
  denied?: RegExp;
  call: (visitor: Visitor) => ActionCall;
  /** What an allowed call may change (keys of the site's state) and what is wrong with the change; the rest must stay. */
  effect: (visitor: Visitor, before: SiteState, after: SiteState, value: unknown) => { changes: string[]; problems: string[] };
  /** Runs once before the row's calls. */
  prepare?: () => Promise<void>;
  /** Runs before each visitor's call. */
  before?: (visitor: Visitor) => Promise<void>;
  /** Runs after each visitor's call has been checked (undoes what would change the next rows). */
  after?: (visitor: Visitor) => Promise<void>;
}

const view = (state: SiteState, visitor: Visitor) => state[`view:${visitor}`] as CourseView;
/** The view keys of everyone in the visitor's current course. */
const classmates = (state: SiteState, visitor: Visitor) =>
  visitors.filter((v) => v !== 'anonymous' && view(state, v).course?.slug === view(state, visitor).course.slug).map((v) => `view:${v}`);
const swapUp = (order: string[], slug: string) => {
  const copy = [...order];
  const i = copy.indexOf(slug);
  [copy[i - 1], copy[i]] = [copy[i]!, copy[i - 1]!];
  return copy;
};
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const signedIn = (visitor: Visitor): Outcome => (visitor === 'anonymous' ? 'unauthenticated' : 'allowed');

function actionOutcome(value: unknown, denied: RegExp | undefined): Outcome | `result ${string}` {
  if (isRefusal(value)) {
    if (/session has ended/.test(value.message)) return 'unauthenticated';
    return denied?.test(value.message) ? 'denied' : 'allowed';
  }
  return (value as { ok?: unknown } | undefined)?.ok === true ? 'allowed' : `result ${JSON.stringify(value)}`;
}

/**
 * Every server action as each visitor, each call checked three ways: its outcome; what it changed in the site's state
 * (a refused call nothing; an allowed one only what it should); and on PostgreSQL every table's rows (a refused call
 * wrote nothing). Returns the number of calls.
 */
async function checkServerActions(
  playwright: PlaywrightWorkerArgs['playwright'],
  made: MatrixVisitors,
  server: { baseURL: string; dataDir: string; databaseUrl?: string },
  wrong: string[],
): Promise<number> {
  const { contexts, emails } = made;
  // Where each visitor stands now: the rows below move some, and the rows after them expect what the policy says of that.
  const who: Record<Visitor, Standings> = initialStandings();
  const allowedTo = (visitor: Visitor, permission: Permission, where: 'A' | 'own' = 'own') => policy(who, visitor, permission, where);
  const actions = serverActions();
  const call = (visitor: Visitor, name: string, how: ActionCall) =>
    callServerAction(contexts[visitor], server.baseURL, actions.get(name)!, how);
  const stamp = Date.now().toString(36);
  const ids = new Map<string, string>();
  let moved = '';
  const newCourseSlug = (visitor: Visitor) => `mx-${short[visitor]}-${stamp}`;
  const newEmail = (visitor: Visitor) => `matrix-${short[visitor]}-${stamp}@example.com`;
  const viewsAs = (visitor: Visitor) => allowedTo(visitor, 'course.viewAsStudent') === 'allowed';

  const rules: Record<string, ActionRule> = {
    saveCourseSettingsAction: {
      expected: (visitor) => allowedTo(visitor, 'course.settings.edit'),
      denied: notAllowed,
      call: () => ({ args: [{ timeZone: 'Asia/Tokyo', latePolicy: 'penalize', latePenaltyPercent: '25' }] }),
      effect: (visitor, before, after) => {
        const changes = classmates(before, visitor);
        const saved = { timeZone: 'Asia/Tokyo', latePolicy: 'penalize', latePenalty: 0.25 };
        const problems = changes
          .filter(
            (key) => !same(after[key], { ...(before[key] as CourseView), course: { ...(before[key] as CourseView).course, ...saved } }),
          )
          .map((key) => `${key} is ${JSON.stringify(after[key])}`);
        return { changes, problems };
      },
    },
    moveExerciseAction: {
      prepare: async () => {
        moved = ((await courseView(contexts.instructor)) as CourseView).order[1]!;
      },
      expected: (visitor) => allowedTo(visitor, 'course.settings.edit'),
      denied: notAllowed,
      call: () => ({ form: { slug: moved, direction: 'up' } }),
      effect: (visitor, before, after) => {
        const changes = classmates(before, visitor);
        const problems = changes
          .filter((key) => !same((after[key] as CourseView).order, swapUp((before[key] as CourseView).order, moved)))
          .map((key) => `${key} has ${JSON.stringify((after[key] as CourseView).order)}`);
        return { changes, problems };
      },
    },
    createCourseAction: {
      expected: (visitor) => allowedTo(visitor, 'course.create'),
      denied: notAllowed,
      call: (visitor) => ({
        args: [{ title: `MX ${short[visitor]} ${stamp}`, joinCode: `MX-${short[visitor]}-${stamp}`.toUpperCase(), timeZone: 'UTC' }],
      }),
      effect: (visitor, _before, after) => {
        const { course, order } = view(after, visitor);
        const want = { slug: newCourseSlug(visitor), role: 'instructor', timeZone: 'UTC', latePolicy: 'accept', latePenalty: 0 };
        const problems = [
          ...(same(course, want) ? [] : [`works in ${JSON.stringify(course)}`]),
          ...(order?.length > 10 ? [] : [`the new course has ${JSON.stringify(order)}`]),
        ];
        return { changes: [`view:${visitor}`], problems };
      },
      // Whoever created a course teaches it, and works in it now.
      after: async (visitor) => {
        if (allowedTo(visitor, 'course.create') === 'allowed') who[visitor].own = member('instructor');
      },
    },
    switchCourseFormAction: {
      prepare: async () => {
        // Both instructors now teach two courses, so /course shows them the switcher with the courses' ids.
        for (const [visitor, title] of [
          ['instructor', courseA.title],
          ['otherInstructor', courseB.title],
        ] as const) {
          const id = (await switcherCourseIds(contexts[visitor])).get(title);
          expect(id, `${title}'s id on ${visitor}'s course switcher`).toBeTruthy();
          ids.set(title, id!);
        }
      },
      // Switching to course A: its members may (a dropped student too: the course then tells them so).
      expected: (visitor) => (visitor === 'anonymous' ? 'unauthenticated' : who[visitor].inA ? 'allowed' : 'denied'),
      denied: /^You are not enrolled in that course, so you cannot switch to it\.$/,
      call: () => ({ form: { courseId: ids.get(courseA.title)! } }),
      after: async (visitor) => {
        if (who[visitor].inA) who[visitor].own = who[visitor].inA;
      },
      effect: (visitor, _before, after) => {
        if (who[visitor].inA?.dropped)
          return { changes: [], problems: same(after[`view:${visitor}`], { status: 403 }) ? [] : ['sees the course'] };
        const { slug, role } = view(after, visitor).course;
        return {
          changes: [`view:${visitor}`],
          problems: slug === courseA.slug && role === who[visitor].inA!.role ? [] : [`works in ${slug} as ${role}`],
        };
      },
    },
    signUpAction: {
      prepare: async () => {
        // Back to the course they teach (from the ones they created).
        for (const [visitor, title] of [['otherInstructor', courseB.title]] as const) {
          const back = await call(visitor, 'switchCourseFormAction', { form: { courseId: ids.get(title)! } });
          expect(back.kind === 'returned' && back.value, describeOutcome(back)).toEqual({ ok: true });
        }
      },
      expected: () => 'allowed', // anyone may make an account
      call: (visitor) => ({
        args: [{ name: `Matrix ${visitor}`, email: newEmail(visitor), password: demo.password, joinCode: courseB.joinCode }],
      }),
      effect: (visitor, before, after) => {
        const want = [...(before[`students:${courseB.slug}`] as string[]), newEmail(visitor)].sort();
        const got = after[`students:${courseB.slug}`];
        return {
          changes: [`students:${courseB.slug}`],
          problems: same(got, want) ? [] : [`${courseB.slug}'s students are ${JSON.stringify(got)}`],
        };
      },
    },
    acceptInvitationAction: {
      // The invitation (to A's staff) is for the invitee's address: they alone take it up.
      expected: (visitor) => (visitor === 'anonymous' ? 'unauthenticated' : visitor === 'invitee' ? 'allowed' : 'denied'),
      denied: /^This invitation is for /,
      call: () => ({ args: [{ token: made.inviteeToken }] }),
      effect: (visitor, _before, after) => {
        const { slug, role } = view(after, visitor).course;
        return {
          changes: [`view:${visitor}`],
          problems: slug === courseA.slug && role === 'teaching-assistant' ? [] : [`works in ${slug} as ${role}`],
        };
      },
      // The invitee is a teaching assistant of A from now on, and works there.
      after: async (visitor) => {
        if (visitor === 'invitee') who.invitee = { ...who.invitee, inA: member('teaching-assistant'), own: member('teaching-assistant') };
      },
    },
    joinCourseAction: {
      // The join code is the permission; a dropped student is refused (the course is closed to them).
      expected: (visitor) => (visitor === 'anonymous' ? 'unauthenticated' : who[visitor].inA?.dropped ? 'denied' : 'allowed'),
      denied: notAllowed,
      call: () => ({ args: [{ joinCode: courseA.joinCode }] }),
      effect: (visitor, before, after, value) => {
        if (who[visitor].inA) {
          const enrolled = isRefusal(value) && /^You are already enrolled in /.test(value.message);
          return { changes: [], problems: enrolled ? [] : [`returned ${JSON.stringify(value)}`] };
        }
        const { slug, role } = view(after, visitor).course;
        const students = [...(before[`students:${courseA.slug}`] as string[]), emails[visitor as keyof typeof emails]].sort();
        const problems = [
          ...(slug === courseA.slug && role === 'student' ? [] : [`works in ${slug} as ${role}`]),
          ...(same(after[`students:${courseA.slug}`], students)
            ? []
            : [`${courseA.slug}'s students are ${JSON.stringify(after[`students:${courseA.slug}`])}`]),
        ];
        return { changes: [`view:${visitor}`, `students:${courseA.slug}`], problems };
      },
      // They are students of A now; back to the course they worked in (the rows below act on it).
      after: async (visitor) => {
        if (visitor === 'anonymous' || who[visitor].inA) return;
        who[visitor].inA = member('student');
        const back = visitor === 'admin' ? `MX ${short.admin} ${stamp}` : courseB.title;
        const id = (await switcherCourseIds(contexts[visitor])).get(back);
        expect(id, `${back} on ${visitor}'s course switcher`).toBeTruthy();
        const switched = await call(visitor, 'switchCourseFormAction', { form: { courseId: id! } });
        expect(switched.kind === 'returned' && switched.value, describeOutcome(switched)).toEqual({ ok: true });
      },
    },
    changePasswordAction: {
      // Anyone signed in; the same password again, so every spec after this one still signs in with it.
      expected: signedIn,
      call: () => ({ args: [{ current: demo.password, password: demo.password, confirm: demo.password }] }),
      effect: () => ({ changes: [], problems: [] }),
    },
    setPasswordAction: {
      // The link is the permission: without a valid one, nobody.
      expected: () => 'denied',
      denied: /^This link is not valid/,
      call: () => ({ args: [{ token: 'A'.repeat(43), password: 'a new password', confirm: 'a new password' }] }),
      effect: () => ({ changes: [], problems: [] }),
    },
    startStudentViewAction: {
      expected: (visitor) => allowedTo(visitor, 'course.viewAsStudent'),
      denied: notAllowed,
      call: () => ({ args: [] }),
      effect: (visitor, before, after) => {
        const was = view(before, visitor);
        const now = view(after, visitor);
        return {
          changes: [`view:${visitor}`],
          problems: now.course?.slug === was.course.slug && now.course.role === 'student' ? [] : [`sees ${JSON.stringify(now)}`],
        };
      },
      after: async (visitor) => {
        if (viewsAs(visitor)) await call(visitor, 'leaveStudentViewAction', { args: [] });
      },
    },
    leaveStudentViewAction: {
      // Whoever is in a student view: the staff members put there just before.
      before: async (visitor) => {
        if (viewsAs(visitor)) await call(visitor, 'startStudentViewAction', { args: [] });
      },
      expected: (visitor) => (visitor === 'anonymous' ? 'unauthenticated' : viewsAs(visitor) ? 'allowed' : 'denied'),
      denied: /^You are not viewing a course as a test student\.$/,
      call: () => ({ args: [] }),
      // Back from the test student's view to their own.
      effect: (visitor, before, after) => {
        const now = view(after, visitor);
        return {
          changes: [`view:${visitor}`],
          problems:
            now.course?.slug === view(before, visitor).course?.slug && now.course.role !== 'student' ? [] : [`sees ${JSON.stringify(now)}`],
        };
      },
    },
    signOutEverywhereAction: {
      expected: signedIn,
      call: () => ({ args: [] }),
      effect: (visitor, _before, after) => ({
        changes: [`view:${visitor}`],
        problems: same(after[`view:${visitor}`], { status: 401 }) ? [] : [`still signed in: ${JSON.stringify(after[`view:${visitor}`])}`],
      }),
      // Signed in again for the next visitor's observations (and the restore after the matrix).
      after: async (visitor) => {
        if (visitor === 'admin') await apiSignInAdmin(contexts.admin, server);
        else if (visitor !== 'anonymous') await apiSignIn(contexts[visitor], emails[visitor]);
      },
    },
  };
  expect(Object.keys(rules).sort()).toEqual(sourceServerActions().map((a) => a.name));

  // The courses' students are read by a teaching assistant of each, who takes no part: the visitors' sessions enter
  // student views, change passwords and end everywhere in the rows below.
  const watchers = {
    A: await playwright.request.newContext({ baseURL: server.baseURL }),
    B: await playwright.request.newContext({ baseURL: server.baseURL }),
  };
  for (const [key, joinCode, teacher, slug] of [
    ['A', courseB.joinCode, contexts.instructor, courseA.slug],
    ['B', courseA.joinCode, contexts.otherInstructor, courseB.slug],
  ] as const) {
    const email = `watcher-${key.toLowerCase()}-${stamp}@example.com`;
    const signed = await callServerAction(watchers[key], server.baseURL, actions.get('signUpAction')!, {
      args: [{ name: `Watcher ${key}`, email, password: demo.password, joinCode }],
    });
    expect(signed.kind === 'returned' && (signed.value as { ok?: boolean }).ok, describeOutcome(signed)).toBe(true);
    const added = await teacher.post(`/api/instructor/staff?course=${slug}`, { data: { email, role: 'teaching-assistant' } });
    expect(added.status(), await added.text()).toBe(201);
    await apiSignIn(watchers[key], email);
  }
  const observers: Record<string, () => Promise<unknown>> = {};
  for (const visitor of visitors) if (visitor !== 'anonymous') observers[`view:${visitor}`] = () => courseView(contexts[visitor]);
  observers[`students:${courseA.slug}`] = () => courseStudents(watchers.A, courseA.slug);
  observers[`students:${courseB.slug}`] = () => courseStudents(watchers.B, courseB.slug);

  let calls = 0;
  for (const [name, rule] of Object.entries(rules)) {
    await rule.prepare?.();
    for (const visitor of visitors) {
      const label = `action ${name} as ${visitor}`;
      await rule.before?.(visitor);
      const before = await observe(observers);
      const tables = server.databaseUrl ? await tableDigests(server.databaseUrl, backgroundTables) : null;
      const outcome = await call(visitor, name, rule.call(visitor));
      calls += 1;
      const want = rule.expected(visitor);
      const got = outcome.kind === 'returned' && outcome.status < 400 ? actionOutcome(outcome.value, rule.denied) : `error`;
      if (got !== want) wrong.push(`${label}: ${got}, expected ${want}: ${describeOutcome(outcome)}`);
      const after = await observe(observers);
      const value = outcome.kind === 'returned' ? outcome.value : undefined;
      const { changes, problems } = got === 'allowed' ? rule.effect(visitor, before, after, value) : { changes: [], problems: [] };
      for (const key of changedKeys(before, after).filter((k) => !changes.includes(k)))
        wrong.push(`${label} (${got}) changed ${key}: ${JSON.stringify(before[key])} → ${JSON.stringify(after[key])}`);
      for (const problem of problems) wrong.push(`${label}: ${problem}`);
      if (tables && got !== 'allowed') {
        const now = await tableDigests(server.databaseUrl!, backgroundTables);
        const written = Object.keys(now).filter((table) => now[table] !== tables[table]);
        if (written.length > 0) wrong.push(`${label} (${got}) wrote to ${written.join(', ')}`);
      }
      await rule.after?.(visitor);
    }
  }
  await watchers.A.dispose();
  await watchers.B.dispose();
  return calls;
}
