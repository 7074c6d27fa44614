import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../database';
import { passwordLinks, users, type PasswordLink, type PasswordLinkPurpose, type User } from '../schema';

/**
 * Stores a new one-time password link for an account and ends its older unused ones (only the newest link works: an
 * earlier one that went astray stops working). Call inside a transaction with anything else the issue writes.
 */
export async function insertPasswordLink(
  db: Database,
  input: { userId: string; purpose: PasswordLinkPurpose; tokenHash: string; createdBy: string | null; expiresAt: Date },
): Promise<PasswordLink> {
  await db
    .update(passwordLinks)
    .set({ usedAt: sql`now()` })
    .where(and(eq(passwordLinks.userId, input.userId), isNull(passwordLinks.usedAt)));
  const [row] = await db.insert(passwordLinks).values(input).returning();
  return row!;
}

export type PasswordLinkState = { ok: true; link: PasswordLink; user: User } | { ok: false; reason: 'unknown' | 'used' | 'expired' };

/** What a link's token hash stands for now, without using it (the page that asks for the new password). */
export async function selectPasswordLink(db: Database, tokenHash: string, now = new Date()): Promise<PasswordLinkState> {
  const [row] = await db
    .select({ link: passwordLinks, user: users })
    .from(passwordLinks)
    .innerJoin(users, eq(users.id, passwordLinks.userId))
    .where(eq(passwordLinks.tokenHash, tokenHash))
    .limit(1);
  if (!row) return { ok: false, reason: 'unknown' };
  if (row.link.usedAt) return { ok: false, reason: 'used' };
  if (row.link.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, link: row.link, user: row.user };
}

/**
 * Uses a link: marks it used in the one statement that checks it is unused and unexpired, so two uses at once cannot
 * both succeed. Returns its account, or why it cannot be used.
 */
export async function consumePasswordLink(db: Database, tokenHash: string): Promise<PasswordLinkState> {
  const [used] = await db
    .update(passwordLinks)
    .set({ usedAt: sql`now()` })
    .where(and(eq(passwordLinks.tokenHash, tokenHash), isNull(passwordLinks.usedAt), sql`${passwordLinks.expiresAt} > now()`))
    .returning();
  if (!used) {
    const state = await selectPasswordLink(db, tokenHash);
    // Valid when read a moment later can only mean the clocks disagree: say expired rather than succeed.
    return state.ok ? { ok: false, reason: 'expired' } : state;
  }
  const [user] = await db.select().from(users).where(eq(users.id, used.userId)).limit(1);
  return { ok: true, link: used, user: user! };
}
