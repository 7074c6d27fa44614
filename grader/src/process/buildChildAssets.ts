/**
 * Builds a grading child's assets into the folder named on the command line (see childAssets.ts): run by the
 * supervisor as a one-off process, `node --import tsx buildChildAssets.ts <dir> <catalogue dir>`, with the grader
 * package as its cwd. Everything a child reads is in the folder:
 *
 *   grading-child.mjs    gradingChild.ts with the grader and exercises packages, tfjs and zod bundled in: a child
 *                        loads no TypeScript and nothing from node_modules but isolated-vm
 *   node_modules/isolated-vm/   the addon (package.json, isolated-vm.js, out/isolated_vm.node), copied
 *   tfjs-wasm/           tfjs's .wasm files (challenge evaluation)
 *   content/             the catalogue's files (statements, solutions; the same content hashes)
 *   prelude.js, tfjs-core.js, tfjs-layers.js, retrain-harness.js
 *                        the sandbox scripts (sandbox/preparedScripts.ts)
 *   warmup.json          requests a new child grades before it says it is ready, compiled
 *   ready                written last: the folder is complete
 *
 * Built in a temporary sibling folder and renamed into place, so a child never sees half a folder; older folders are
 * pruned (the newest few stay for processes still running older code).
 */
import { cpSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import * as esbuild from 'esbuild';
import { loadExercises } from '@deltalab/exercises';
import { buildRetrainHarnessScript } from '../challenge/retrainHarness';
import type { GradeRequest } from '../protocol';
import { buildPreludeScript } from '../sandbox/bridge';
import { compileModule, type CompiledModule } from '../sandbox/compileSubmission';
import { loadTfjsBundle } from '../sandbox/tfjsBundle';
import { CHILD_SCRIPT, CONTENT_DIR, WARMUP_FILE, WASM_DIR } from './childAssets';

/** One request a child grades to warm up, with what the supervisor would have compiled for it. */
export type WarmupJob = { request: GradeRequest; compiled: { submission?: CompiledModule } };

const KEEP_FOLDERS = 3;

async function main(target: string, contentDir: string): Promise<void> {
  const staging = `${target}.tmp-${process.pid}`;
  mkdirSync(staging, { recursive: true, mode: 0o755 });
  const write = (name: string, text: string) => writeFileSync(join(staging, name), text, { mode: 0o644 });
  const require = createRequire(join(process.cwd(), 'package.json'));

  await esbuild.build({
    entryPoints: [join('src', 'process', 'gradingChild.ts')],
    outfile: join(staging, CHILD_SCRIPT),
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Everything goes in but the native addon (copied beside it) and esbuild (never called in a child).
    external: ['isolated-vm', 'esbuild'],
    // Some of tfjs's CommonJS modules call require() for Node's own modules, and its wasm backend's loader looks for
    // files beside itself with __dirname: give the ES module both, as CommonJS would have them.
    banner: {
      js: [
        "import { createRequire as __createRequire } from 'node:module';",
        "import { fileURLToPath as __fileURLToPath } from 'node:url';",
        "import { dirname as __pathDirname } from 'node:path';",
        'const require = __createRequire(import.meta.url);',
        'const __filename = __fileURLToPath(import.meta.url);',
        'const __dirname = __pathDirname(__filename);',
      ].join(' '),
    },
    logLevel: 'error',
  });
  const addon = dirname(require.resolve('isolated-vm/package.json'));
  for (const file of ['package.json', 'isolated-vm.js', join('out', 'isolated_vm.node')])
    cpSync(join(addon, file), join(staging, 'node_modules', 'isolated-vm', file));
  const wasm = dirname(require.resolve('@tensorflow/tfjs-backend-wasm'));
  for (const file of readdirSync(wasm).filter((name) => name.endsWith('.wasm'))) cpSync(join(wasm, file), join(staging, WASM_DIR, file));
  cpSync(contentDir, join(staging, CONTENT_DIR), { recursive: true, filter: (source) => !source.endsWith('.test.ts') });
  write('prelude.js', buildPreludeScript());
  write('tfjs-core.js', await loadTfjsBundle('core'));
  write('tfjs-layers.js', await loadTfjsBundle('layers'));
  write('retrain-harness.js', await buildRetrainHarnessScript());
  write(WARMUP_FILE, JSON.stringify(await warmupJobs()));
  write('ready', new Date().toISOString());
  try {
    renameSync(staging, target);
  } catch {
    // another supervisor built the same folder meanwhile: theirs is as good as ours
    rmSync(staging, { recursive: true, force: true });
  }
  prune(dirname(target), basename(target));
}

/**
 * One code exercise (its reference solution) and one numeric exercise (zeros): the first submissions after a start
 * would otherwise pay for compiling the grader's code paths and the isolates' first contexts. One of each, not every
 * exercise: a child is started again whenever student code takes one down, and each start costs CPU the site needs.
 */
async function warmupJobs(): Promise<WarmupJob[]> {
  const exercises = loadExercises();
  const code = exercises.find((exercise) => exercise.kind === 'code' && !exercise.usesTf && exercise.solutionSource);
  const numeric = exercises.find((exercise) => exercise.kind === 'numeric');
  const jobs: WarmupJob[] = [];
  if (code?.kind === 'code') {
    const source = code.solutionSource!;
    jobs.push({
      request: { exercise: code.slug, submission: { kind: 'code', code: source } },
      compiled: { submission: await compileModule(source) },
    });
  }
  if (numeric?.kind === 'numeric') {
    const answers = Object.fromEntries(numeric.fields.map((f) => [f.name, '0']));
    jobs.push({ request: { exercise: numeric.slug, submission: { kind: 'numeric', answers } }, compiled: {} });
  }
  return jobs;
}

function prune(parent: string, keep: string): void {
  const folders = readdirSync(parent)
    .filter((name) => /^child-[0-9a-f]+$/.test(name) && name !== keep)
    .map((name) => ({ name, time: statSync(join(parent, name)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const old of folders.slice(KEEP_FOLDERS - 1)) rmSync(join(parent, old.name), { recursive: true, force: true });
  for (const name of readdirSync(parent)) {
    const path = join(parent, name);
    // staging folders of builders that died (older than an hour)
    if (name.includes('.tmp-') && Date.now() - statSync(path).mtimeMs > 3_600_000) rmSync(path, { recursive: true, force: true });
  }
}

const [target, contentDir] = process.argv.slice(2);
if (!target || !contentDir) {
  console.error('usage: buildChildAssets.ts <folder> <catalogue folder>');
  process.exit(2);
}
await main(target, contentDir).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
