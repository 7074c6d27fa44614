/**
 * `npm run bench:load` (root) — the grading pipeline end to end, through the real built site, at the rates a class
 * produces at a deadline. For each setup it starts `next start` on a fresh database, signs N students up through the
 * sign-up page's server action, submits over HTTP and follows every submission as the exercise page does (one
 * `GET /api/submissions/:id?wait=25` held until the grade is recorded), then prints per phase: submit→graded
 * p50/p95/p99, graded per second, errors, lost submissions (stored but never graded), and CPU (cores busy).
 *
 * Setups: `embedded` (PGlite, grading in the web server's children); with TEST_DATABASE_URL also `pg1` and `pg2`
 * (PostgreSQL, the web only enqueues, 1 or 2 `grader:worker` processes grade). Phases: `lone` (one submission at a
 * time), `warm` (15 s at LOAD_RATE from 20 students of its own: a server at a deadline has been running, so its code
 * is compiled and warm; reported, for the figures of a cold start), `rate` (code and numeric answers at LOAD_RATE per
 * second for LOAD_SECONDS, from the N students, whose variants the server meets for the first time), `burst` (LOAD_BURST code
 * submissions posted as fast as the site takes them, graded meanwhile), `drain` (LOAD_BURST code submissions stored
 * while grading is paused, then graded after a restart or once the workers start), and with LOAD_BOMBS=1 `bombs` (the
 * rate phase with a heap-exhausting submission every 5 s; the site must stay up and grade them 0).
 *
 * Settings (env): LOAD_SETUPS=embedded,pg1,pg2  LOAD_PHASES=lone,rate,burst  LOAD_RATE=50  LOAD_SECONDS=60
 * LOAD_BURST=2000  LOAD_STUDENTS=100  LOAD_CPU_PROFILE=<dir> (a V8 CPU profile of the web server)  LOAD_TIMELINE=<dir>
 * (each submission's send time and latency, per phase)  LOAD_KEEP_DATA=1 (keep the database for a look afterwards). The per-student submission limit is lifted (SUBMISSION_RATE_LIMIT=100000/60):
 * 100 students submitting 3,000 times in a minute is the load of a much larger class.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createDb } from '@deltalab/db';
import { getExercise, loadExercises } from '@deltalab/exercises';
import { cpuMeter } from './processCpu';
import { signUp, signUpActionId, type CookieJar } from './siteClient';

const webDir = resolve(import.meta.dirname, '..');
const repoRoot = resolve(webDir, '..');
const numberSetting = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const listSetting = (name: string, fallback: string[]) =>
  process.env[name] ? process.env[name]!.split(',').map((s) => s.trim()) : fallback;
const settings = {
  rate: numberSetting('LOAD_RATE', 50),
  seconds: numberSetting('LOAD_SECONDS', 60),
  burst: numberSetting('LOAD_BURST', 2000),
  students: numberSetting('LOAD_STUDENTS', 100),
  phases: listSetting('LOAD_PHASES', ['lone', 'warm', 'rate', 'burst', 'drain', ...(process.env.LOAD_BOMBS === '1' ? ['bombs'] : [])]),
  setups: listSetting('LOAD_SETUPS', process.env.TEST_DATABASE_URL ? ['embedded', 'pg1', 'pg2'] : ['embedded']),
};
const FOLLOW_LIMIT_MS = 120_000;
const codeSolution = getExercise('mlp-forward-code').solutionSource!;
const heapBomb = 'export function forward() { const m = new Map<number, number>(); for (let i = 0; ; i++) m.set(i, i); }';
const numericExercises = loadExercises().flatMap((e) =>
  e.kind === 'numeric' ? [{ slug: e.slug, fields: e.fields.map((f) => f.name) }] : [],
);

// ---------- the site under test ----------

type Site = {
  name: string;
  base: string;
  /** Process trees whose CPU counts as the site's (web server and grading workers, with their grading children). */
  sitePids(): number[];
  /** The database server's process tree (PostgreSQL only). */
  databasePids(): number[];
  /**
   * Stops grading while the site keeps taking submissions: the web server restarted with DELTALAB_INPROCESS_WORKERS=0
   * (embedded), or the grader:worker processes stopped (PostgreSQL).
   */
  pauseGrading(): Promise<void>;
  /** Starts grading again (a server restart, or new worker processes); resolves once grading has started. */
  resumeGrading(): Promise<void>;
  stop(): Promise<void>;
};

