/**
 * A grading child process: the only place student code runs. It holds its own isolate pool and grades what the
 * supervisor (GradingProcessPool) sends over IPC. If student code takes V8 down with it (a heap OOM inside an
 * isolate aborts the whole process: isolated-vm #527, #457, #107), only this process dies; the supervisor records
 * the job and starts another child.
 */
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

reply({ type: 'ready' });
