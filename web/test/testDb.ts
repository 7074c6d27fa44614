import { createDb, type DbHandle } from '@deltalab/db';
import { createTestDb } from '@deltalab/db/test';
import { seed, type SeedResult } from '@/server/seed';

export type TestDriver = 'pglite' | 'postgres';

/**
 * The drivers a suite runs on: PGlite always, and a real PostgreSQL when TEST_DATABASE_URL is set (CI sets it
 * with .ci/postgres.sh). One suite body per driver, like TensorFlow.js runs one suite per backend.
 */
export function testDrivers(): TestDriver[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/**
 * A migrated database seeded with the demo course and every real exercise: a fresh in-memory PGlite, or the
 * shared test PostgreSQL (suites make their own users there and never wipe anything).
 */
export async function createSeededDb(driver: TestDriver = 'pglite'): Promise<{ handle: DbHandle; seeded: SeedResult }> {
  const handle = driver === 'postgres' ? await createDb({ url: process.env.TEST_DATABASE_URL!, maxConnections: 4 }) : await createTestDb();
  const seeded = await seed(handle.db);
  return { handle, seeded };
}
