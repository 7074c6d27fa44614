import type { APIRequestContext, APIResponse } from '@playwright/test';
import { tableDigests } from '../databaseDigest';
import { apiSignIn, demo, expect, test } from '../fixtures';
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
 * Issue 12: the authorization matrix. Every API route (found in web/src/app: a new one fails here until it has a row),
 * every page and every server action (found in web/src: the same), as five visitors: anonymous, a student, a student
 * of another course, an instructor of another course, and the course's instructor. Resources of the first course (a student's submission, a regrade, a student's
 * page) are asked for by each. "allowed" means the request got past authorization (any status but 401/403, never
 * 5xx: a body the test does not bother to make valid may still be a 400); "denied" is 403 or 404 (a resource of
 * another course may be hidden as not found); anonymous API requests are 401, anonymous pages go to the sign-in page.
 * Server actions are called as anyone can call them (serverActions.ts); their outcomes and what they wrote are below.
 */
type Visitor = 'anonymous' | 'student' | 'otherStudent' | 'otherInstructor' | 'instructor';
type Outcome = 'allowed' | 'denied' | 'unauthenticated';
const visitors: Visitor[] = ['anonymous', 'student', 'otherStudent', 'otherInstructor', 'instructor'];
const course = 'deep-learning-ffn';
const unknownId = '00000000-0000-4000-8000-000000000000';

/**
 * Who may: 'all' signed-in visitors; 'course' the first course's own (its student, its instructor); 'instructor' the
 * first course's instructor only (routes given ?course= of the first course); 'anyInstructor' an instructor of the
 * course they are in (routes that act on the visitor's current course); 'unknownId' nobody (an id that does not
 * exist: 404 to those who may ask, 403 to those who may not).
 */
type Rule = 'all' | 'course' | 'instructor' | 'anyInstructor' | 'unknownId';
const apiRules: Record<string, Partial<Record<'GET' | 'POST' | 'PUT', Rule>>> = {
  '/api/exercises': { GET: 'all' },
  '/api/exercises/[slug]': { GET: 'all' }, // each gets their own course's exercise
  '/api/submissions': { POST: 'all' },
  '/api/submissions/[id]': { GET: 'course' }, // the first course's student's submission
  '/api/drafts': { PUT: 'all' },
  '/api/preview': { POST: 'anyInstructor' },
  '/api/challenges/[slug]': { GET: 'all' },
  '/api/challenges/[slug]/entries': { GET: 'all', POST: 'all' },
  '/api/challenges/[slug]/entries/[id]': { GET: 'unknownId' },
  '/api/challenges/[slug]/entries/[id]/final': { PUT: 'unknownId' },
  '/api/challenges/[slug]/entries/[id]/verify': { POST: 'unknownId' },
  '/api/challenges/[slug]/leaderboard': { GET: 'all' },
  '/api/challenges/[slug]/name': { PUT: 'all' },
  '/api/challenges/[slug]/settings': { PUT: 'anyInstructor' },
  '/api/instructor/authoring': { POST: 'instructor' },
  '/api/instructor/authoring/import': { POST: 'instructor' },
  '/api/instructor/authoring/[slug]/validate': { POST: 'instructor' },
  '/api/instructor/authoring/[slug]/preview': { POST: 'instructor' },
  '/api/instructor/authoring/[slug]/publish': { POST: 'instructor' },
  '/api/instructor/exercises/[slug]/archive': { GET: 'instructor' },
  '/api/instructor/exercises/[slug]/settings': { PUT: 'instructor' },
  '/api/instructor/exercises/[slug]/stats': { GET: 'instructor' },
  '/api/instructor/gradebook.csv': { GET: 'instructor' },
  '/api/instructor/overview': { GET: 'instructor' },
  '/api/instructor/submissions.csv': { GET: 'instructor' },
  '/api/instructor/regrade': { GET: 'instructor', POST: 'instructor' },
  '/api/instructor/regrade/[id]': { GET: 'instructor' },
  '/api/instructor/regrade/[id]/apply': { POST: 'instructor' },
};

