/**
 * A grading child process: the only place student code runs. It holds its own isolate pool and grades what the
 * supervisor (GradingProcessPool) sends over IPC. If student code takes V8 down with it (a heap OOM inside an
 * isolate aborts the whole process: isolated-vm #527, #457, #107), only this process dies; the supervisor records
 * the job and starts another child.
 */
import { loadExercises } from '@deltalab/exercises';
import { GradeRequestError, gradeSubmission } from '../gradeSubmission';
import { IsolatePool } from '../sandbox';
import { CHILD_ISOLATES_ENV, type FromChild, type ToChild } from './childMessages';

// stdout is the supervisor's (the CLI prints its JSON there): library chatter goes to stderr.
console.log = console.info = console.debug = (...args: unknown[]) => console.error(...args);

const pool = new IsolatePool({ size: Number(process.env[CHILD_ISOLATES_ENV] ?? 2) });

function reply(message: FromChild): void {
  process.send?.(message);
}

process.on('message', (message: ToChild) => {
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
      ? [{ exercise: numeric.slug, submission: { kind: 'numeric' as const, answers: Object.fromEntries(numeric.fields.map((f) => [f.name, '0'])) } }]
      : []),
  ];
  for (const request of requests) await gradeSubmission(request, { pool }).catch(() => {});
}
