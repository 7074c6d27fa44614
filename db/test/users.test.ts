import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import {
  bumpSessionVersion,
  deleteUsersByEmail,
  insertUser,
  isUniqueViolation,
  linkAccount,
  NotFoundError,
  selectOptionalUserByAccount,
  selectOptionalUserByEmail,
  selectOptionalUserById,
  selectUserByEmail,
  selectSessionAccount,
  selectUserById,
  setUserDeactivated,
  updateUserPassword,
  updateUserSiteRights,
  users,
} from '../src/index';
import { makeUser, uniqueSuffix } from '../src/test/factories';
import { describeEachDriver } from './drivers';

describeEachDriver('users', (use) => {
  it('stores the email lower-cased and trimmed, and finds it whatever the case', async () => {
    const suffix = uniqueSuffix();
    const user = await insertUser(use().db, { email: `  Ada.${suffix}@Example.TEST `, name: ' Ada ', passwordHash: 'hash' });
    expect(user).toMatchObject({
      email: `ada.${suffix}@example.test`,
      name: 'Ada',
      isAdmin: false,
      canCreateCourses: false,
      sessionVersion: 0,
      passwordHash: 'hash',
    });
    expect(user?.createdAt).toBeInstanceOf(Date);
    expect((await selectUserByEmail(use().db, `ADA.${suffix}@example.test`)).id).toBe(user?.id);
  });

  it('returns null for a duplicate email, in any case', async () => {
    const first = await makeUser(use().db);
    expect(await insertUser(use().db, { email: first.email.toUpperCase(), name: 'Someone else' })).toBeNull();
  });

  it('refuses an email that is not lower-cased at the database level too', async () => {
    const error = await use()
      .db.insert(users)
      .values({ email: `Upper-${uniqueSuffix()}@example.test`, name: 'x' })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(Error);
    expect(String((error as Error).cause ?? error)).toMatch(/users_email_lower_case/);
  });

  it('recognises a unique violation from either driver', async () => {
    const first = await makeUser(use().db);
    const error = await use()
      .db.insert(users)
      .values({ email: first.email, name: 'dup' })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(new Error('other'))).toBe(false);
  });

  it('selects by id, optional or not', async () => {
    const user = await makeUser(use().db, { canCreateCourses: true, passwordHash: null });
    expect(await selectOptionalUserById(use().db, user.id)).toEqual(user);
    expect(await selectUserById(use().db, user.id)).toEqual(user);
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(await selectOptionalUserById(use().db, missing)).toBeUndefined();
    await expect(selectUserById(use().db, missing)).rejects.toThrow(NotFoundError);
    await expect(selectUserByEmail(use().db, 'nobody@example.test')).rejects.toThrow('No user with email nobody@example.test');
    expect(await selectOptionalUserByEmail(use().db, 'nobody@example.test')).toBeUndefined();
  });

  it('updates a password hash, ending the sessions of the account (its session version goes up)', async () => {
    const user = await makeUser(use().db, { passwordHash: 'old' });
    expect(await updateUserPassword(use().db, user.id, 'new')).toBe(1);
    expect(await selectUserById(use().db, user.id)).toMatchObject({ passwordHash: 'new', sessionVersion: 1 });
  });

  it('links an OAuth account once and finds the user by it', async () => {
    const user = await makeUser(use().db);
    const providerAccountId = uniqueSuffix();
    const account = { userId: user.id, type: 'oauth', provider: 'github', providerAccountId };
    await linkAccount(use().db, account);
    await linkAccount(use().db, account);
    expect((await selectOptionalUserByAccount(use().db, 'github', providerAccountId))?.id).toBe(user.id);
    expect(await selectOptionalUserByAccount(use().db, 'google', providerAccountId)).toBeUndefined();
  });

  it('reads a session account as every write of this module left it (kept between requests on PGlite only)', async () => {
    const db = use().db;
    const user = await makeUser(db);
    expect(await selectSessionAccount(db, user.id)).toMatchObject({ sessionVersion: 0, isAdmin: false, deactivatedAt: null });
    expect((await selectSessionAccount(db, user.id))?.sessionVersion).toBe(0);
    await bumpSessionVersion(db, user.id);
    expect((await selectSessionAccount(db, user.id))?.sessionVersion).toBe(1);
    await updateUserPassword(db, user.id, 'another hash');
    expect((await selectSessionAccount(db, user.id))?.sessionVersion).toBe(2);
    await updateUserSiteRights(db, user.id, { isAdmin: true });
    expect((await selectSessionAccount(db, user.id))?.isAdmin).toBe(true);
    await setUserDeactivated(db, user.id, true);
    expect((await selectSessionAccount(db, user.id))?.deactivatedAt).toBeInstanceOf(Date);
    await setUserDeactivated(db, user.id, false);
    expect((await selectSessionAccount(db, user.id))?.deactivatedAt).toBeNull();
    // A read racing a write: the next read sees the write.
    await Promise.all([selectSessionAccount(db, user.id), bumpSessionVersion(db, user.id), selectSessionAccount(db, user.id)]);
    expect((await selectSessionAccount(db, user.id))?.sessionVersion).toBe(4);
    // Inside a transaction too.
    await db.transaction(async (tx) => {
      await bumpSessionVersion(tx, user.id);
    });
    expect((await selectSessionAccount(db, user.id))?.sessionVersion).toBe(5);
    await deleteUsersByEmail(db, [user.email]);
    expect(await selectSessionAccount(db, user.id)).toBeUndefined();

    // A write outside this module (none is made by the product) shows what is kept: on PGlite, the account read
    // before; on PostgreSQL, which other processes write, the row as it is.
    const other = await makeUser(db);
    await selectSessionAccount(db, other.id);
    await db
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 7` })
      .where(eq(users.id, other.id));
    expect((await selectSessionAccount(db, other.id))?.sessionVersion).toBe(use().driver === 'pglite' ? 0 : 7);
  });
});
