import 'server-only';
import { DatabaseLockedError } from '@deltalab/db';
import { demoWanted, env, getAuthSecret, isBuildPhase, isEmbeddedDb } from '@/env';
import { demoAccountsWarning } from './services/demo/demoData';
import { measureDatabaseThread } from './breakdown';
import { getDbHandle } from './db';
import { startGrading } from './grading/startGrading';
import { answerSubmissionRequest } from './submissionRequests';
import { passbackQueue, startPassbackWorker } from './lti/gradePassback';
import { startExamClosingSweep } from './lti/examClosing';
import { startRosterSchedule } from './lti/rosterSchedule';

/**
 * Server start: fail fast with a clear message on configuration errors (missing AUTH_SECRET in production, a
 * locked embedded database), then start the grading workers in this process unless told not to, and warn when the
 * database holds demo accounts it should not.
 */
export async function startServerRuntime(): Promise<void> {
  if (isBuildPhase) return;
  try {
    getAuthSecret();
    const handle = await getDbHandle();
    measureDatabaseThread(handle.threadId);
    const inProcess = env.DELTALAB_INPROCESS_WORKERS !== '0';
    await startGrading(handle, { workers: inProcess, soleGrader: isEmbeddedDb });
    // From now on server.mjs answers the submissions' own requests without Next (submissionRequests.ts).
    (globalThis as typeof globalThis & { __deltalabSubmissionRequests?: unknown }).__deltalabSubmissionRequests = answerSubmissionRequest;
    // LTI (issue 20): grade passback posts, the daily roster sync and the closed-exam sweep run where grading runs.
    if (inProcess) {
      await startPassbackWorker(handle);
      startRosterSchedule(handle);
      startExamClosingSweep(handle);
    } else await passbackQueue(handle);
    // PGlite allows one process: with the embedded database nothing else can grade, so grading waits for a restart.
    const elsewhere = isEmbeddedDb
      ? 'paused (DELTALAB_INPROCESS_WORKERS=0): submissions are stored and graded when the server starts without it'
      : 'external (npm run grader:worker)';
    // PGlite's thread by its OS id (top -H, the load benchmark): the one thread besides the main one that does much.
    const database = isEmbeddedDb ? `embedded (PGlite${handle.threadId === null ? '' : `, thread ${handle.threadId}`})` : 'PostgreSQL';
    console.log(`Deltalab: database ${database}; grading workers ${inProcess ? 'in this process' : elsewhere}.`);
    // Where nothing demo was asked for, demo accounts (a public password) are a way in: say so at every start.
    if (!demoWanted) {
      const warning = await demoAccountsWarning(handle.db);
      if (warning) console.warn(`\n${warning}\n`);
    }
  } catch (error) {
    if (error instanceof DatabaseLockedError || (error instanceof Error && /AUTH_SECRET/.test(error.message))) {
      console.error(`\n✖ ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