/** Bodies for routes that read the body before the resource: so the row tests the resource, not the format. */
const validBodies: Record<string, unknown> = { '/api/challenges/[slug]/entries/[id]/final': { final: true } };

function expected(rule: Rule, visitor: Visitor): Outcome {
  if (visitor === 'anonymous') return 'unauthenticated';
  if (rule === 'all') return 'allowed';
  if (rule === 'unknownId') return 'denied';
  if (rule === 'anyInstructor') return visitor === 'instructor' || visitor === 'otherInstructor' ? 'allowed' : 'denied';
  if (rule === 'course') return visitor === 'student' || visitor === 'instructor' ? 'allowed' : 'denied';
  return visitor === 'instructor' ? 'allowed' : 'denied';
}

function outcomeOf(response: APIResponse): Outcome | `error ${number}` {
  const status = response.status();
  if (status >= 500) return `error ${status}`;
  if (status === 401) return 'unauthenticated';
  if (status === 403 || status === 404) return 'denied';
  return 'allowed';
}

test('the authorization matrix: every API route, page and server action as five visitors', async ({ playwright, browser, server }) => {
  test.setTimeout(300_000);
  const contexts = {} as Record<Visitor, APIRequestContext>;
  for (const visitor of visitors) contexts[visitor] = await playwright.request.newContext({ baseURL: server.baseURL });
  await apiSignIn(contexts.student, demo.student.email);
  await apiSignIn(contexts.otherInstructor, 'instructor2@deltalab.test');
  await apiSignIn(contexts.instructor, demo.instructor.email);
  // The server actions below change both instructors' courses: put back after, for the specs sharing this server.
  const instructorsFound = {
    instructor: { view: (await courseView(contexts.instructor)) as CourseView, title: courseA.title },
    otherInstructor: { view: (await courseView(contexts.otherInstructor)) as CourseView, title: courseB.title },
  };
  // A student of the second course, signed up on the sign-up page with its join code.
  const otherBrowser = await browser.newContext({ baseURL: server.baseURL });
  const signup = await otherBrowser.newPage();
  await signup.goto('/signup');
  await signup.getByLabel('Name').fill('Other Student');
  await signup.getByLabel('Email').fill(`other-${Date.now()}@example.com`);
  await signup.getByLabel('Password').fill(demo.password);
  await signup.getByLabel('Course join code').fill('SANDBOX-1');
  await signup.getByRole('button', { name: 'Create account' }).click();
  await expect(signup).toHaveURL(/\/course$/);
  await contexts.otherStudent.dispose();
  contexts.otherStudent = otherBrowser.request;

  // Resources of the first course.
  const submitted = await contexts.student.post('/api/submissions', {
    data: { exercise: 'perceptron-forward', answers: { y_hat: '0.5' } },
  });
  expect(submitted.status()).toBe(202);
  const submissionId = ((await submitted.json()) as { id: string }).id;
  const regrade = await contexts.instructor.post(`/api/instructor/regrade?course=${course}`, {
    data: { exercise: 'perceptron-forward', scope: 'exercise' },
  });
  expect(regrade.status(), await regrade.text()).toBeLessThan(300);
  const regradeId = ((await regrade.json()) as { id: string }).id;
  const draft = `matrix-draft-${Date.now().toString(36)}`;
  const drafted = await contexts.instructor.post(`/api/instructor/authoring?course=${course}`, {
    data: { kind: 'files', slug: draft, files: { 'statement.md': '# Draft' } },
  });
  expect(drafted.status(), await drafted.text()).toBeLessThan(300);
  const values: Record<string, string> = { slug: 'perceptron-forward', id: unknownId };

  expect(Object.keys(apiRules).sort()).toEqual(apiRoutes().filter((r) => !r.startsWith('/api/auth/')));
  const wrong: string[] = [];
  for (const [route, methods] of Object.entries(apiRules)) {
    const slug = route.startsWith('/api/challenges')
      ? 'moons-challenge'
      : route.startsWith('/api/instructor/authoring/')
        ? draft
        : values.slug!;
    let path = route.replace('[slug]', slug);
    if (route === '/api/submissions/[id]') path = path.replace('[id]', submissionId);
    else if (route.startsWith('/api/instructor/regrade/[id]')) path = path.replace('[id]', regradeId);
    else path = path.replace('[id]', values.id!);
    if (route.startsWith('/api/instructor/')) path += `?course=${course}`;
    for (const [method, rule] of Object.entries(methods)) {
      for (const visitor of visitors) {
        const data = method === 'GET' ? undefined : (validBodies[route] ?? {});
        const response = await contexts[visitor].fetch(path, { method, data, failOnStatusCode: false });
        const got = outcomeOf(response);
        const want = expected(rule, visitor);
        if (got !== want)
          wrong.push(
            `${method} ${path} as ${visitor}: ${got} (${response.status()}), expected ${want}: ${(await response.text()).slice(0, 120)}`,
          );
      }
    }
  }

  // Pages: public ones for everyone; the rest send anonymous visitors to sign in; instructor pages only to instructors,
  // and pages about the first course's people or regrades only to its instructor.
  const studentId = await (async () => {
    const overview = (await (await contexts.instructor.get(`/api/instructor/overview?course=${course}`)).json()) as {
      students?: { userId: string }[];
    };
    return overview.students?.[0]?.userId ?? unknownId;
  })();
  const pages: Record<string, { path: string; rule: Rule | 'public' }> = {
    '/': { path: '/', rule: 'all' }, // to the course page, or to sign in
    '/signin': { path: '/signin', rule: 'public' },
    '/signup': { path: '/signup', rule: 'public' },
    '/signout': { path: '/signout', rule: 'all' },
    '/course': { path: '/course', rule: 'all' },
    '/exercises/[slug]': { path: '/exercises/perceptron-forward', rule: 'all' },
    '/instructor': { path: '/instructor', rule: 'instructor' },
    '/instructor/dashboard': { path: '/instructor/dashboard', rule: 'instructor' },
    '/instructor/exercises/[slug]': { path: '/instructor/exercises/perceptron-forward', rule: 'instructor' },
    '/instructor/authoring/new': { path: '/instructor/authoring/new', rule: 'instructor' },
    '/instructor/authoring/[slug]': { path: '/instructor/authoring/no-such-draft', rule: 'instructor' },
    '/instructor/regrades': { path: '/instructor/regrades', rule: 'instructor' },
    '/instructor/regrades/[id]': { path: `/instructor/regrades/${regradeId}`, rule: 'course' },
    '/instructor/students/[id]': { path: `/instructor/students/${studentId}`, rule: 'course' },
  };
  expect(Object.keys(pages).sort()).toEqual(pageRoutes());
  for (const [, { path, rule }] of Object.entries(pages)) {
    for (const visitor of visitors) {
      const response = await contexts[visitor].get(path, { maxRedirects: 0, failOnStatusCode: false });
      const status = response.status();
      const toSignIn = status >= 300 && status < 400 && /\/signin/.test(response.headers()['location'] ?? '');
      let want: string;
      if (rule === 'public') want = 'allowed';
      else if (visitor === 'anonymous') want = 'sign-in';
      else if (rule === 'all') want = 'allowed';
      // 'course' pages for instructors of the course; a student of it is no instructor.
      else if (rule === 'course' || rule === 'unknownId') want = visitor === 'instructor' ? 'allowed' : 'denied';
      else want = visitor === 'instructor' || visitor === 'otherInstructor' ? 'allowed' : 'denied';
      // A draft that does not exist is a 404 to its instructor too.
      if (path === '/instructor/authoring/no-such-draft' && want === 'allowed') want = 'denied';
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
  const otherStudentEmail = (await (await contexts.otherStudent.get('/api/auth/session')).json()).user.email as string;
  let actionCalls = 0;
  try {
    actionCalls = await checkServerActions(contexts, server, otherStudentEmail, wrong);
  } finally {
    for (const [visitor, { view, title }] of Object.entries(instructorsFound)) {
      const restored = await restoreCourseView(contexts[visitor as Visitor], server.baseURL, view, title);
      expect(restored, `${visitor} back in ${title} as it was`).toEqual(view);
    }
  }

  console.log(
    `[authorization] ${Object.values(apiRules).reduce((n, m) => n + Object.keys(m).length, 0)} API route × method pairs, ${Object.keys(pages).length} pages and ${actionCalls / visitors.length} server actions, as ${visitors.length} visitors`,
  );
  expect(wrong).toEqual([]);
  for (const visitor of visitors) if (visitor !== 'otherStudent') await contexts[visitor].dispose();
  await otherBrowser.close();
});

const courseA = { slug: 'deep-learning-ffn', title: demo.courseTitle, joinCode: demo.joinCode };
const courseB = { slug: 'deltalab-sandbox', title: 'Deltalab Sandbox', joinCode: 'SANDBOX-1' };
const short: Record<Visitor, string> = { anonymous: 'an', student: 'st', otherStudent: 'os', otherInstructor: 'oi', instructor: 'in' };
/** Tables the site writes on its own meanwhile: the setup's submission and regrade are graded in the background. */
const backgroundTables = ['sign_in_throttle', 'submissions', 'grade_cells', 'regrades', 'regrade_items'];

interface ActionRule {
  /** What each visitor gets, in the order of `visitors`. */
  expected: [Outcome, Outcome, Outcome, Outcome, Outcome];
  /** The refusal that means "you may not" (any other refusal got past authorization, e.g. "already enrolled"). */
  denied?: RegExp;
  call: (visitor: Visitor) => ActionCall;
  /** What an allowed call may change (keys of the site's state) and what is wrong with the change; the rest must stay. */
  effect: (visitor: Visitor, before: SiteState, after: SiteState, value: unknown) => { changes: string[]; problems: string[] };
  /** Runs once before the row's calls. */
  prepare?: () => Promise<void>;
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
  contexts: Record<Visitor, APIRequestContext>,
  server: { baseURL: string; databaseUrl?: string },
  otherStudentEmail: string,
  wrong: string[],
): Promise<number> {
  const actions = serverActions();
  const call = (visitor: Visitor, name: string, how: ActionCall) =>
    callServerAction(contexts[visitor], server.baseURL, actions.get(name)!, how);
  const stamp = Date.now().toString(36);
  const emails: Partial<Record<Visitor, string>> = { otherStudent: otherStudentEmail, otherInstructor: 'instructor2@deltalab.test' };
  const ids = new Map<string, string>();
  let moved = '';
  const switchEffect: ActionRule['effect'] = (visitor, _before, after) => {
    const { slug, role } = view(after, visitor).course;
    const want = visitor === 'instructor' ? 'instructor' : 'student';
    return { changes: [`view:${visitor}`], problems: slug === courseA.slug && role === want ? [] : [`works in ${slug} as ${role}`] };
  };
  const newCourseSlug = (visitor: Visitor) => `mx-${short[visitor]}-${stamp}`;
  const newEmail = (visitor: Visitor) => `matrix-${short[visitor]}-${stamp}@example.com`;

  const rules: Record<string, ActionRule> = {
    saveCourseSettingsAction: {
      expected: ['unauthenticated', 'denied', 'denied', 'allowed', 'allowed'], // each instructor their own course only
      denied: /^Only an instructor of this course can change its settings\.$/,
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
      expected: ['unauthenticated', 'denied', 'denied', 'allowed', 'allowed'],
      denied: /^Only an instructor of this course can reorder its exercises\.$/,
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
      expected: ['unauthenticated', 'denied', 'denied', 'allowed', 'allowed'],
      denied: /^Only instructors can create courses\.$/,
      call: (visitor) => ({
        args: [{ title: `MX ${short[visitor]} ${stamp}`, joinCode: `MX-${short[visitor]}-${stamp}`.toUpperCase(), timeZone: 'UTC' }],
      }),
      effect: (visitor, before, after) => {
        const { course, order } = view(after, visitor);
        const want = { slug: newCourseSlug(visitor), role: 'instructor', timeZone: 'UTC', latePolicy: 'accept', latePenalty: 0 };
        const catalogue = [...view(before, visitor).order].sort();
        const problems = [
          ...(same(course, want) ? [] : [`works in ${JSON.stringify(course)}`]),
          ...(same([...order].sort(), catalogue) ? [] : [`the new course has ${JSON.stringify(order)}`]),
        ];
        return { changes: [`view:${visitor}`], problems };
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
      expected: ['unauthenticated', 'allowed', 'denied', 'denied', 'allowed'],
      denied: /^You are not enrolled in that course, so you cannot switch to it\.$/,
      call: () => ({ form: { courseId: ids.get(courseA.title)! } }),
      effect: switchEffect,
    },
    signUpAction: {
      prepare: async () => {
        // Back to the course the other instructor teaches (from the one they created).
        const back = await call('otherInstructor', 'switchCourseFormAction', { form: { courseId: ids.get(courseB.title)! } });
        expect(back.kind === 'returned' && back.value, describeOutcome(back)).toEqual({ ok: true });
      },
      expected: ['allowed', 'allowed', 'allowed', 'allowed', 'allowed'], // anyone may make an account
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
    joinCourseAction: {
      expected: ['unauthenticated', 'allowed', 'allowed', 'allowed', 'allowed'], // the join code is the permission
      call: () => ({ args: [{ joinCode: courseA.joinCode }] }),
      effect: (visitor, before, after, value) => {
        const email = emails[visitor];
        if (!email) {
          const enrolled = isRefusal(value) && /^You are already enrolled in /.test(value.message);
          return { changes: [], problems: enrolled ? [] : [`returned ${JSON.stringify(value)}`] };
        }
        const { slug, role } = view(after, visitor).course;
        const students = [...(before[`students:${courseA.slug}`] as string[]), email].sort();
        const problems = [
          ...(slug === courseA.slug && role === 'student' ? [] : [`works in ${slug} as ${role}`]),
          ...(same(after[`students:${courseA.slug}`], students)
            ? []
            : [`${courseA.slug}'s students are ${JSON.stringify(after[`students:${courseA.slug}`])}`]),
        ];
        return { changes: [`view:${visitor}`, `students:${courseA.slug}`], problems };
      },
    },
  };
  expect(Object.keys(rules).sort()).toEqual(sourceServerActions().map((a) => a.name));

  const observers: Record<string, () => Promise<unknown>> = {};
  for (const visitor of visitors) if (visitor !== 'anonymous') observers[`view:${visitor}`] = () => courseView(contexts[visitor]);
  observers[`students:${courseA.slug}`] = () => courseStudents(contexts.instructor, courseA.slug);
  observers[`students:${courseB.slug}`] = () => courseStudents(contexts.otherInstructor, courseB.slug);

  let calls = 0;
  for (const [name, rule] of Object.entries(rules)) {
    await rule.prepare?.();
    for (const [index, visitor] of visitors.entries()) {
      const label = `action ${name} as ${visitor}`;
      const before = await observe(observers);
      const tables = server.databaseUrl ? await tableDigests(server.databaseUrl, backgroundTables) : null;
      const outcome = await call(visitor, name, rule.call(visitor));
      calls += 1;
      const want = rule.expected[index]!;
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
    }
  }
  return calls;
}
