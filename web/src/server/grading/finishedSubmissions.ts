import 'server-only';
import { SUBMISSION_FINISHED_CHANNEL, type DbHandle } from '@deltalab/db';
import { mark } from '../breakdown';

/**
 * Waits for submissions to be graded, for GET /api/submissions/:id?wait=… . The database announces each recorded
 * grade (NOTIFY, sent by whichever process recorded it: this one on PGlite, any grading worker on PostgreSQL); this
 * process LISTENs once and wakes the requests waiting for that id.
 */
type Listener = { waiters: Map<string, Set<() => void>> };
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
        for (const id of ids) for (const wake of state.waiters.get(id) ?? []) wake();
      });
      return state;
    })();
    listening.catch(() => listeners.delete(handle));
    listeners.set(handle, listening);
  }
  return listening;
}

/**
 * Starts watching a submission before its state is read (so a grade recorded in between is not missed). `finished`
 * resolves when its grade is recorded, `stop` ends the watch.
 */
export async function watchSubmission(handle: DbHandle, id: string): Promise<{ finished: Promise<void>; stop(): void }> {
  const { waiters } = await listener(handle);
  let wake!: () => void;
  const finished = new Promise<void>((resolve) => (wake = resolve));
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
