import { join } from 'node:path';
import { test as base, expect, type APIRequestContext, type Page, type TestInfo } from '@playwright/test';
import { adminLinkToken, artifactsDir, e2eAdmin, startServer, type RunningServer } from './server';
import { callServerAction, describeOutcome, serverActions } from './serverActions';

/** The seeded demo data (web/src/server/seed.ts); duplicated on purpose: the tests check what the README promises. */
export const demo = {
  password: 'deltalab-demo',
  student: { email: 'student1@deltalab.test', name: 'Student One' },
  secondStudent: { email: 'student2@deltalab.test', name: 'Student Two' },
  instructor: { email: 'instructor@deltalab.test', name: 'Ada Instructor' },
  courseTitle: 'Deep Learning: Feed-Forward Networks',
  joinCode: 'DELTA-FFN',
} as const;

type WorkerServer = Omit<RunningServer, 'stop'>;

interface WorkerFixtures {
  /** This worker's own server on its own copy of the seeded database. */
  server: WorkerServer;
}

interface TestFixtures {
  /** Saves a full-page screenshot of the current step under e2e/artifacts/screens/ and attaches it to the report. */
  snap: (name: string) => Promise<void>;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  server: [
    async ({}, use, workerInfo) => {
      // The "postgres" project (playwright.config.ts) runs its specs against a real PostgreSQL server.
      const database =
        workerInfo.project.name === 'postgres' ? { kind: 'postgres' as const, url: process.env.TEST_DATABASE_URL! } : undefined;
      const { stop, ...server } = await startServer(`${workerInfo.project.name}-worker-${workerInfo.workerIndex}`, database);
      await use(server);
      await stop();
    },
    // Starting Next (and seeding, when global-setup did not) takes a while on 2 cores.
    { scope: 'worker', timeout: 120_000 },
  ],
  baseURL: async ({ server }, use) => {
    await use(server.baseURL);
  },
  // Every page of every test fails on a Content-Security-Policy violation (issue 12): the policy must let Monaco, the
  // tfjs workers and WASM run, and nothing else. Chromium reports each violation as a console error; the listener
  // also catches those a page's own script could swallow.
  page: async ({ page }, use) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|CSP violation/i.test(message.text())) violations.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(
          `CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
        );
      });
    });
    await use(page);
    expect(violations, 'Content-Security-Policy violations on the page').toEqual([]);
  },
  snap: async ({ page }, use, testInfo) => {
    let step = 0;
    await use(async (name) => {
      step += 1;
      await screenshotStep(page, testInfo, `${String(step).padStart(2, '0')}-${name}`);
    });
  },
});

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
}

async function screenshotStep(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const project = testInfo.project.name === 'pglite' ? '' : `${testInfo.project.name}-`;
  const file = join(artifactsDir, 'screens', `${project}${slug(testInfo.titlePath.slice(1).join(' '))}`, `${slug(name)}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

/** Signs in through the form and waits for the course page. */
export async function signIn(page: Page, email: string, password: string = demo.password): Promise<void> {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/course$/);
  await expect(page.getByRole('heading', { level: 1, name: demo.courseTitle })).toBeVisible();
}

/**
 * Signs up a new student of the demo course through the sign-up form (each test its own student: nothing shared,
 * no rate limit or attempts used up by another test). The page's context, and page.request, are then signed in.
 */
export async function signUpStudent(page: Page, name = 'Test Student'): Promise<{ email: string; name: string }> {
  const email = `student-${test.info().workerIndex}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  await page.goto('/signup');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(demo.password);
  await page.getByLabel('Course join code').fill(demo.joinCode);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/course$/);
  await expect(page.getByRole('heading', { level: 1, name: demo.courseTitle })).toBeVisible();
  return { email, name };
}

/**
 * Signs an API client in the way a script would: next-auth's CSRF token, then the credentials callback; the
 * session cookie stays in the request context.
 */
export async function apiSignIn(request: APIRequestContext, email: string, password: string = demo.password): Promise<void> {
  const csrf = await request.get('/api/auth/csrf');
  expect(csrf.status()).toBe(200);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email, password, json: 'true' },
    maxRedirects: 0,
  });
  expect(response.status(), await response.text()).toBeLessThan(400);
  const session = (await (await request.get('/api/auth/session')).json()) as { user?: { email?: string } };
  expect(session.user?.email).toBe(email);
}

/** Servers (by address) whose test administrator has set their password through the one-time link already. */
const adminReady = new Set<string>();

/**
 * Signs an API client in as the server's administrator (made by `npm run admin -- create-admin` when its data was
 * seeded). The first time, the administrator's password is set through the link the command printed, as a new
 * administrator does.
 */
export async function apiSignInAdmin(request: APIRequestContext, server: { baseURL: string; dataDir: string }): Promise<void> {
  if (!adminReady.has(server.baseURL)) {
    const token = adminLinkToken(server.dataDir);
    const outcome = await callServerAction(request, server.baseURL, serverActions().get('setPasswordAction')!, {
      args: [{ token, password: demo.password, confirm: demo.password }],
    });
    const value = outcome.kind === 'returned' ? (outcome.value as { ok?: boolean; message?: string }) : undefined;
    // Used already: another test of this server set it.
    if (!value?.ok && !/already used/.test(value?.message ?? ''))
      throw new Error(`Setting the administrator's password: ${describeOutcome(outcome)}`);
    adminReady.add(server.baseURL);
  }
  await apiSignIn(request, e2eAdmin.email);
}

export { e2eAdmin, expect };
