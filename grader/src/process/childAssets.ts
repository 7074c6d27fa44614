import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { exercisesContentDir } from '@deltalab/exercises';
import { graderPackageDir } from '../packageDir';

/**
 * Everything a grading child reads, in one folder of its own: its program (gradingChild.ts with the grader, exercises,
 * tfjs and zod bundled into one file), isolated-vm's addon, tfjs's .wasm files, the catalogue's files, the sandbox
 * scripts (prelude, tfjs bundles, Verify's harness) and warm-up jobs. A child may not start processes, so it compiles
 * nothing; and it reads nothing of the installation: the folder is outside it (under the OS temp dir, owned by the
 * supervisor's user, readable by all), so a child running as another user needs no access to where Deltalab is
 * installed (a home folder, say), and the permission model lets it read this folder alone.
 */
export type ChildAssets = { dir: string; childScript: string; contentDir: string; wasmDir: string };

/** The files of a prepared folder (see buildChildAssets.ts). */
export const CHILD_SCRIPT = 'grading-child.mjs';
export const WARMUP_FILE = 'warmup.json';
export const CONTENT_DIR = 'content';
export const WASM_DIR = 'tfjs-wasm';
const READY_FILE = 'ready';

let preparing: Promise<ChildAssets> | undefined;

/**
 * The assets for the current sources: from <tmp>/deltalab-grader-<uid>/child-<stamp>/ when they are there, else built
 * by a one-off process (node with tsx, running buildChildAssets.ts): a web server bundled by Next.js cannot find the
 * grader's sources by import.meta.url, a separate process with the package as its cwd can. Checked at every start of
 * a child (a temp-dir cleaner may have removed them), built at most once at a time.
 */
export function prepareChildAssets(): Promise<ChildAssets> {
  if (preparing) {
    const current = preparing;
    return current.then((assets) => {
      if (existsSync(join(assets.dir, READY_FILE))) return assets;
      if (preparing === current) preparing = undefined;
      return prepareChildAssets();
    });
  }
  preparing = prepare().catch((error: unknown) => {
    preparing = undefined;
    throw error;
  });
  return preparing;
}

async function prepare(): Promise<ChildAssets> {
  const graderDir = graderPackageDir();
  const dir = join(assetsRoot(), `child-${sourceStamp(graderDir)}`);
  if (!existsSync(join(dir, READY_FILE))) await runBuilder(graderDir, dir);
  return { dir, childScript: join(dir, CHILD_SCRIPT), contentDir: join(dir, CONTENT_DIR), wasmDir: join(dir, WASM_DIR) };
}

/**
 * <tmp>/deltalab-grader-<uid>: made by this user, readable and enterable by all, writable by it alone. One that is
 * not a folder of ours, or that others may write to, is refused: its contents would be run as the grader.
 */
function assetsRoot(): string {
  const root = join(tmpdir(), `deltalab-grader-${process.getuid?.() ?? 'user'}`);
  try {
    mkdirSync(root, { mode: 0o755 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const stat = lstatSync(root);
  const ours = process.getuid === undefined || stat.uid === process.getuid();
  if (!stat.isDirectory() || !ours || (stat.mode & 0o022) !== 0)
    throw new Error(`${root} is not a folder of this user's that only it may write to: remove it (or set TMPDIR elsewhere).`);
  return root;
}

function runBuilder(graderDir: string, dir: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const builder = spawn(
      process.execPath,
      ['--import', 'tsx', join(graderDir, 'src', 'process', 'buildChildAssets.ts'), dir, resolve(exercisesContentDir())],
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
  for (const name of [
    '@tensorflow/tfjs',
    '@tensorflow/tfjs-core',
    '@tensorflow/tfjs-layers',
    '@tensorflow/tfjs-backend-wasm',
    'zod',
    'esbuild',
    'isolated-vm',
  ]) {
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
