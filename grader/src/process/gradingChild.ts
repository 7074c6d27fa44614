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
const WARM_UP_BUDGET_MS = 5_000;

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
 * Grades every exercise once (code exercises with their reference solution, numeric ones with zeros) before taking
 * jobs: the first submissions after a start would otherwise pay for compiling the grader's code paths, tfjs's
 * kernels and the isolates' first contexts (about a second per child), and at a deadline they come by the hundred.
 */
async function warmUp(): Promise<void> {
  const deadline = performance.now() + WARM_UP_BUDGET_MS;
  for (const exercise of loadExercises()) {
    if (performance.now() > deadline) return;
    const submission =
      exercise.kind === 'code' && exercise.solutionSource
        ? { kind: 'code' as const, code: exercise.solutionSource }
        : exercise.kind === 'numeric'
          ? { kind: 'numeric' as const, answers: Object.fromEntries(exercise.fields.map((field) => [field.name, '0'])) }
          : null;
    if (submission) await gradeSubmission({ exercise: exercise.slug, submission }, { pool }).catch(() => {});
  }
}
