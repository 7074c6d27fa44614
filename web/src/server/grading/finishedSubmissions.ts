import 'server-only';
import { SUBMISSION_FINISHED_CHANNEL, type DbHandle, type Submission } from '@deltalab/db';
import { mark } from '../breakdown';

/**
 * Waits for submissions to be graded, for GET /api/submissions/:id?wait=… . On PostgreSQL the database announces each
 * recorded grade (NOTIFY, sent by whichever grading worker recorded it); this process LISTENs once and wakes the
 * requests waiting for that id, which then read it. On the embedded database the grading workers are in this process:
 * they hand the recorded rows to the waiting requests themselves (announceRecorded), and nobody reads them again.
 */
/** Wakes one waiting request: with the submission as recorded, or null (read it: only its id was announced). */
type Wake = (recorded: Submission | null) => void;
type Listener = { waiters: Map<string, Set<Wake>> };
// One LISTEN per database handle (a process has one; tests open several), on globalThis because Next bundles routes
// separately.
const holder = globalThis as typeof globalThis & { __deltalabFinished?: WeakMap<DbHandle, Promise<Listener>> };

function listener(handle: DbHandle): Promise<Listener> {
  const listeners = (holder.__deltalabFinished ??= new WeakMap());
  let listening = listeners.get(handle);
  if (!listening) {
    listening = (async () => {
      const state: Listener = { waiters: new Map() };
      await handle.listen(SUBMISSION_FINISHED_CHANNEL, (payload) => {
        const ids = payload.split(',');
        mark('notified', ids);
        for (const id of ids) for (const wake of state.waiters.get(id) ?? []) wake(null);
      });
      return state;
    })();
    listening.catch(() => listeners.delete(handle));
    listeners.set(handle, listening);
  }
  return listening;
}

export type SubmissionWatch = { finished: Promise<Submission | null>; stop(): void };

/**
 * Starts watching a submission before its state is read, or before it is stored (so a grade recorded in between is not
 * missed). `finished` resolves when its grade is recorded (with the recorded row when this process recorded it), `stop`
 * ends the watch.
 */
export async function watchSubmission(handle: DbHandle, id: string): Promise<SubmissionWatch> {
  const { waiters } = await listener(handle);
  let wake!: Wake;
  const finished = new Promise<Submission | null>((resolve) => (wake = resolve));
  const set = waiters.get(id) ?? new Set();
  set.add(wake);
  waiters.set(id, set);
  return {
    finished,
    stop() {
      set.delete(wake);
      if (set.size === 0 && waiters.get(id) === set) waiters.delete(id);
    },
  };
}

/** The grading workers of this process recorded these submissions: the requests waiting for them get them as they are. */
export function announceRecorded(handle: DbHandle, rows: Submission[]): void {
  mark(
    'notified',
    rows.map((row) => row.id),
  );
  void listener(handle).then(({ waiters }) => {
    for (const row of rows) for (const wake of waiters.get(row.id) ?? []) wake(row);
  });
}
