import { insertUser, linkAccount, selectOptionalUserByAccount, selectOptionalUserByEmail, type Database, type User } from '@deltalab/db';

export interface OAuthIdentity {
  provider: string;
  providerAccountId: string;
  email: string;
  name: string;
}

/** Links a GitHub/Google identity to our user with the same email, creating a student account if needed. */
export async function findOrCreateOAuthUser(db: Database, identity: OAuthIdentity): Promise<Pick<User, 'id' | 'email' | 'name' | 'role'>> {
  const email = identity.email.trim().toLowerCase();
  if (!email) throw new Error(`The ${identity.provider} account has no email address; add one there or use a password.`);
  return db.transaction(async (tx) => {
    const linked = await selectOptionalUserByAccount(tx, identity.provider, identity.providerAccountId);
    if (linked) return linked;
    const user =
      (await selectOptionalUserByEmail(tx, email)) ??
      (await insertUser(tx, { email, name: identity.name || email, role: 'student' })) ??
      (await selectOptionalUserByEmail(tx, email));
    if (!user) throw new Error(`could not create a user for ${email}`);
    await linkAccount(tx, { userId: user.id, type: 'oauth', provider: identity.provider, providerAccountId: identity.providerAccountId });
    return user;
  });
}
