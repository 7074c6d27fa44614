import 'server-only';
import { DatabaseLockedError } from '@deltalab/db';
import { env, getAuthSecret, isBuildPhase, isEmbeddedDb } from '@/env';
import { getDbHandle } from './db';
import { startGrading } from './grading/startGrading';

/**
 * Server start: fail fast with a clear message on configuration errors (missing AUTH_SECRET in production, a
 * locked embedded database), then start the grading workers in this process unless told not to.
 */
export async function startServerRuntime(): Promise<void> {
  if (isBuildPhase) return;
  try {
    getAuthSecret();
    const handle = await getDbHandle();
    // PGlite allows one process, so the embedded mode always grades here.
    const inProcess = isEmbeddedDb || env.DELTALAB_INPROCESS_WORKERS !== '0';
    await startGrading(handle, { workers: inProcess, soleGrader: isEmbeddedDb });
    console.log(
      `Deltalab: database ${isEmbeddedDb ? 'embedded (PGlite)' : 'PostgreSQL'}; grading workers ${inProcess ? 'in this process' : 'external (npm run grader:worker)'}.`,
    );
  } catch (error) {
    if (error instanceof DatabaseLockedError || (error instanceof Error && /AUTH_SECRET/.test(error.message))) {
      console.error(`\n✖ ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