async function freePort(): Promise<number> {
  return new Promise((resolvePort) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolvePort(port));
    });
  });
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, log: string): ChildProcess {
  const child = spawn(command, args, { cwd: webDir, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const out = createWriteStream(log, { flags: 'a' });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  return child;
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', () => r()));
}

async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid!, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // gone
    }
  }, 10_000);
  await exited(child);
  clearTimeout(timer);
}

async function waitUntilServing(base: string, server: ChildProcess, log: string): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}); see ${log}`);
    try {
      if ((await fetch(`${base}/signin`)).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the server did not start; see ${log}`);
}

async function startSite(name: string, workers: number): Promise<Site> {
  const dataDir = mkdtempSync(join(tmpdir(), `deltalab-load-${name}-`));
  const log = join(dataDir, 'server.log');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NODE_OPTIONS: '--no-node-snapshot',
    NEXT_TELEMETRY_DISABLED: '1',
    DELTALAB_DATA_DIR: dataDir,
    SUBMISSION_RATE_LIMIT: '100000/60',
    DATABASE_URL: '',
  };
  let dropDatabase: (() => Promise<void>) | undefined;
  let databasePid: number | undefined;
  if (name !== 'embedded') {
    const serverUrl = process.env.TEST_DATABASE_URL!;
    const database = `deltalab_load_${process.pid}_${Date.now()}`;
    const admin = await createDb({ url: serverUrl, maxConnections: 1, migrate: false });
    await admin.executeSql(`create database ${database}`);
    await admin.close();
    // .ci/postgres.sh's server: its postmaster's pid heads postmaster.pid (its CPU is reported when known).
    const pidFile = process.env.DELTALAB_PG_DIR ? join(process.env.DELTALAB_PG_DIR, 'data', 'postmaster.pid') : '';
    if (pidFile && existsSync(pidFile)) databasePid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    const url = new URL(serverUrl);
    url.pathname = `/${database}`;
    Object.assign(env, {
      DATABASE_URL: url.toString(),
      AUTH_SECRET: randomBytes(24).toString('base64url'),
      DELTALAB_INPROCESS_WORKERS: '0',
    });
    dropDatabase = async () => {
      const sql = await createDb({ url: serverUrl, maxConnections: 1, migrate: false });
      await sql.executeSql(`drop database if exists ${database} with (force)`);
      await sql.close();
    };
  }
  const seed = run(
    process.execPath,
    ['--no-node-snapshot', '--conditions=react-server', '--import', 'tsx', 'src/server/seed-cli.ts'],
    env,
    log,
  );
  await exited(seed);
  if (seed.exitCode !== 0) throw new Error(`seeding failed; see ${log}`);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // LOAD_CPU_PROFILE=<dir>: the web server writes a V8 CPU profile there when it stops (for tuning).
  const profile = process.env.LOAD_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${resolve(process.env.LOAD_CPU_PROFILE)}`] : [];
  let starts = 0;
  const startServer = async (extraEnv: Record<string, string> = {}) => {
    const child = run(
      process.execPath,
      [...profile, join(repoRoot, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '--port', String(port)],
      { ...env, ...extraEnv },
      log,
    );
    await waitUntilServing(base, child, log);
    starts++;
    return child;
  };
  const startWorkers = async (count: number) => {
    const before = countLines(log, 'Grading worker');
    const started = Array.from({ length: count }, () =>
      run(process.execPath, ['--no-node-snapshot', '--conditions=react-server', '--import', 'tsx', 'src/server/worker.ts'], env, log),
    );
    await waitForLine(log, 'Grading worker', before + count);
    return started;
  };
  let server = await startServer();
  let workerProcesses = await startWorkers(workers);
  if (workers === 0) await waitForLine(log, 'grading workers in this process', 1);
  // Give the grading processes a moment so the first phase does not time their start-up.
  await new Promise((r) => setTimeout(r, 3000));
  return {
    name,
    base,
    sitePids: () => [server.pid!, ...workerProcesses.map((w) => w.pid!)],
    databasePids: () => (databasePid ? [databasePid] : []),
    async pauseGrading() {
      if (workers > 0) {
        await Promise.all(workerProcesses.map(stopGroup));
        workerProcesses = [];
      } else {
        await stopGroup(server);
        server = await startServer({ DELTALAB_INPROCESS_WORKERS: '0' });
      }
    },
    async resumeGrading() {
      if (workers > 0) {
        workerProcesses = await startWorkers(workers);
      } else {
        await stopGroup(server);
        const ready = countLines(log, 'grading workers in this process');
        server = await startServer();
        await waitForLine(log, 'grading workers in this process', ready + 1);
      }
    },
    async stop() {
      await Promise.all([server, ...workerProcesses].map(stopGroup));
      if (process.env.LOAD_KEEP_DATA) {
        console.log(`    (kept ${name !== 'embedded' ? 'the database and ' : ''}${dataDir}; the server started ${starts} time(s))`);
        return;
      }
      await dropDatabase?.();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function countLines(log: string, text: string): number {
  return existsSync(log) ? readFileSync(log, 'utf8').split(text).length - 1 : 0;
}

async function waitForLine(log: string, text: string, count: number): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (countLines(log, text) >= count) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`'${text}' did not appear ${count} time(s) in ${log}`);
}

// ---------- students and submissions ----------

type Student = { email: string; jar: CookieJar };
type Payload = { exercise: string; code: string } | { exercise: string; answers: Record<string, string> };
type Outcome = {
  payload: Payload;
  submittedAt: number;
  /** When the follower learned the final state (graded or failed). */
  finishedAt?: number;
  status?: string;
  score?: number | null;
  error?: string;
  /** Follow requests whose connection failed and were sent again. */
  reconnects?: number;
  /** When the server recorded the grade (its gradedAt, epoch ms). */
  gradedAt?: number;
};

async function signUpStudents(site: Site, count: number): Promise<Student[]> {
  const actionId = signUpActionId(webDir);
  const students: Student[] = [];
  const run = Date.now().toString(36);
  // A few at a time: password hashing is deliberately slow.
  for (let i = 0; i < count; i += 8) {
    const batch = Array.from({ length: Math.min(8, count - i) }, async (_, j) => {
      const email = `load-${run}-${i + j}@deltalab.test`;
      const jar = await signUp(site.base, actionId, {
        name: `Load Student ${i + j}`,
        email,
        password: 'load-test-password',
        joinCode: 'DELTA-FFN',
      });
      return { email, jar };
    });
    students.push(...(await Promise.all(batch)));
  }
  return students;
}

let codeCount = 0;
/** A correct forward pass, a different text each time (students' code differs, so the compile cache does not hit). */
function codePayload(code = `${codeSolution}\n// submission ${++codeCount} of this benchmark run\n`): Payload {
  return { exercise: 'mlp-forward-code', code };
}

