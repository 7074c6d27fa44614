/**
 * A grading child process: the only place student code and the code of exercises authored in the site run, inside
 * its isolates. It grades what the supervisor (GradingProcessPool) sends over IPC, with what the supervisor compiled.
 * It holds no secrets (an allow-listed environment), runs as an unprivileged user when the supervisor is root, and
 * where Node has it under the permission model (no processes, no workers, files only where the supervisor allows).
 * If code takes V8 down with it (a heap OOM inside an isolate aborts the whole process: isolated-vm #527, #457, #107),
 * only this process dies; the supervisor records the job and starts another child.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { instantiateExerciseFolder, validateExerciseFolder } from '../authored/inspectExerciseFolder';
import { GradeRequestError, gradeSubmission } from '../gradeSubmission';
import { solveCatalogueVariant } from '../reference/catalogueReference';
import { IsolatePool } from '../sandbox';
import { GRADER_ASSETS_ENV } from '../sandbox/preparedScripts';
import type { WarmupJob } from './buildChildAssets';
import { CHILD_ISOLATES_ENV, type AuthoringOutcome, type FromChild, type ToChild } from './childMessages';

// stdout is the supervisor's (the CLI prints its JSON there): library chatter goes to stderr.
console.log = console.info = console.debug = (...args: unknown[]) => console.error(...args);

const pool = new IsolatePool({ size: Number(process.env[CHILD_ISOLATES_ENV] ?? 2) });

function reply(message: FromChild): void {
  process.send?.(message);
}

process.on('message', (message: ToChild) => {
  if (message.type === 'prepare') {
    solveCatalogueVariant(message.exercise, message.variant);
    return;
  }
  reply({ type: 'started', id: message.id });
  if (message.type === 'author') {
    author(message).then(
      (outcome) => reply({ type: 'authored', id: message.id, outcome }),
      (error: unknown) => {
        console.error('grading child: unexpected failure in an authoring task', error);
        process.exit(70);
      },
    );
    return;
  }
  if (message.type !== 'grade') return;
  // Only an authored exercise's jobs report their phases: the supervisor needs them to tell whose code a death was.
  const progress = message.request.folder
    ? (phase: { kind: 'exercise'; file: string } | { kind: 'student' }) =>
        reply({ type: 'phase', id: message.id, phase: phase.kind, ...(phase.kind === 'exercise' ? { file: phase.file } : {}) })
    : undefined;
  gradeSubmission(message.request, { pool, compiled: message.compiled, ...(progress ? { progress } : {}) }).then(
    (result) => reply({ type: 'graded', id: message.id, result }),
    (error: unknown) => {
      if (error instanceof GradeRequestError) reply({ type: 'refused', id: message.id, message: error.message });
      else {
        // gradeSubmission turns its own failures into `internal` results; anything thrown past it is a bug here.
        console.error('grading child: unexpected failure', error);
        process.exit(70);
      }
    },
  );
});

/** An authored exercise's folder, its code run in this child's isolates, never in the supervising (web) process. */
async function author(message: Extract<ToChild, { type: 'author' }>): Promise<AuthoringOutcome> {
  const { task, compiled } = message;
  const progress = (file: string) => reply({ type: 'phase', id: message.id, phase: 'exercise', file });
  if (task.kind === 'validate')
    return { kind: 'validated', validation: await validateExerciseFolder(task.folder, compiled, { pool, progress, others: task.others }) };
  const instance = await instantiateExerciseFolder(task.folder, compiled.exercise, task.variant, { pool, progress });
  return instance.ok
    ? { kind: 'instantiated', variant: instance.variant, reference: instance.reference }
    : { kind: 'invalid', ...instance.problem };
}

// The supervisor is gone (it exited or was killed): nothing will collect our results.
process.on('disconnect', () => process.exit(0));

await warmUp();
reply({
  type: 'ready',
  uid: process.getuid?.() ?? null,
  envKeys: Object.keys(process.env).sort(),
  permissionModel: typeof process.permission?.has === 'function',
});

/** Grades the supervisor's warm-up requests before taking jobs (see buildChildAssets.ts). */
async function warmUp(): Promise<void> {
  const dir = process.env[GRADER_ASSETS_ENV];
  if (!dir) return;
  const jobs = JSON.parse(readFileSync(join(dir, 'warmup.json'), 'utf8')) as WarmupJob[];
  for (const job of jobs) await gradeSubmission(job.request, { pool, compiled: job.compiled }).catch(() => {});
}
