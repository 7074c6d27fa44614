import AxeBuilder from '@axe-core/playwright';
import { request, type Page } from '@playwright/test';
import { apiSignIn, apiSignInAdmin, demo, expect, signIn, test } from '../fixtures';
import { pageRoutes } from '../pageRoutes';

/**
 * Issue 12: an axe-core scan of every page, as each visitor who can see it, with no serious or critical violation.
 * The list below must name every page route the site has (checked against web/src/app): a new page without a scan
 * fails here until it is added.
 */
type Visitor = 'anonymous' | 'student' | 'instructor' | 'admin';
const codeEditorLoaded = (page: Page) => expect(page.getByRole('textbox', { name: 'Code editor' })).toBeAttached({ timeout: 30_000 });
/** A page to scan: its URL, or `open`, which makes what the page shows (a regrade, a draft) and returns its URL. */
type Scan = { visitor: Visitor; url?: string; open?: (page: Page) => Promise<string>; ready?: (page: Page) => Promise<void> };
const scans: Record<string, Scan[]> = {
  '/': [{ visitor: 'anonymous', url: '/' }],
  '/signin': [{ visitor: 'anonymous', url: '/signin' }],
  '/signup': [{ visitor: 'anonymous', url: '/signup' }],
  '/signout': [{ visitor: 'student', url: '/signout' }],
  '/account': [{ visitor: 'student', url: '/account' }],
  '/password': [
    { visitor: 'anonymous', url: '/password?token=not-a-link' },
    {
      visitor: 'instructor',
      // A real link: a reset link for one of the course's students (nothing changes until it is used).
      open: async (page) => {
        const roster = (await (await page.request.get('/api/instructor/roster')).json()) as { students: { userId: string }[] };
        const issued = await page.request.post(`/api/instructor/roster/${roster.students[0]!.userId}/reset-link`);
        expect(issued.status(), await issued.text()).toBe(201);
        const link = new URL(((await issued.json()) as { link: string }).link);
        return link.pathname + link.search;
      },
    },
  ],
  '/invitation': [
    { visitor: 'anonymous', url: '/invitation?token=not-a-link' },
    {
      // As the invitee sees it (the sign-up form): the instructor invites through a session of their own.
      visitor: 'anonymous',
      open: async (page) => {
        const instructor = await request.newContext({ baseURL: new URL(page.url()).origin });
        await apiSignIn(instructor, demo.instructor.email);
        const invited = await instructor.post('/api/instructor/staff', {
          data: { email: `axe-${Date.now().toString(36)}@example.com`, role: 'teaching-assistant' },
        });
        expect(invited.status(), await invited.text()).toBe(201);
        const link = new URL(((await invited.json()) as { link: string }).link);
        await instructor.dispose();
        return link.pathname + link.search;
      },
    },
  ],
  '/course': [
    { visitor: 'student', url: '/course' },
    { visitor: 'instructor', url: '/course' },
  ],
  '/exercises/[slug]': [
    { visitor: 'student', url: '/exercises/mlp-forward-pass' },
    { visitor: 'student', url: '/exercises/linear-activation-choice' },
    {
      visitor: 'student',
      url: '/exercises/mlp-forward-code',
      ready: codeEditorLoaded,
    },
    { visitor: 'instructor', url: '/exercises/mlp-backprop-2-2-2?variant=canonical' },
    // A training challenge: editor, board, entries (and, for the instructor, its settings and Verify).
    { visitor: 'student', url: '/exercises/moons-challenge', ready: codeEditorLoaded },
    { visitor: 'student', url: '/exercises/spirals-challenge', ready: (page) => page.getByRole('tab', { name: 'Form' }).click() },
    { visitor: 'instructor', url: '/exercises/circles-challenge', ready: codeEditorLoaded },
  ],
  '/instructor': [
    { visitor: 'instructor', url: '/instructor' },
    { visitor: 'student', url: '/instructor' }, // the 403 page
  ],
  '/instructor/dashboard': [{ visitor: 'instructor', url: '/instructor/dashboard' }],
  '/instructor/exercises/[slug]': [
    { visitor: 'instructor', url: '/instructor/exercises/mlp-forward-pass' },
    { visitor: 'instructor', url: '/instructor/exercises/mlp-forward-code' },
  ],
  '/instructor/authoring/new': [
    { visitor: 'instructor', url: '/instructor/authoring/new' },
    {
      visitor: 'instructor',
      url: '/instructor/authoring/new',
      ready: async (page) => {
        await page.getByText('reference.ts', { exact: true }).click();
        await expect(page.locator('.monaco-editor').first()).toBeAttached({ timeout: 30_000 });
      },
    },
  ],
  '/instructor/authoring/[slug]': [
    {
      visitor: 'instructor',
      open: async (page) => {
        const slug = `axe-draft-${Date.now().toString(36)}`;
        const made = await page.request.post('/api/instructor/authoring', {
          data: { kind: 'files', slug, files: { 'statement.md': '# A draft\n\nWith $x^2$.' } },
        });
        expect(made.status(), await made.text()).toBeLessThan(300);
        return `/instructor/authoring/${slug}`;
      },
    },
  ],
  '/instructor/regrades': [{ visitor: 'instructor', url: '/instructor/regrades' }],
  '/instructor/assessments': [{ visitor: 'instructor', url: '/instructor/assessments' }],
  '/assessments/[slug]': [
    { visitor: 'student', url: '/assessments/forward-pass' },
    { visitor: 'student', url: '/assessments/quiz-activations' }, // the start form (honor code)
  ],
  '/instructor/staff': [{ visitor: 'instructor', url: '/instructor/staff' }],
  '/instructor/roster': [{ visitor: 'instructor', url: '/instructor/roster' }],
  '/admin/users': [{ visitor: 'admin', url: '/admin/users' }],
  '/admin/courses': [{ visitor: 'admin', url: '/admin/courses' }],
  '/admin/lti': [{ visitor: 'admin', url: '/admin/lti' }],
  '/instructor/lms': [{ visitor: 'instructor', url: '/instructor/lms' }],
  '/instructor/regrades/[id]': [
    {
      visitor: 'instructor',
      open: async (page) => {
        const made = await page.request.post('/api/instructor/regrade', { data: { exercise: 'perceptron-forward', scope: 'exercise' } });
        expect(made.status(), await made.text()).toBeLessThan(300);
        return `/instructor/regrades/${((await made.json()) as { id: string }).id}`;
      },
    },
  ],
  '/instructor/students/[id]': [
    {
      visitor: 'instructor',
      open: async (page) => {
        await page.goto('/instructor/dashboard');
        const link = page.locator('a[href^="/instructor/students/"]').first();
        await expect(link).toBeVisible();
        return (await link.getAttribute('href'))!;
      },
    },
  ],
};

