/**
 * A grading worker process: `npm run grader:worker` (root) → `npm run -s worker -w @deltalab/web`.
 * For a real Postgres (DATABASE_URL): run any number of these, on any machine, and start the web with
 * DELTALAB_INPROCESS_WORKERS=0. Each supervises its own grading child processes (DELTALAB_GRADING_CHILDREN ×
 * DELTALAB_GRADING_ISOLATES): student code runs there, never in this process. In the embedded mode the web server
 * grades instead (PGlite allows one process), so this refuses to run there with a clear message.
 */
import { createDb, DatabaseLockedError } from '@deltalab/db';
import { env, isEmbeddedDb } from '../env';
import { gradingPool, startGrading, stopGrading } from './grading/startGrading';
import { startPassbackWorker, stopPassback } from './lti/gradePassback';
import { startExamClosingSweep } from './lti/examClosing';
import { startRosterSchedule } from './lti/rosterSchedule';

async function main() {
  if (isEmbeddedDb) {
    console.error(
      '✖ No DATABASE_URL: the embedded database allows one process, and `npm start` already grades inside the web server.\n' +
        '  Separate grading workers need a real PostgreSQL: set DATABASE_URL (and DELTALAB_INPROCESS_WORKERS=0 for the web).',
    );
    process.exit(2);
  }
  const handle = await createDb({ url: env.DATABASE_URL });
  await startGrading(handle, { workers: true });
  await startPassbackWorker(handle);
  startRosterSchedule(handle);
  startExamClosingSweep(handle);
  await gradingPool().ready();
  console.log(
    `Grading worker ${process.pid} started: ${env.DELTALAB_GRADING_CHILDREN} grading processes × ${env.DELTALAB_GRADING_ISOLATES} isolates (pids ${gradingPool().childPids().join(', ')}).`,
  );
  const shutdown = async (signal: string) => {
    console.log(`Grading worker ${process.pid}: ${signal}, finishing the jobs in hand…`);
    await stopPassback();
    await stopGrading();
    await handle.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof DatabaseLockedError ? `✖ ${error.message}` : error);
  process.exit(1);
});
