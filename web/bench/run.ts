/**
 * `npm run bench -w @deltalab/web`: first-load JS (gzipped) of the course home and exercise pages as the built app
 * serves them, server response times at a seeded course of 300 students, then the dashboard run (bench/dashboard.ts:
 * overview and per-exercise figures at 180,000 submissions, a whole-class regrade, on PGlite and PostgreSQL). Needs a build (`npm run build -w
 * @deltalab/web`); uses its own temporary embedded database, so it never touches .data/.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createDb } from '@deltalab/db';
import { dashboardBench } from './dashboard';
import { runExamStartBench } from './examStart';
import { seedLargeCourse } from './seedLargeCourse';
import { signIn, type CookieJar } from './siteClient';

const webDir = resolve(import.meta.dirname, '..');
const budgetKb = 200;
const students = Number(process.env.BENCH_STUDENTS ?? 300);
const requestsPerRoute = Number(process.env.BENCH_REQUESTS ?? 40);

async function freePort(): Promise<number> {
  return new Promise((resolvePort) => {
    const server = createServer().listen(0, () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolvePort(port));
    });
  });
}

async function firstLoadJs(base: string, path: string, jar: CookieJar) {
  const html = await (await fetch(`${base}${path}`, { headers: { Cookie: jar.header() } })).text();
  const sources = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!))];
  let raw = 0;
  let gzipped = 0;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    raw += body.length;
    gzipped += gzipSync(body, { level: 9 }).length;
  }
  return { scripts: sources.length, rawKb: raw / 1024, gzipKb: gzipped / 1024 };
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function timeRoute(base: string, path: string, jar: CookieJar) {
  const times: number[] = [];
  for (let i = 0; i < requestsPerRoute + 3; i++) {
    const started = performance.now();
    const response = await fetch(`${base}${path}`, { headers: { Cookie: jar.header() } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status}`);
    if (i >= 3) times.push(performance.now() - started); // first requests warm up caches
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1]! };
}

async function main() {
  if (!existsSync(join(webDir, '.next', 'BUILD_ID'))) {
    console.error('No build: run `npm run build -w @deltalab/web` first.');
    process.exit(2);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'deltalab-bench-'));
  let server: ReturnType<typeof spawn> | undefined;
  try {
    const seedStarted = performance.now();
    const handle = await createDb({ dataDir });
    const seeded = await seedLargeCourse(handle.db, students);
    await handle.close();
    console.log(
      `Seeded ${students} students, ${seeded.submissions} graded submissions in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
    );

    const port = await freePort();
    const base = `http://localhost:${port}`;
    // web/server.mjs, as `npm start` runs it.
    server = spawn(process.execPath, ['server.mjs'], {
      cwd: webDir,
      env: {
        ...process.env,
        PORT: String(port),
        DELTALAB_DATA_DIR: dataDir,
        DATABASE_URL: '',
        NODE_ENV: 'production',
        NODE_OPTIONS: '--no-node-snapshot',
        SUBMISSION_RATE_LIMIT: '1000/60',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${base}/signin`)).ok) break;
      } catch {
        // not up yet
      }
      if (i > 600) throw new Error('the server did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
    const jar = await signIn(base, 'bench-student-150@deltalab.test', 'deltalab-demo');

    const pages = [
      ['course home', '/course'],
      ['numeric exercise', '/exercises/mlp-forward-pass'],
      ['code exercise (editor lazy)', '/exercises/mlp-forward-code'],
      // MathLive, mathjs's parser and KaTeX come in a chunk of their own once the page renders an expression field.
      ['expression exercise (math lazy)', '/exercises/sigmoid-derivative-expression'],
    ] as const;
    console.log(`\nFirst-load JS (gzip -9 of the <script src> chunks the page loads; budget ${budgetKb} kB without the editor)`);
    let overBudget = false;
    for (const [name, path] of pages) {
      const js = await firstLoadJs(base, path, jar);
      const ok = js.gzipKb <= budgetKb;
      overBudget ||= !ok;
      console.log(
        `  ${name.padEnd(30)} ${js.gzipKb.toFixed(1).padStart(7)} kB gzip  (${js.rawKb.toFixed(0)} kB raw, ${js.scripts} scripts)  ${ok ? 'OK' : 'OVER BUDGET'}`,
      );
    }

    console.log(`\nServer response times, ${requestsPerRoute} sequential requests each, course of ${students} students (ms)`);
    for (const [name, path] of [
      ...pages,
      ['GET /api/exercises', '/api/exercises'],
      ['GET /api/exercises/:slug', '/api/exercises/mlp-forward-pass'],
    ] as const) {
      const t = await timeRoute(base, path, jar);
      console.log(
        `  ${name.padEnd(30)} p50 ${t.p50.toFixed(1).padStart(6)}   p95 ${t.p95.toFixed(1).padStart(6)}   max ${t.max.toFixed(1).padStart(6)}`,
      );
    }
    if (overBudget) process.exitCode = 1;
  } finally {
    server?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    rmSync(dataDir, { recursive: true, force: true });
  }
  // The instructors' dashboards and a whole-class regrade (in this process, on its own databases).
  if (!(await dashboardBench())) process.exitCode = 1;
  if (!(await runExamStartBench())) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
