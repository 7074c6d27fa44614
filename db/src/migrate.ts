import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { Database } from './database';
import { resolveMigrationsFolder } from './paths';

// Any fixed number: every process migrating the same database waits on this advisory lock.
const migrationLockKey = 7_340_021_117;

/**
 * Applies the committed drizzle-kit migrations that are not applied yet. Idempotent, and safe when several
 * processes start at once on one Postgres (web + grader workers): it runs in one transaction under an
 * advisory lock. Bookkeeping is drizzle's own table (drizzle.__drizzle_migrations), so drizzle-kit agrees.
 * Returns how many migrations it applied.
 */
export async function migrate(db: Database, options: { migrationsFolder?: string } = {}): Promise<number> {
  const migrations = readMigrationFiles({ migrationsFolder: options.migrationsFolder ?? resolveMigrationsFolder() });
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${migrationLockKey})`);
    await tx.execute(sql`create schema if not exists drizzle`);
    await tx.execute(
      sql`create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)`,
    );
    const [last] = await tx.select({ createdAt: sql<string | null>`max(created_at)` }).from(sql`drizzle.__drizzle_migrations`);
    const lastApplied = last?.createdAt == null ? -Infinity : Number(last.createdAt);
    let applied = 0;
    for (const migration of migrations) {
      if (migration.folderMillis <= lastApplied) continue;
      for (const statement of migration.sql) {
        if (statement.trim()) await tx.execute(sql.raw(statement));
      }
      await tx.execute(
        sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${migration.hash}, ${migration.folderMillis})`,
      );
      applied++;
    }
    return applied;
  });
}
