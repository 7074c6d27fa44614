import { and, asc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { Database } from '../database';
import { accounts, enrollments, users, type NewAccount, type User } from '../schema';
import { found } from './errors';

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export interface NewUserInput {
  email: string;
  name: string;
  passwordHash?: string | null;
  isAdmin?: boolean;
  canCreateCourses?: boolean;
}

/** Inserts a user (email lower-cased). Returns null when the email is already taken. */
export async function insertUser(db: Database, input: NewUserInput): Promise<User | null> {
  const [row] = await db
    .insert(users)
    .values({
      email: normalizeEmail(input.email),
      name: input.name.trim(),
      passwordHash: input.passwordHash ?? null,
      isAdmin: input.isAdmin ?? false,
      canCreateCourses: input.canCreateCourses ?? false,
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

/** What a request needs to know about its session's account: the one read a request makes for its session. */
export type SessionAccount = Pick<User, 'id' | 'email' | 'name' | 'isAdmin' | 'canCreateCourses' | 'sessionVersion' | 'deactivatedAt'>;

/**
 * Session accounts read recently, on databases only this process writes (PGlite: one connection, in this process,
 * behind a lock file): every request reads its session's account, and a class's submit and follow requests ask for
 * the same few accounts again and again (issue 22). Every write of a user in this module drops that user's entries, on
 * every database; a read that overlapped a write is not kept. Entries also age out, so memory stays bounded.
 */
interface KeptSessionAccounts {
  singleWriter: WeakSet<object>;
  byUser: Map<string, WeakMap<object, { account: SessionAccount | undefined; at: number }>>;
  userWrites: number;
}
// On globalThis: Next bundles the server's parts separately, each with its own copy of this module, and a write in
// one (an admin page) must reach what another (the submission requests) keeps.
const holder = globalThis as typeof globalThis & { __deltalabSessionAccounts?: KeptSessionAccounts };
const kept = (holder.__deltalabSessionAccounts ??= { singleWriter: new WeakSet(), byUser: new Map(), userWrites: 0 });
const SESSION_ACCOUNT_TTL_MS = 60_000;
const SESSION_ACCOUNTS_KEPT = 20_000;

/** For the PGlite driver: its session accounts may be kept between requests (see above). */
export function keepSessionAccountsOf(db: Database): void {
  kept.singleWriter.add(db);
}

function forgetSessionAccounts(userIds: readonly string[]): void {
  kept.userWrites++;
  for (const id of userIds) kept.byUser.delete(id);
}

export async function selectSessionAccount(db: Database, id: string): Promise<SessionAccount | undefined> {
  if (!kept.singleWriter.has(db)) return readSessionAccount(db, id);
  const entry = kept.byUser.get(id)?.get(db);
  if (entry && performance.now() - entry.at < SESSION_ACCOUNT_TTL_MS) return entry.account;
  const writesBefore = kept.userWrites;
  const account = await readSessionAccount(db, id);
  if (kept.userWrites === writesBefore) {
    if (kept.byUser.size >= SESSION_ACCOUNTS_KEPT) kept.byUser.delete(kept.byUser.keys().next().value!);
    let perDatabase = kept.byUser.get(id);
    if (!perDatabase) kept.byUser.set(id, (perDatabase = new WeakMap()));
    perDatabase.set(db, { account, at: performance.now() });
  }
  return account;
}

async function readSessionAccount(db: Database, id: string): Promise<SessionAccount | undefined> {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      isAdmin: users.isAdmin,
      canCreateCourses: users.canCreateCourses,
      sessionVersion: users.sessionVersion,
      deactivatedAt: users.deactivatedAt,
    })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  return row;
}

/**
 * Sets (or clears) the password and ends every session of the account (its session version goes up). Returns the new
 * session version, for the session that made the change to carry on with.
 */
export async function updateUserPassword(db: Database, userId: string, passwordHash: string | null): Promise<number> {
  const [row] = await db
    .update(users)
    .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .returning({ sessionVersion: users.sessionVersion });
  forgetSessionAccounts([userId]);
  return found(row, 'user', `id ${userId}`).sessionVersion;
}

/** Ends every session of the account ("sign out everywhere"). */
export async function bumpSessionVersion(db: Database, userId: string): Promise<number> {
  const [row] = await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .returning({ sessionVersion: users.sessionVersion });
  forgetSessionAccounts([userId]);
  return found(row, 'user', `id ${userId}`).sessionVersion;
}

/** Deactivates (ending its sessions) or reactivates an account. Returns the account as it is now. */
export async function setUserDeactivated(db: Database, userId: string, deactivated: boolean): Promise<User> {
  const [row] = await db
    .update(users)
    .set(
      deactivated
        ? { deactivatedAt: sql`coalesce(${users.deactivatedAt}, now())`, sessionVersion: sql`${users.sessionVersion} + 1` }
        : { deactivatedAt: null },
    )
    .where(eq(users.id, userId))
    .returning();
  forgetSessionAccounts([userId]);
  return found(row, 'user', `id ${userId}`);
}

/** Site-wide rights: administrator, may create courses. */
export async function updateUserSiteRights(
  db: Database,
  userId: string,
  rights: Partial<Pick<User, 'isAdmin' | 'canCreateCourses'>>,
): Promise<User> {
  const [row] = await db.update(users).set(rights).where(eq(users.id, userId)).returning();
  forgetSessionAccounts([userId]);
  return found(row, 'user', `id ${userId}`);
}

export interface UserListRow extends Pick<User, 'id' | 'email' | 'name' | 'isAdmin' | 'canCreateCourses' | 'deactivatedAt' | 'createdAt'> {
  hasPassword: boolean;
  /** Courses the account is a member of (any role). */
  courses: number;
}

/**
 * Accounts whose email or name contains `query` (case-insensitive; empty: all), by email, at most `limit`. `%` and `_`
 * in the query match themselves.
 */
export async function searchUsers(db: Database, query: string, limit = 50): Promise<UserListRow[]> {
  const pattern = `%${query.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      isAdmin: users.isAdmin,
      canCreateCourses: users.canCreateCourses,
      deactivatedAt: users.deactivatedAt,
      createdAt: users.createdAt,
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
      courses: sql<number>`(select count(*)::int from ${enrollments} where ${enrollments.userId} = ${users.id})`,
    })
    .from(users)
    .where(query.trim() ? or(ilike(users.email, pattern), ilike(users.name, pattern)) : undefined)
    .orderBy(asc(users.email))
    .limit(limit);
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

/** Deletes accounts by email (everything of theirs goes with them: enrollments, submissions, drafts). Returns how many. */
export async function deleteUsersByEmail(db: Database, emails: readonly string[]): Promise<number> {
  if (emails.length === 0) return 0;
  const rows = await db
    .delete(users)
    .where(inArray(users.email, emails.map(normalizeEmail)))
    .returning({ id: users.id });
  forgetSessionAccounts(rows.map((r) => r.id));
  return rows.length;
}
