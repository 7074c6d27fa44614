import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../database';
import { drafts, type Draft } from '../schema';

/** Autosave: one draft per (user, exercise), overwritten. */
export async function saveDraft(db: Database, userId: string, exerciseId: string, code: string): Promise<Draft> {
  const [row] = await db
    .insert(drafts)
    .values({ userId, exerciseId, code })
    .onConflictDoUpdate({ target: [drafts.userId, drafts.exerciseId], set: { code, updatedAt: sql`now()` } })
    .returning();
  return row!;
}

export async function selectDraft(db: Database, userId: string, exerciseId: string): Promise<Draft | undefined> {
  const [row] = await db
    .select()
    .from(drafts)
    .where(and(eq(drafts.userId, userId), eq(drafts.exerciseId, exerciseId)))
    .limit(1);
  return row;
}
