/**
 * A grading child process: the only place student code runs. It holds its own isolate pool and grades what the
 * supervisor (GradingProcessPool) sends over IPC. If student code takes V8 down with it (a heap OOM inside an
 * isolate aborts the whole process: isolated-vm #527, #457, #107), only this process dies; the supervisor records
 * the job and starts another child.
 */
import { loadExercises } from '@deltalab/exercises';
import { GradeRequestError, gradeSubmission } from '../gradeSubmission';
import { ExerciseFolderError } from '../authored/compileExerciseFolder';
import { instantiateExerciseFolder, validateExerciseFolder } from '../authored/inspectExerciseFolder';
import { IsolatePool } from '../sandbox';
import { CHILD_ISOLATES_ENV, type AuthoringOutcome, type AuthoringTask, type FromChild, type ToChild } from './childMessages';

// stdout is the supervisor's (the CLI prints its JSON there): library chatter goes to stderr.
console.log = console.info = console.debug = (...args: unknown[]) => console.error(...args);

const pool = new IsolatePool({ size: Number(process.env[CHILD_ISOLATES_ENV] ?? 2) });

function reply(message: FromChild): void {
  process.send?.(message);
}

process.on('message', (message: ToChild) => {
  reply({ type: 'started', id: message.id });
  if (message.type === 'author') {
    author(message.task).then(
      (outcome) => reply({ type: 'authored', id: message.id, outcome }),
      (error: unknown) => {
        console.error('grading child: unexpected failure in an authoring task', error);
        process.exit(70);
      },
    );
    return;
  }
  if (message.type !== 'grade') return;
  gradeSubmission(message.request, { pool }).then(
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

/** An authored exercise's folder, compiled and run here, never in the supervising (web) process. */
async function author(task: AuthoringTask): Promise<AuthoringOutcome> {
  try {
    if (task.kind === 'validate')
      return { kind: 'validated', validation: await validateExerciseFolder(task.folder, { pool, others: task.others }) };
    const { variant, reference } = await instantiateExerciseFolder(task.folder, task.variant);
    return { kind: 'instantiated', variant, reference };
  } catch (error) {
    if (error instanceof ExerciseFolderError) return { kind: 'invalid', file: error.file, message: error.message };
    // The author's code threw outside the checks that name a file (display, generate, solve of a variant).
    return { kind: 'invalid', file: 'variants.ts', message: error instanceof Error ? error.message : String(error) };
  }
}

// The supervisor is gone (it exited or was killed): nothing will collect our results.
process.on('disconnect', () => process.exit(0));

await warmUp();
reply({ type: 'ready' });

/**
 * Grades one code exercise (its reference solution) and one numeric exercise (zeros) before taking jobs: the first
 * submissions after a start would otherwise pay for compiling the grader's code paths and the isolates' first
 * contexts. One of each, not every exercise: a child is started again whenever student code takes one down, and
 * each start costs CPU the site needs (every exercise doubled a start's ~1 s of CPU).
 */
async function warmUp(): Promise<void> {
  const exercises = loadExercises();
  const code = exercises.find((exercise) => exercise.kind === 'code' && !exercise.usesTf && exercise.solutionSource);
  const numeric = exercises.find((exercise) => exercise.kind === 'numeric');
  const requests = [
    ...(code?.kind === 'code' ? [{ exercise: code.slug, submission: { kind: 'code' as const, code: code.solutionSource! } }] : []),
    ...(numeric?.kind === 'numeric'
      ? [
          {
            exercise: numeric.slug,
            submission: { kind: 'numeric' as const, answers: Object.fromEntries(numeric.fields.map((f) => [f.name, '0'])) },
          },
        ]
      : []),
  ];
  for (const request of requests) await gradeSubmission(request, { pool }).catch(() => {});
}
