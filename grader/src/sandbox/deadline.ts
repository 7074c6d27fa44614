import type { IsolateSlot } from './isolatePool';

/** The job ran past its deadline while waiting on a Promise: the isolate was disposed to end the wait. */
export class PendingPastDeadline extends Error {
  constructor() {
    super('timed out waiting for a Promise');
  }
}

/**
 * isolated-vm's `timeout` stops running code, but not a wait: a Promise that never settles would hold the job (and
 * the isolate) for ever. Past the deadline the isolate is disposed (which also ends the pending call) and the job
 * is a timeout.
 */
export async function withinDeadline<T>(call: Promise<T>, ms: number, slot: IsolateSlot): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      slot.dispose();
      reject(new PendingPastDeadline());
    }, ms + 50);
  });
  try {
    return await Promise.race([call, expired]);
  } finally {
    clearTimeout(timer);
    call.catch(() => {}); // settles (rejects) once the isolate is gone
  }
}
