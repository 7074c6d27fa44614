/**
 * Starting and stopping the built web app for the tests, the way `npm start` (scripts/start.mjs) does minus the
 * build: migrate + seed an embedded database, then web/server.mjs against the existing web/.next build. A second
 * `next build` here could race the one turbo ran (or an engineer's), so a missing build is an error.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  cpSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
  type WriteStream,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const webDir = join(repoRoot, 'web');
export const artifactsDir = join(repoRoot, 'e2e', 'artifacts');

/** Set by global-setup.ts: a migrated + seeded data directory that each worker copies (seeding takes ~10-20 s). */
export const templateEnvVar = 'DELTALAB_E2E_TEMPLATE_DATA_DIR';

/** Set by global-setup.ts with E2E_SNAPSHOT_BUILD=1: the directory the servers run web/server.mjs in (see snapshotWebBuild). */
export const servedWebDirEnvVar = 'DELTALAB_E2E_WEB_DIR';
const snapshotDir = join(repoRoot, 'e2e', '.web-snapshot');

export interface RunningServer {
  baseURL: string;
  dataDir: string;
  /** Server output (stdout + stderr), kept under e2e/artifacts/. */
  logFile: string;
  /** The server's own database on a real PostgreSQL (postgres project only): tests may reach behind the site there. */
  databaseUrl?: string;
  /** The running server's process id (it changes at a restart). */
  pid(): number | undefined;
  /**
   * Stops the server and starts it again on the same data, with these settings added to its environment; `meanwhile`
   * runs while it is stopped (e.g. `npm run admin`, which the embedded database allows only then).
   */
  restart(settings?: Record<string, string>, how?: 'graceful' | 'kill', meanwhile?: () => Promise<void>): Promise<void>;
  /** `npm run admin -- <args>` on this server's data (stop it first with the embedded database); its output. */
  admin(args: string[]): Promise<string>;
  /** The server output written so far. */
  log(): string;
  stop(): Promise<void>;
}

/** Where a server keeps its data: its own embedded directory, or its own database on a real PostgreSQL. */
export type ServerDatabase = { kind: 'pglite' } | { kind: 'postgres'; url: string };

function serverEnv(dataDir: string, port?: number, databaseUrl?: string, authSecret?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DELTALAB_DATA_DIR: dataDir,
    // isolated-vm (the grader's sandbox) needs this on Node 20.
    NODE_OPTIONS: [process.env.NODE_OPTIONS, '--no-node-snapshot'].filter(Boolean).join(' '),
  };
  if (port !== undefined) env.PORT = String(port);
  // The documented default, whatever the shell says: tests/api.spec.ts checks the 6th submission in a minute is refused.
  env.SUBMISSION_RATE_LIMIT = '5/60';
  // A fresh database of its own, whatever the shell has configured; the base URL comes from the Host header.
  delete env.DATABASE_URL;
  if (databaseUrl) {
    env.DATABASE_URL = databaseUrl;
    // With DATABASE_URL in production the app refuses to start without one (nothing to keep it in).
    env.AUTH_SECRET = authSecret ?? randomBytes(24).toString('base64url');
  }
  delete env.NEXTAUTH_URL;
  delete env.AUTH_URL;
  // The tests sign in with the demo accounts, on PostgreSQL too (where nothing demo is made unless asked).
  env.DELTALAB_DEMO = '1';
  delete env.SMTP_URL;
  return env;
}

function exited(child: ChildProcess): Promise<number> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolveExit) => child.once('exit', (code, signal) => resolveExit(code ?? (signal ? 1 : 0))));
}

function openLog(name: string): { file: string; stream: WriteStream } {
  mkdirSync(artifactsDir, { recursive: true });
  const file = join(artifactsDir, name);
  return { file, stream: createWriteStream(file) };
}

export function assertWebBuildExists(dir = webDir): void {
  if (!existsSync(join(dir, '.next', 'BUILD_ID'))) {
    throw new Error(
      `No web build found (${join(dir, '.next', 'BUILD_ID')}). Run \`npm run build -w @deltalab/web\` first (\`npm run e2e\` does).`,
    );
  }
}

/**
 * For running the tests while someone keeps rebuilding web/ (each `next build` wipes web/.next under the running
 * servers): a private copy of the current build, without its cache, in e2e/.web-snapshot/. Its depth in the tree
 * equals web/'s, so the build's relative links to node_modules still resolve. Returns the directory to serve from.
 */
