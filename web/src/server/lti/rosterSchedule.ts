import 'server-only';
import { listLtiContextsWithRoster, type DbHandle } from '@deltalab/db';
import { syncRoster } from './nrps';

const DAY_MS = 24 * 3_600_000;

/**
 * The daily roster sync (NRPS): every hour, each linked LMS course whose roster was last synced over a day ago (or
 * never) is synced. A failure is logged and tried again the next hour.
 */
export function startRosterSchedule(handle: DbHandle): () => void {
  const run = async () => {
    for (const context of await listLtiContextsWithRoster(handle.db)) {
      if (context.rosterSyncedAt && Date.now() - context.rosterSyncedAt.getTime() < DAY_MS) continue;
      await syncRoster(handle.db, context.id).catch((error: unknown) =>
        console.error(`LTI: the roster sync of ${context.title} failed: ${error instanceof Error ? error.message : String(error)}`),
      );
    }
  };
  const timer = setInterval(() => void run().catch((error: unknown) => console.error('LTI: roster schedule', error)), 3_600_000);
  timer.unref();
  return () => clearInterval(timer);
}
