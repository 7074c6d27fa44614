import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page, type TestInfo } from '@playwright/test';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const webDir = join(repoRoot, 'web');
const artifactsDir = join(repoRoot, 'e2e', 'artifacts');

/** The seeded demo data (web/src/server/seed.ts); duplicated on purpose: the tests check what the README promises. */
export const demo = {
  password: 'deltalab-demo',
  student: { email: 'student1@deltalab.test', name: 'Student One' },
  secondStudent: { email: 'student2@deltalab.test', name: 'Student Two' },
  instructor: { email: 'instructor@deltalab.test', name: 'Ada Instructor' },
  courseTitle: 'Deep Learning: Feed-Forward Networks',
  joinCode: 'DELTA-FFN',
} as const;

export interface WorkerServer {
  baseURL: string;
  dataDir: string;
  /** Server output (stdout + stderr) of this worker, kept under e2e/artifacts/. */
  logFile: string;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function exited(child: ChildProcess): Promise<number> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolveExit) => child.once('exit', (code, signal) => resolveExit(code ?? (signal ? 1 : 0))));
}

async function waitUntilServing(url: string, child: ChildProcess, logFile: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode} before serving; see ${logFile}`);
    try {
      const response = await fetch(url, { redirect: 'manual' });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s; see ${logFile}`);
}

/**
 * What `npm start` does (scripts/start.mjs), minus the build: migrate + seed a fresh embedded database, then
 * `next start` on a free port against the existing web/.next build. A second `next build` here could race the
 * one turbo ran (or another engineer's), so a missing build is an error, not something to fix on the fly.
 */
async function startServer(workerIndex: number): Promise<WorkerServer & { stop: () => Promise<void> }> {
  if (!existsSync(join(webDir, '.next', 'BUILD_ID'))) {
    throw new Error('No web build found (web/.next/BUILD_ID). Run `npm run build -w @deltalab/web` first (`npm run e2e` does).');
  }
  mkdirSync(artifactsDir, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), `deltalab-e2e-${workerIndex}-`));
  const port = await freePort();
  const logFile = join(artifactsDir, `server-worker-${workerIndex}.log`);
  const log = createWriteStream(logFile);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    DELTALAB_DATA_DIR: dataDir,
    // isolated-vm (the grader's sandbox) needs this on Node 20.
    NODE_OPTIONS: [process.env.NODE_OPTIONS, '--no-node-snapshot'].filter(Boolean).join(' '),
  };
  // A fresh embedded database per worker, whatever the shell has configured.
  delete env.DATABASE_URL;
  delete env.NEXTAUTH_URL;
  delete env.AUTH_URL;

  const seed = spawn(process.execPath, ['--no-node-snapshot', '--conditions=react-server', '--import', 'tsx', 'src/server/seed-cli.ts'], {
    cwd: webDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  seed.stdout?.pipe(log, { end: false });
  seed.stderr?.pipe(log, { end: false });
  const seedCode = await exited(seed);
  if (seedCode !== 0) throw new Error(`Migrating/seeding ${dataDir} failed (exit ${seedCode}); see ${logFile}`);

  // Detached: its own process group, so stopping it also stops anything it spawned.
  const server = spawn(join(repoRoot, 'node_modules', '.bin', 'next'), ['start', '--port', String(port)], {
    cwd: webDir,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.pipe(log, { end: false });
  server.stderr?.pipe(log, { end: false });
  const baseURL = `http://localhost:${port}`;

  const stop = async () => {
    if (server.exitCode === null && server.pid !== undefined) {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      const timer = setTimeout(() => {
        try {
          if (server.pid !== undefined) process.kill(-server.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 5_000);
      await exited(server);
      clearTimeout(timer);
    }
    log.end();
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitUntilServing(`${baseURL}/signin`, server, logFile, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseURL, dataDir, logFile, stop };
}

interface WorkerFixtures {
  server: WorkerServer;
}

interface TestFixtures {
  /** Saves a full-page screenshot of the current step under e2e/artifacts/screens/ and attaches it to the report. */
  snap: (name: string) => Promise<void>;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  server: [
    async ({}, use, workerInfo) => {
      const server = await startServer(workerInfo.workerIndex);
      await use(server);
      await server.stop();
    },
    // Migrating + seeding a new PGlite directory and starting Next takes a while on 2 cores.
    { scope: 'worker', timeout: 120_000 },
  ],
  baseURL: async ({ server }, use) => {
    await use(server.baseURL);
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
  const file = join(artifactsDir, 'screens', slug(testInfo.titlePath.slice(1).join(' ')), `${slug(name)}.png`);
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

export { expect };
