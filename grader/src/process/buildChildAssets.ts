/**
 * Builds a grading child's assets into the folder named on the command line (see childAssets.ts): run by the
 * supervisor as a one-off process, `node --import tsx buildChildAssets.ts <dir>`, with the grader package as its cwd.
 *
 *   grading-child.mjs    gradingChild.ts with the grader and exercises packages bundled in (other packages stay
 *                        imports of node_modules: isolated-vm, tfjs, zod); a child then loads no TypeScript
 *   prelude.js, tfjs-core.js, tfjs-layers.js, retrain-harness.js
 *                        the sandbox scripts (sandbox/preparedScripts.ts)
 *   warmup.json          requests a new child grades before it says it is ready, compiled
 *   ready                written last: the folder is complete
 *
 * Built in a temporary sibling folder and renamed into place, so a child never sees half a folder; older folders are
 * pruned (the newest few stay for processes still running older code).
 */
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import * as esbuild from 'esbuild';
import { loadExercises } from '@deltalab/exercises';
import { buildRetrainHarnessScript } from '../challenge/retrainHarness';
import type { GradeRequest } from '../protocol';
import { buildPreludeScript } from '../sandbox/bridge';
import { compileModule, type CompiledModule } from '../sandbox/compileSubmission';
import { loadTfjsBundle } from '../sandbox/tfjsBundle';
import { CHILD_SCRIPT, WARMUP_FILE } from './childAssets';

/** One request a child grades to warm up, with what the supervisor would have compiled for it. */
export type WarmupJob = { request: GradeRequest; compiled: { submission?: CompiledModule } };

const KEEP_FOLDERS = 3;

async function main(target: string): Promise<void> {
  const staging = `${target}.tmp-${process.pid}`;
  mkdirSync(staging, { recursive: true });
  const write = (name: string, text: string) => writeFileSync(join(staging, name), text, { mode: 0o644 });

  await esbuild.build({
    entryPoints: [join('src', 'process', 'gradingChild.ts')],
    outfile: join(staging, CHILD_SCRIPT),
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Our own packages go in (TypeScript sources); everything else is imported from node_modules at run time.
    plugins: [
      {
        name: 'external-packages',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path.startsWith('@deltalab/') ? undefined : { path: args.path, external: true },
          );
        },
      },
    ],
    logLevel: 'error',
  });
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

const target = process.argv[2];
if (!target) {
  console.error('usage: buildChildAssets.ts <folder>');
  process.exit(2);
}
await main(target).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