function numericPayload(): Payload {
  const exercise = numericExercises[Math.floor(Math.random() * numericExercises.length)]!;
  return {
    exercise: exercise.slug,
    answers: Object.fromEntries(exercise.fields.map((name) => [name, (Math.random() * 2 - 1).toFixed(4)])),
  };
}

/**
 * Submits as the page does (`accepted` settles with the POST), then follows the submission until it is graded (or
 * failed), as the page does (`outcome`).
 */
function submit(site: Site, student: Student, payload: Payload): { accepted: Promise<unknown>; outcome: Promise<Outcome> } {
  const outcome: Outcome = { payload, submittedAt: performance.now() };
  const accepted = fetch(`${site.base}/api/submissions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: student.jar.header() },
    body: JSON.stringify(payload),
  }).then(async (response) => ({ status: response.status, body: (await response.json()) as { id?: string; error?: { message: string } } }));
  return { accepted: accepted.catch(() => {}), outcome: follow(site, student, outcome, accepted) };
}

type Accepted = { status: number; body: { id?: string; error?: { message: string } } };

async function follow(site: Site, student: Student, outcome: Outcome, accepted: Promise<Accepted>): Promise<Outcome> {
  try {
    const { status, body } = await accepted;
    if (status !== 202 || !body.id) return { ...outcome, error: `POST ${status}: ${body.error?.message ?? ''}` };
    return await followId(site, student, outcome, body.id);
  } catch (error) {
    return { ...outcome, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * GET /api/submissions/:id?wait=25 until graded or failed, as the page does: a connection that fails (a server
 * restarting, a full accept queue) is tried again after a pause, and counted.
 */
async function followId(site: Site, student: Student, outcome: Outcome, id: string): Promise<Outcome> {
  const deadline = outcome.submittedAt + FOLLOW_LIMIT_MS;
  let retryDelay = 500;
  while (performance.now() < deadline) {
    let response: Response;
    try {
      response = await fetch(`${site.base}/api/submissions/${id}?wait=25`, { headers: { Cookie: student.jar.header() } });
    } catch {
      outcome.reconnects = (outcome.reconnects ?? 0) + 1;
      await new Promise((r) => setTimeout(r, retryDelay));
      retryDelay = Math.min(retryDelay * 2, 5000);
      continue;
    }
    if (response.status !== 200) return { ...outcome, error: `GET ${response.status}` };
    const submission = (await response.json()) as { status: string; score: number | null; gradedAt: string | null };
    if (submission.status === 'graded' || submission.status === 'failed') {
      const gradedAt = submission.gradedAt ? Date.parse(submission.gradedAt) : undefined;
      return { ...outcome, finishedAt: performance.now(), status: submission.status, score: submission.score, gradedAt };
    }
  }
  return { ...outcome, status: 'lost' };
}

// ---------- phases ----------

type PhaseResult = { outcomes: Outcome[]; wallSeconds: number; siteCores: number; databaseCores: number | null; postedPerSecond?: number };

async function measure(site: Site, body: () => Promise<{ outcomes: Outcome[]; postedPerSecond?: number }>): Promise<PhaseResult> {
  const siteCpu = cpuMeter(site.sitePids);
  const databaseCpu = site.databasePids().length > 0 ? cpuMeter(site.databasePids) : null;
  const started = performance.now();
  const { outcomes, postedPerSecond } = await body();
  return {
    outcomes,
    wallSeconds: (performance.now() - started) / 1000,
    siteCores: siteCpu().cores,
    databaseCores: databaseCpu ? databaseCpu().cores : null,
    ...(postedPerSecond !== undefined ? { postedPerSecond } : {}),
  };
}

const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)]!;

async function lonePhase(site: Site, students: Student[]) {
  return measure(site, async () => {
    const outcomes: Outcome[] = [];
    for (let i = 0; i < 30; i++) {
      outcomes.push(await submit(site, pick(students), i % 3 === 2 ? numericPayload() : codePayload()).outcome);
      await new Promise((r) => setTimeout(r, 100));
    }
    return { outcomes };
  });
}

/** Open-loop arrivals: submission i leaves at i / rate seconds, whatever the site's answers so far. */
async function ratePhase(site: Site, students: Student[], options: { bombEverySeconds?: number; seconds?: number } = {}) {
  return measure(site, async () => {
    const total = Math.round(settings.rate * (options.seconds ?? settings.seconds));
    const started = performance.now();
    const pending: Promise<Outcome>[] = [];
    let nextBomb = options.bombEverySeconds ?? Infinity;
    for (let i = 0; i < total; i++) {
      const due = started + (i * 1000) / settings.rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const elapsed = (performance.now() - started) / 1000;
      const payload =
        elapsed >= nextBomb
          ? ((nextBomb += options.bombEverySeconds!), codePayload(heapBomb))
          : i % 4 === 3
            ? numericPayload()
            : codePayload();
      pending.push(submit(site, pick(students), payload).outcome);
    }
    return { outcomes: await Promise.all(pending) };
  });
}

async function burstPhase(site: Site, students: Student[]) {
  return measure(site, async () => {
    const pending: Promise<Outcome>[] = [];
    const started = performance.now();
    let posted = 0;
    let next = 0;
    // 64 clients posting back to back; each submission is then followed on its own.
    await Promise.all(
      Array.from({ length: 64 }, async () => {
        while (next < settings.burst) {
          next++;
          const submitted = submit(site, pick(students), codePayload());
          pending.push(submitted.outcome);
          // The next post from this client once this one is accepted (its follow goes on in the background).
          await submitted.accepted;
          posted++;
        }
      }),
    );
    const postedPerSecond = posted / ((performance.now() - started) / 1000);
    return { outcomes: await Promise.all(pending), postedPerSecond };
  });
}

/**
 * A backlog drains: LOAD_BURST code submissions stored while grading is paused (as after an outage, or a regrade),
 * then grading resumes (embedded: the server restarts, and recovers them; PostgreSQL: the workers start). Each is
 * followed from then on, as pages reconnecting would; latency counts from the resume, start-up included.
 */
async function drainPhase(site: Site, students: Student[]) {
  await site.pauseGrading();
  const stored: Array<{ student: Student; payload: Payload; accepted: Accepted }> = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 64 }, async () => {
      while (next < settings.burst) {
        next++;
        const student = pick(students);
        const payload = codePayload();
        const response = await fetch(`${site.base}/api/submissions`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Cookie: student.jar.header() },
          body: JSON.stringify(payload),
        });
        stored.push({ student, payload, accepted: { status: response.status, body: (await response.json()) as Accepted['body'] } });
      }
    }),
  );
  return measure(site, async () => {
    const resumedAt = performance.now();
    await site.resumeGrading();
    const outcomes = await Promise.all(
      stored.map(({ student, payload, accepted }) => follow(site, student, { payload, submittedAt: resumedAt }, Promise.resolve(accepted))),
    );
    return { outcomes };
  });
}

// ---------- report ----------

/**
 * A drain by the server's own clock (each submission's gradedAt): how long after the resume grading began (a restart,
 * the workers' start-up) and the rate from the first grade recorded to the last. Followers' timing does not enter.
 */
function drainRate(outcomes: Outcome[], resumedAt: number): string {
  const graded = outcomes.flatMap((o) => (o.gradedAt === undefined ? [] : [o.gradedAt])).sort((a, b) => a - b);
  if (graded.length < 2) return '(too few graded)';
  const resumedEpoch = performance.timeOrigin + resumedAt;
  const rate = graded.length / ((graded[graded.length - 1]! - graded[0]!) / 1000);
  return `(server clock: first graded ${((graded[0]! - resumedEpoch) / 1000).toFixed(1)} s after the resume, then ${rate.toFixed(0)}/s)`;
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function report(setup: string, phase: string, result: PhaseResult, isBomb: (o: Outcome) => boolean = () => false) {
  const graded = result.outcomes.filter((o) => o.finishedAt !== undefined && !isBomb(o));
  const latencies = graded.map((o) => o.finishedAt! - o.submittedAt).sort((a, b) => a - b);
  const errors = result.outcomes.filter((o) => o.error !== undefined || o.status === 'failed');
  const lost = result.outcomes.filter((o) => o.status === 'lost');
  const reconnects = result.outcomes.reduce((sum, o) => sum + (o.reconnects ?? 0), 0);
  const finished = result.outcomes.filter((o) => o.finishedAt !== undefined);
  const first = Math.min(...result.outcomes.map((o) => o.submittedAt));
  const last = Math.max(...finished.map((o) => o.finishedAt!));
  const gradedPerSecond = finished.length / ((last - first) / 1000);
  const bombs = result.outcomes.filter(isBomb);
  const fmt = (ms: number) => (Number.isNaN(ms) ? '   -' : ms.toFixed(0).padStart(5));
  const parts = [
    `${setup.padEnd(9)} ${phase.padEnd(6)} n=${String(result.outcomes.length).padStart(4)}`,
    `submit→graded p50 ${fmt(percentile(latencies, 50))} ms  p95 ${fmt(percentile(latencies, 95))}  p99 ${fmt(percentile(latencies, 99))}  max ${fmt(latencies[latencies.length - 1] ?? NaN)}`,
    `graded/s ${gradedPerSecond.toFixed(0).padStart(4)}`,
    ...(phase === 'drain' ? [drainRate(result.outcomes, first)] : []),
    ...(result.postedPerSecond ? [`(posted/s ${result.postedPerSecond.toFixed(0)})`] : []),
    `errors ${errors.length}  lost ${lost.length}`,
    ...(reconnects > 0 ? [`follow reconnects ${reconnects}`] : []),
    `site CPU ${result.siteCores.toFixed(2)} cores${result.databaseCores !== null ? `, PostgreSQL ${result.databaseCores.toFixed(2)}` : ''}`,
    ...(bombs.length > 0
      ? [`heap bombs ${bombs.length}, graded 0: ${bombs.filter((o) => o.status === 'graded' && o.score === 0).length}`]
      : []),
  ];
  console.log(`  ${parts.join('  ')}`);
  for (const error of errors.slice(0, 3)) console.log(`      error: ${error.error ?? `status ${error.status}`}`);
  return { errors: errors.length, lost: lost.length, p50: percentile(latencies, 50), p99: percentile(latencies, 99), gradedPerSecond };
}

async function main() {
  if (!existsSync(join(webDir, '.next', 'BUILD_ID'))) {
    console.error('No build: run `npm run build -w @deltalab/web` first.');
    process.exit(2);
  }
  console.log(
    `Load benchmark: setups ${settings.setups.join(', ')}; phases ${settings.phases.join(', ')}; rate ${settings.rate}/s for ${settings.seconds} s; burst ${settings.burst}; ${settings.students} students; ${(await import('node:os')).cpus().length} cores`,
  );
  let failed = false;
  for (const setup of settings.setups) {
    const workers = setup === 'pg1' ? 1 : setup === 'pg2' ? 2 : 0;
    if (setup !== 'embedded' && !process.env.TEST_DATABASE_URL) throw new Error(`setup ${setup} needs TEST_DATABASE_URL`);
    const site = await startSite(setup, workers);
    try {
      const students = await signUpStudents(site, settings.students);
      // Students of their own for the warm-up: the measured phases still meet every variant of theirs for the first time.
      const warmUpStudents = settings.phases.includes('warm') ? await signUpStudents(site, 20) : [];
      for (const phase of settings.phases) {
        const result =
          phase === 'lone'
            ? await lonePhase(site, students)
            : phase === 'warm'
              ? await ratePhase(site, warmUpStudents, { seconds: 15 })
              : phase === 'rate'
                ? await ratePhase(site, students)
                : phase === 'burst'
                  ? await burstPhase(site, students)
                  : phase === 'drain'
                    ? await drainPhase(site, students)
                    : await ratePhase(site, students, { bombEverySeconds: 5 });
        const summary = report(setup, phase, result, (o) => 'code' in o.payload && o.payload.code === heapBomb);
        // LOAD_TIMELINE=<dir>: each submission's send time and latency, for finding stalls.
        if (process.env.LOAD_TIMELINE) {
          const first = Math.min(...result.outcomes.map((o) => o.submittedAt));
          const lines = result.outcomes.map(
            (o) =>
              `${(o.submittedAt - first).toFixed(0)}\t${o.finishedAt === undefined ? 'NA' : (o.finishedAt - o.submittedAt).toFixed(0)}`,
          );
          writeFileSync(join(process.env.LOAD_TIMELINE, `${setup}-${phase}.tsv`), `sentMs\tlatencyMs\n${lines.join('\n')}\n`);
        }
        failed ||= summary.errors > 0 || summary.lost > 0;
      }
    } finally {
      await site.stop();
    }
  }
  if (failed) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
