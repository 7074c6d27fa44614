import { and, eq } from 'drizzle-orm';
import { accounts, users, type Database, type User } from '@deltalab/db';

export interface OAuthIdentity {
  provider: string;
  providerAccountId: string;
  email: string;
  name: string;
}

/** Links a GitHub/Google identity to our user with the same email, creating a student account if needed. */
export async function findOrCreateOAuthUser(
  db: Database,
  identity: OAuthIdentity,
): Promise<Pick<User, 'id' | 'email' | 'name' | 'role'>> {
  const email = identity.email.trim().toLowerCase();
  if (!email) throw new Error(`The ${identity.provider} account has no email address; add one there or use a password.`);
  return db.transaction(async (tx) => {
    const [linked] = await tx
      .select({ id: users.id, email: users.email, name: users.name, role: users.role })
      .from(accounts)
      .innerJoin(users, eq(users.id, accounts.userId))
      .where(and(eq(accounts.provider, identity.provider), eq(accounts.providerAccountId, identity.providerAccountId)))
      .limit(1);
    if (linked) return linked;
    let [user] = await tx
      .select({ id: users.id, email: users.email, name: users.name, role: users.role })
      .from(users)
      .where(eq(users.email, email))
      .limit(1);
    if (!user) {
      [user] = await tx
        .insert(users)
        .values({ email, name: identity.name || email, role: 'student' })
        .returning({ id: users.id, email: users.email, name: users.name, role: users.role });
    }
    if (!user) throw new Error('insert into users returned no row');
    await tx
      .insert(accounts)
      .values({ userId: user.id, type: 'oauth', provider: identity.provider, providerAccountId: identity.providerAccountId })
      .onConflictDoNothing();
    return user;
  });
}
