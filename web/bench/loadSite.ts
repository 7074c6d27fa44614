/**
 * The site under test for `npm run bench:load` (load.ts): the built web app started as `npm start` starts it, on a
 * fresh database, with the grading paused and resumed on demand.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createDb } from '@deltalab/db';

export const webDir = resolve(import.meta.dirname, '..');

export type Site = {
  name: string;
  base: string;
  /** Process trees whose CPU counts as the site's (web server and grading workers, with their grading children). */
  sitePids(): number[];
  /** The database server's process tree (PostgreSQL only). */
  databasePids(): number[];
  /** The web server's process (its main thread has the same id). */
  serverPid(): number;
  /** PGlite's thread in the web server, as its log names it (embedded only). */
  databaseThread(): number | null;
  /** The grading worker processes (PostgreSQL setups). */
  workerPids(): number[];
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

/**
 * Starts the built site on a fresh database: `embedded` (PGlite, grading in the web server), or PostgreSQL
 * (TEST_DATABASE_URL) with the web only enqueueing and `workers` grader:worker processes. `extraEnv` goes to every
 * process of the site.
 */
export async function startSite(name: string, workers: number, extraEnv: Record<string, string> = {}): Promise<Site> {
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
    ...extraEnv,
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
      // The demo course its students join (on PostgreSQL nothing demo is made unasked).
      DELTALAB_DEMO: '1',
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
  const startServer = async (settings: Record<string, string> = {}) => {
    // web/server.mjs, as `npm start` runs it.
    const child = run(process.execPath, [...profile, 'server.mjs'], { ...env, PORT: String(port), ...settings }, log);
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
    serverPid: () => server.pid!,
    databaseThread: () => Number(/PGlite, thread (\d+)/.exec(readFileSync(log, 'utf8').split('Deltalab: database').pop()!)?.[1]) || null,
    workerPids: () => workerProcesses.map((w) => w.pid!),
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
