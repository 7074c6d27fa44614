import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { exercisesContentDir } from '@deltalab/exercises';
import { graderPackageDir } from '../packageDir';

/**
 * What a grading child runs: its program (the grader bundled into one file, gradingChild.ts with the grader and
 * exercises packages inside) and the sandbox scripts (prelude, tfjs bundles, Verify's harness), in one folder. A child
 * may not start processes, so it cannot compile anything: the supervisor prepares this once per version of the sources.
 */
export type ChildAssets = { dir: string; childScript: string };

/** The files of a prepared folder (see buildChildAssets.ts). */
export const CHILD_SCRIPT = 'grading-child.mjs';
export const WARMUP_FILE = 'warmup.json';
const READY_FILE = 'ready';

let preparing: Promise<ChildAssets> | undefined;

/**
 * The assets for the current sources: from grader/.build/child-<stamp>/ when they are there, else built by a one-off
 * process (node with tsx, running buildChildAssets.ts): a web server bundled by Next.js cannot find the grader's
 * sources by import.meta.url, a separate process with the package as its cwd can. Once per process.
 */
export function prepareChildAssets(): Promise<ChildAssets> {
  preparing ??= prepare().catch((error: unknown) => {
    preparing = undefined;
    throw error;
  });
  return preparing;
}

async function prepare(): Promise<ChildAssets> {
  const graderDir = graderPackageDir();
  const dir = join(graderDir, '.build', `child-${sourceStamp(graderDir)}`);
  if (!existsSync(join(dir, READY_FILE))) await runBuilder(graderDir, dir);
  return { dir, childScript: join(dir, CHILD_SCRIPT) };
}

function runBuilder(graderDir: string, dir: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const builder = spawn(
      process.execPath,
      ['--import', 'tsx', join(graderDir, 'src', 'process', 'buildChildAssets.ts'), dir],
      // Trusted code, but it needs nothing of the supervisor's secrets either.
      {
        cwd: graderDir,
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: tmpdir(), TMPDIR: tmpdir(), NODE_OPTIONS: '', NODE_ENV: 'production' },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    builder.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    builder.once('error', reject);
    builder.once('close', (code) =>
      code === 0 && existsSync(join(dir, READY_FILE))
        ? resolvePromise()
        : reject(new Error(`Preparing the grading children's program failed (exit ${code}): ${stderr.trim()}`)),
    );
  });
}

/**
 * A stamp of everything a child's assets are built from: the sources of the grader and exercises packages (names,
 * sizes, modification times), and the versions of Node and of the packages bundled into the sandbox scripts.
 */
function sourceStamp(graderDir: string): string {
  const hash = createHash('sha256').update(process.version);
  const exercisesDir = resolve(exercisesContentDir(), '..');
  for (const root of [join(graderDir, 'src'), join(exercisesDir, 'src'), join(exercisesDir, 'content')]) {
    for (const file of listFiles(root)) {
      const stat = statSync(file);
      hash.update(`${file}\0${stat.size}\0${stat.mtimeMs}\n`);
    }
  }
  for (const name of ['@tensorflow/tfjs-core', '@tensorflow/tfjs-layers', 'esbuild', 'isolated-vm']) {
    const manifest = findPackageJson(graderDir, name);
    hash.update(manifest ? (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version : 'none');
  }
  return hash.digest('hex').slice(0, 16);
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? listFiles(path) : [path];
    });
}

function findPackageJson(from: string, name: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(file)) return file;
    if (dirname(dir) === dir) return undefined;
  }
}
