import type { DbHandle } from '@deltalab/db';
import { createTestDb } from '@deltalab/db/test';
import { seed, type SeedResult } from '@/server/seed';

/** A fresh in-memory PGlite, migrated and seeded with the demo course and every real exercise. */
export async function createSeededDb(): Promise<{ handle: DbHandle; seeded: SeedResult }> {
  const handle = await createTestDb();
  const seeded = await seed(handle.db);
  return { handle, seeded };
}
