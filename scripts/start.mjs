#!/usr/bin/env node
/**
 * `npm start`: migrate + seed (printing the demo accounts on first start), build the web app if there is no
 * current build, then web/server.mjs (Next's handler behind Node's HTTP server) on PORT (default 3000). Prints how
 * long it took until the first page was served.
 *
 * Embedded mode (no DATABASE_URL): PGlite under DELTALAB_DATA_DIR (default .data/). Only one process may open it;
 * a second `npm start` stops with a clear message. Grading workers run inside the Next server.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const startedAt = performance.now();
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const webDir = join(root, 'web');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const seconds = () => ((performance.now() - startedAt) / 1000).toFixed(1);

const port = process.env.PORT && process.env.PORT !== '' ? process.env.PORT : '3000';
if (!/^\d+$/.test(port) || Number(port) < 1 || Number(port) > 65535) fail(`PORT must be a number from 1 to 65535, got "${port}".`);

// Classrooms are often offline: Next's telemetry would only try (and fail) to phone home.
const childEnv = { NEXT_TELEMETRY_DISABLED: '1', ...process.env, PORT: port, NODE_ENV: 'production' };
// Child processes run in web/: pin the data directory to an absolute path so they all agree.
if (!process.env.DATABASE_URL) {
  const dir = process.env.DELTALAB_DATA_DIR || '.data';
  childEnv.DELTALAB_DATA_DIR = isAbsolute(dir) ? dir : resolve(root, dir);
}
// isolated-vm (the grader's sandbox) needs this on Node 20.
childEnv.NODE_OPTIONS = [process.env.NODE_OPTIONS, '--no-node-snapshot'].filter(Boolean).join(' ');

function fail(message) {
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
}

function run(command, args, options = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { cwd: webDir, env: childEnv, stdio: 'inherit', ...options });
    child.on('exit', (code, signal) => resolvePromise(code ?? (signal ? 1 : 0)));
  });
}

// 1. Migrate and seed (also the lock check: a second `npm start` stops here).
const seedCode = await run(process.execPath, [
  '--no-node-snapshot',
  '--conditions=react-server',
  '--import',
  'tsx',
  'src/server/seed-cli.ts',
]);
if (seedCode === 4) fail('Fix the configuration above and run npm start again.');
if (seedCode === 3)
  fail('Another Deltalab server is using this database (see above). Stop it first, or start this one with another DELTALAB_DATA_DIR.');
if (seedCode !== 0) fail(`Migrating/seeding the database failed (exit ${seedCode}).`);

// 2. Build when the sources changed since the last build (a fingerprint of paths, sizes and mtimes).
const sourceRoots = [
  'web/src',
  'web/public',
  'web/next.config.ts',
  'web/package.json',
  'web/postcss.config.mjs',
  'db/src',
  'db/migrations',
  'exercises/src',
  'exercises/content',
  'grader/src',
  'package-lock.json',
];
function fingerprint() {
  const hash = createHash('sha256');
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const name of readdirSync(path).sort()) if (name !== 'node_modules' && !name.startsWith('.')) visit(join(path, name));
    } else {
      hash.update(`${path}\0${stat.size}\0${stat.mtimeMs}\n`);
    }
  };
  for (const rel of sourceRoots) visit(join(root, rel));
  return hash.digest('hex');
}
const stampFile = join(webDir, '.next', 'deltalab-build-stamp');
const current = fingerprint();
const built = existsSync(join(webDir, '.next', 'BUILD_ID')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === current;
if (!built) {
  console.log('▸ Building the web app (first start or sources changed)…');
  const buildCode = await run(bin('next'), ['build'], { env: { ...childEnv, NODE_OPTIONS: process.env.NODE_OPTIONS ?? '' } });
  if (buildCode !== 0) fail(`next build failed (exit ${buildCode}).`);
  writeFileSync(stampFile, current);
}

// 3. Serve.
console.log(`▸ Starting the server on port ${port}…`);
// web/server.mjs: Next behind Node's HTTP server, which answers the submissions' own requests itself (see there).
const server = spawn(process.execPath, ['server.mjs'], { cwd: webDir, env: childEnv, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));

// 4. Measure: seconds from `npm start` to the first page served.
const url = `http://localhost:${port}/signin`;
for (let i = 0; i < 600; i++) {
  try {
    const response = await fetch(url, { redirect: 'manual' });
    if (response.status < 500) {
      console.log(`✔ Deltalab is running at http://localhost:${port} — first page served ${seconds()} s after npm start`);
      break;
    }
  } catch {
    // not listening yet
  }
  if (server.exitCode !== null) break;
  await new Promise((r) => setTimeout(r, 100));
}