test('the scan list names every page route of the site', () => {
  expect(Object.keys(scans).sort()).toEqual(pageRoutes());
});

for (const visitor of ['anonymous', 'student', 'instructor', 'admin'] as const) {
  test(`axe finds no serious or critical violation on any page, as ${visitor === 'anonymous' ? 'an anonymous visitor' : `the ${visitor}`}`, async ({
    page,
    server,
  }) => {
    // The instructor scans a dozen pages (the assessments page among them): room for a busy CI machine.
    test.setTimeout(300_000);
    if (visitor === 'admin') await apiSignInAdmin(page.request, server);
    else if (visitor !== 'anonymous') await signIn(page, visitor === 'student' ? demo.secondStudent.email : demo.instructor.email);
    const found: string[] = [];
    for (const [route, entries] of Object.entries(scans)) {
      for (const entry of entries.filter((e) => e.visitor === visitor)) {
        const url = entry.url ?? (await entry.open!(page));
        await page.goto(url);
        await page.waitForLoadState('networkidle');
        await entry.ready?.(page);
        const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        for (const v of violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
          found.push(
            `${route} (${url}): ${v.impact} ${v.id}: ${v.help} — ${v.nodes
              .map((n) => n.target.join(' '))
              .slice(0, 3)
              .join('; ')}`,
          );
        }
      }
    }
    expect(found).toEqual([]);
  });
}
