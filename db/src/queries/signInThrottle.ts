import { eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../database';
import { signInThrottle } from '../schema';

/** A throttled key and how many failures its window allows. */
export interface ThrottleKey {
  key: string;
  limit: number;
}

/**
 * Seconds until the latest-ending block among `keys` lifts (a key is blocked once its window holds `limit`
 * failures), or 0 when none is blocked.
 */
export async function selectSignInBlockSeconds(db: Database, keys: ThrottleKey[], windowSeconds: number): Promise<number> {
  if (keys.length === 0) return 0;
  const rows = await db
    .select({
      key: signInThrottle.key,
      failures: signInThrottle.failures,
      secondsLeft: sql<number>`ceil(extract(epoch from (${signInThrottle.windowStartedAt} + make_interval(secs => ${windowSeconds}) - now())))::int`,
    })
    .from(signInThrottle)
    .where(
      inArray(
        signInThrottle.key,
        keys.map((k) => k.key),
      ),
    );
  let seconds = 0;
  for (const row of rows) {
    const limit = keys.find((k) => k.key === row.key)!.limit;
    if (row.failures >= limit && row.secondsLeft > 0) seconds = Math.max(seconds, row.secondsLeft);
  }
  return seconds;
}

/** Counts one failed sign-in against each key, in one statement; a key whose window has ended starts a new one. */
export async function recordSignInFailure(db: Database, keys: string[], windowSeconds: number): Promise<void> {
  if (keys.length === 0) return;
  const expired = sql`${signInThrottle.windowStartedAt} + make_interval(secs => ${windowSeconds}) <= now()`;
  await db
    .insert(signInThrottle)
    .values(keys.map((key) => ({ key, failures: 1 })))
    .onConflictDoUpdate({
      target: signInThrottle.key,
      set: {
        failures: sql`case when ${expired} then 1 else ${signInThrottle.failures} + 1 end`,
        windowStartedAt: sql`case when ${expired} then now() else ${signInThrottle.windowStartedAt} end`,
      },
    });
}

/** A successful sign-in forgives the account's failures (not its address's: others may share it). */
export async function clearSignInFailures(db: Database, key: string): Promise<void> {
  await db.delete(signInThrottle).where(eq(signInThrottle.key, key));
}
