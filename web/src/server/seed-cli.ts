/**
 * `npm run seed -w @deltalab/web` and the first step of `npm start`: migrate, then (when demo data is wanted) seed the
 * demo course and print its accounts. Demo data is wanted with the embedded database (the newcomer's `npm start`),
 * never on PostgreSQL unless DELTALAB_DEMO=1. Exits 3 with the lock message when another process holds the embedded
 * database, 4 when the configuration is unusable (e.g. no AUTH_SECRET with DATABASE_URL in production) — before
 * touching the database.
 */
import { createDb, DatabaseLockedError } from '@deltalab/db';
import { dataDir, demoWanted, env, getAuthSecret, isEmbeddedDb } from '../env';
import { demoCredentialsText, seed } from './seed';

async function main() {
  const started = performance.now();
  try {
    getAuthSecret(); // embedded mode: generated and kept in the data directory on first start
  } catch (error) {
    console.error(`\n✖ ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(4);
  }
  let handle;
  try {
    handle = await createDb(isEmbeddedDb ? { dataDir } : { url: env.DATABASE_URL });
  } catch (error) {
    if (error instanceof DatabaseLockedError) {
      console.error(`\n✖ ${error.message}\n`);
      process.exit(3);
    }
    throw error;
  }
  try {
    const where = isEmbeddedDb ? `embedded PGlite in ${dataDir}` : 'PostgreSQL (DATABASE_URL)';
    if (!demoWanted) {
      const why = env.DELTALAB_DEMO === '0' ? 'DELTALAB_DEMO=0' : 'PostgreSQL without DELTALAB_DEMO=1';
      console.log(`✔ Database ready (${where}) in ${Math.round(performance.now() - started)} ms; no demo data (${why}).`);
      console.log('  First administrator: npm run admin -- create-admin <email>');
      return;
    }
    const result = await seed(handle.db);
    console.log(
      `✔ Database ready (${where}); ${result.exerciseCount} exercises registered in ${Math.round(performance.now() - started)} ms`,
    );
    if (result.created || process.argv.includes('--print-credentials')) console.log(demoCredentialsText());
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
