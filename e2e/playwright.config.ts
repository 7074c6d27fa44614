import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium';

/**
 * End-to-end tests against the built web app (`npm run build -w @deltalab/web` first; turbo's e2e task does it).
 * Each worker starts its own server on a fresh embedded database (see fixtures.ts), so workers share nothing.
 * Browser: CHROMIUM_PATH, else the system's /usr/bin/chromium, else the npm one (chromium.ts); Playwright's own
 * browsers are never downloaded.
 */
const workers = Number(process.env.E2E_WORKERS ?? 2);

/**
 * Every spec runs on the embedded database (PGlite, what `npm start` uses). When a real PostgreSQL is at hand
 * (TEST_DATABASE_URL, set by .ci/run), the sign-in, student and grading-fault flows run again with DATABASE_URL on a database of
 * their own there: the same app on the other driver. Specs that reach behind the site into its database (to make a
 * state no page can, e.g. an account without a course, as OAuth sign-in leaves one) run there only.
 */
const postgresOnly = ['join-course.spec.ts', 'postgres-restart.spec.ts'];
const projects = [
  { name: 'pglite', testIgnore: postgresOnly },
  ...(process.env.TEST_DATABASE_URL
    ? [
        {
          name: 'postgres',
          testMatch: [
            'sign-in.spec.ts',
            'student-flow.spec.ts',
            'grading-faults.spec.ts',
            // These two also compare every table's rows before and after each refused call there.
            'bad-input.spec.ts',
            'authorization.spec.ts',
            // Accounts, email and the demo warning on a server of their own, on PostgreSQL too.
            'accounts.spec.ts',
            ...postgresOnly,
          ],
        },
      ]
    : []),
];

export default defineConfig({
  projects,
  testDir: 'tests',
  globalSetup: './global-setup.ts',
  outputDir: 'artifacts/test-results',
  // Each worker runs a Next server + Chromium; the CI machine has 2 cores.
  workers,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['html', { outputFolder: 'artifacts/report', open: 'never' }]],
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    launchOptions: chromiumLaunchOptions(),
  },
});
