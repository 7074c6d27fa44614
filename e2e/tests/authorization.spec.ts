import type { APIRequestContext, APIResponse } from '@playwright/test';
import { apiSignIn, demo, expect, test } from '../fixtures';
import { apiRoutes, pageRoutes } from '../pageRoutes';

/**
 * Issue 12: the authorization matrix. Every API route (found in web/src/app: a new one fails here until it has a row)
 * and every page, as five visitors: anonymous, a student, a student of another course, an instructor of another
 * course, and the course's instructor. Resources of the first course (a student's submission, a regrade, a student's
 * page) are asked for by each. "allowed" means the request got past authorization (any status but 401/403, never
 * 5xx: a body the test does not bother to make valid may still be a 400); "denied" is 403 or 404 (a resource of
 * another course may be hidden as not found); anonymous API requests are 401, anonymous pages go to the sign-in page.
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

test('the authorization matrix: every API route and page as five visitors', async ({ playwright, browser, server }) => {
  test.setTimeout(300_000);
  const contexts = {} as Record<Visitor, APIRequestContext>;
  for (const visitor of visitors) contexts[visitor] = await playwright.request.newContext({ baseURL: server.baseURL });
  await apiSignIn(contexts.student, demo.student.email);
  await apiSignIn(contexts.otherInstructor, 'instructor2@deltalab.test');
  await apiSignIn(contexts.instructor, demo.instructor.email);
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
  console.log(
    `[authorization] ${Object.values(apiRules).reduce((n, m) => n + Object.keys(m).length, 0)} API route × method pairs and ${Object.keys(pages).length} pages, as ${visitors.length} visitors`,
  );
  expect(wrong).toEqual([]);
  for (const visitor of visitors) if (visitor !== 'otherStudent') await contexts[visitor].dispose();
  await otherBrowser.close();
});
