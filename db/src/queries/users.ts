import { and, eq } from 'drizzle-orm';
import type { Database } from '../database';
import { accounts, users, type NewAccount, type SiteRole, type User } from '../schema';
import { found } from './errors';

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export interface NewUserInput {
  email: string;
  name: string;
  role?: SiteRole;
  passwordHash?: string | null;
}

/** Inserts a user (email lower-cased). Returns null when the email is already taken. */
export async function insertUser(db: Database, input: NewUserInput): Promise<User | null> {
  const [row] = await db
    .insert(users)
    .values({
      email: normalizeEmail(input.email),
      name: input.name.trim(),
      role: input.role ?? 'student',
      passwordHash: input.passwordHash ?? null,
    })
    .onConflictDoNothing({ target: users.email })
    .returning();
  return row ?? null;
}

export async function selectOptionalUserByEmail(db: Database, email: string): Promise<User | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(eq(users.email, normalizeEmail(email)))
    .limit(1);
  return row;
}

export async function selectUserByEmail(db: Database, email: string): Promise<User> {
  return found(await selectOptionalUserByEmail(db, email), 'user', `email ${normalizeEmail(email)}`);
}

export async function selectOptionalUserById(db: Database, id: string): Promise<User | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

export async function selectUserById(db: Database, id: string): Promise<User> {
  return found(await selectOptionalUserById(db, id), 'user', `id ${id}`);
}

export async function updateUserPasswordHash(db: Database, userId: string, passwordHash: string | null): Promise<void> {
  await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
}

/** Links an OAuth identity to a user; linking the same identity again is a no-op. */
export async function linkAccount(db: Database, account: NewAccount): Promise<void> {
  await db.insert(accounts).values(account).onConflictDoNothing();
}

export async function selectOptionalUserByAccount(db: Database, provider: string, providerAccountId: string): Promise<User | undefined> {
  const [row] = await db
    .select({ user: users })
    .from(accounts)
    .innerJoin(users, eq(users.id, accounts.userId))
    .where(and(eq(accounts.provider, provider), eq(accounts.providerAccountId, providerAccountId)))
    .limit(1);
  return row?.user;
}