export function snapshotWebBuild(): string {
  const buildIdFile = join(webDir, '.next', 'BUILD_ID');
  for (let attempt = 1; attempt <= 3; attempt++) {
    assertWebBuildExists();
    const buildId = readFileSync(buildIdFile, 'utf8');
    rmSync(snapshotDir, { recursive: true, force: true });
    mkdirSync(snapshotDir, { recursive: true });
    for (const file of ['package.json', 'next.config.ts', 'server.mjs']) cpSync(join(webDir, file), join(snapshotDir, file));
    if (existsSync(join(webDir, 'public'))) cpSync(join(webDir, 'public'), join(snapshotDir, 'public'), { recursive: true });
    cpSync(join(webDir, '.next'), join(snapshotDir, '.next'), {
      recursive: true,
      verbatimSymlinks: true,
      filter: (source) => source !== join(webDir, '.next', 'cache'),
    });
    // A build that started meanwhile may have replaced files half-way: copy again.
    if (existsSync(buildIdFile) && readFileSync(buildIdFile, 'utf8') === buildId) return snapshotDir;
  }
  throw new Error('web/.next kept changing while it was copied (a build is running?): try again when it is done.');
}

/**
 * A new, empty database on the PostgreSQL server of `serverUrl` (the e2e servers' equivalent of a fresh data
 * directory), and the function that drops it.
 */
async function createPostgresDatabase(serverUrl: string, name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const database = `deltalab_e2e_${name.replace(/[^a-z0-9]/gi, '_')}_${process.pid}_${Date.now()}`.toLowerCase();
  await onServer(serverUrl, `create database ${database}`);
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return { url: url.toString(), drop: () => onServer(serverUrl, `drop database if exists ${database} with (force)`) };
}

/** One statement on its own short-lived connection (CREATE/DROP DATABASE cannot run inside a transaction). */
async function onServer(serverUrl: string, statement: string): Promise<void> {
  const sql = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(statement);
  } finally {
    await sql.end();
  }
}

/** The administrator every test server has, made with `npm run admin -- create-admin` (its password set through the link). */
export const e2eAdmin = { email: 'e2e-admin@deltalab.test', name: 'Eve Admin' } as const;
/** Where seedDataDir keeps the token of the administrator's one-time password link (each copy of the template has it). */
const adminLinkFile = 'e2e-admin-link';

/** Runs one of web's scripts (seed-cli.ts, admin-cli.ts) on a data directory or database; returns its output. */
async function runWebScript(script: string, args: string[], dataDir: string, logName: string, databaseUrl?: string): Promise<string> {
  const log = openLog(logName);
  const child = spawn(process.execPath, ['--no-node-snapshot', '--conditions=react-server', '--import', 'tsx', script, ...args], {
    cwd: webDir,
    env: serverEnv(dataDir, undefined, databaseUrl),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  for (const stream of [child.stdout, child.stderr])
    stream?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      log.stream.write(chunk);
    });
  const code = await exited(child);
  log.stream.end();
  if (code !== 0) throw new Error(`${script} ${args.join(' ')} on ${databaseUrl ?? dataDir} failed (exit ${code}); see ${log.file}`);
  return output;
}

/**
 * Migrates and seeds a new data directory (or database) with the web app's own seed script, then makes the test
 * administrator with the admin command and keeps its password link's token in the data directory.
 */
export async function seedDataDir(dataDir: string, logName: string, databaseUrl?: string): Promise<void> {
  await runWebScript('src/server/seed-cli.ts', [], dataDir, logName, databaseUrl);
  const output = await runWebScript(
    'src/server/admin-cli.ts',
    ['create-admin', e2eAdmin.email, '--name', e2eAdmin.name],
    dataDir,
    `admin-${logName}`,
    databaseUrl,
  );
  const token = /\/password\?token=([\w-]{43})/.exec(output)?.[1];
  if (!token) throw new Error(`npm run admin -- create-admin printed no password link:\n${output}`);
  writeFileSync(join(dataDir, adminLinkFile), token);
}

/** The token of the test administrator's password link on this server (unused until the first signInAdmin). */
export function adminLinkToken(dataDir: string): string {
  return readFileSync(join(dataDir, adminLinkFile), 'utf8').trim();
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

async function waitUntilServing(url: string, child: ChildProcess, logFile: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the web server exited with ${child.exitCode} before serving; see ${logFile}`);
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
 * A server of its own for one worker: a copy of the seeded template (or a freshly seeded directory when there is
 * none), or a freshly seeded database of its own on a real PostgreSQL, and web/server.mjs on a free port. stop() ends
 * the server's process group and deletes the data directory (drops the database). restart() stops the server and
 * starts it again on the same data, with other settings if given (e.g. DELTALAB_INPROCESS_WORKERS=0 pauses grading).
 */
export async function startServer(
  name: string,
  database: ServerDatabase = { kind: 'pglite' },
  /** More environment for the server; a function of its address when a setting names it (NEXTAUTH_URL). */
  settings: Record<string, string> | ((baseURL: string) => Record<string, string>) = {},
  /** The folder that holds the server's data directory (default: the system's temp folder). */
  dataParent: string = tmpdir(),
): Promise<RunningServer> {
  const servedDir = process.env[servedWebDirEnvVar] ?? webDir;
  assertWebBuildExists(servedDir);
  const dataDir = mkdtempSync(join(dataParent, `deltalab-e2e-${name}-`));
  const template = process.env[templateEnvVar];
  const ownDatabase = database.kind === 'postgres' ? await createPostgresDatabase(database.url, name) : undefined;
  if (ownDatabase) {
    await seedDataDir(dataDir, `seed-${name}.log`, ownDatabase.url);
  } else if (template && existsSync(template)) {
    cpSync(template, dataDir, { recursive: true });
  } else {
    await seedDataDir(dataDir, `seed-${name}.log`);
  }

  const port = await freePort();
  const log = openLog(`server-${name}.log`);
  // One secret for the server's life: sessions outlive a restart (the embedded mode keeps its own in the data dir).
  const authSecret = randomBytes(24).toString('base64url');
  const launch = (extra: Record<string, string>) => {
    // Detached: its own process group, so stopping it also stops anything it spawned.
    // web/server.mjs, as `npm start` runs it: Next behind Node's HTTP server.
    const child = spawn(process.execPath, [join(servedDir, 'server.mjs')], {
      cwd: servedDir,
      env: {
        ...serverEnv(dataDir, port, ownDatabase?.url, authSecret),
        // Outside web/ the app cannot find the exercise folders from its working directory.
        ...(servedDir === webDir ? {} : { DELTALAB_EXERCISES_DIR: join(repoRoot, 'exercises', 'content') }),
        ...extra,
      },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(log.stream, { end: false });
    child.stderr?.pipe(log.stream, { end: false });
    return child;
  };
  let server = launch(typeof settings === 'function' ? settings(`http://localhost:${port}`) : settings);

  /** Stops the server: SIGTERM (a clean shutdown, SIGKILL after 5 s), or SIGKILL at once (a crash, a power cut). */
  const halt = async (how: 'graceful' | 'kill' = 'graceful') => {
    const running = server;
    if (running.exitCode !== null || running.signalCode !== null) return;
    const signalGroup = (signal: NodeJS.Signals) => {
      try {
        if (running.pid !== undefined) process.kill(-running.pid, signal);
      } catch {
        // already gone
      }
    };
    signalGroup(how === 'kill' ? 'SIGKILL' : 'SIGTERM');
    const timer = setTimeout(() => signalGroup('SIGKILL'), 5_000);
    await exited(running);
    clearTimeout(timer);
  };
  const stop = async () => {
    await halt();
    log.stream.end();
    rmSync(dataDir, { recursive: true, force: true });
    await ownDatabase?.drop();
  };

  const baseURL = `http://localhost:${port}`;
  const serving = () => waitUntilServing(`${baseURL}/signin`, server, log.file, 60_000);
  try {
    await serving();
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    baseURL,
    dataDir,
    logFile: log.file,
    databaseUrl: ownDatabase?.url,
    pid: () => server.pid,
    async restart(extra = {}, how = 'graceful', meanwhile) {
      await halt(how);
      await meanwhile?.();
      server = launch(extra);
      await serving();
    },
    admin: (args) => runWebScript('src/server/admin-cli.ts', args, dataDir, `admin-${name}.log`, ownDatabase?.url),
    log: () => readFileSync(log.file, 'utf8'),
    stop,
  };
}
