import {
  insertUser,
  linkAccount,
  selectOptionalUserByAccount,
  selectOptionalUserByEmail,
  setCurrentCourse,
  type Database,
  type User,
} from '@deltalab/db';
import { claimInvitations } from '../people/invitations';

export const deactivatedMessage = 'This account is deactivated. Ask your site administrator to reactivate it.';

export interface OAuthIdentity {
  provider: string;
  providerAccountId: string;
  email: string;
  name: string;
}

/**
 * Links a GitHub/Google identity to our user with the same email, creating an account if needed, and takes up that
 * email's pending invitations, staff ones included: the provider has checked the address, which our own sign-up
 * cannot. A deactivated account is refused.
 */
export async function findOrCreateOAuthUser(
  db: Database,
  identity: OAuthIdentity,
): Promise<Pick<User, 'id' | 'email' | 'name' | 'sessionVersion'>> {
  const email = identity.email.trim().toLowerCase();
  if (!email) throw new Error(`The ${identity.provider} account has no email address; add one there or use a password.`);
  return db.transaction(async (tx) => {
    const user =
      (await selectOptionalUserByAccount(tx, identity.provider, identity.providerAccountId)) ??
      (await selectOptionalUserByEmail(tx, email)) ??
      (await insertUser(tx, { email, name: identity.name || email })) ??
      (await selectOptionalUserByEmail(tx, email));
    if (!user) throw new Error(`could not create a user for ${email}`);
    if (user.deactivatedAt) throw new Error(deactivatedMessage);
    await linkAccount(tx, { userId: user.id, type: 'oauth', provider: identity.provider, providerAccountId: identity.providerAccountId });
    // The linked account's own email (it may differ from the provider's now): invitations were sent to that one.
    if (user.email === email) {
      const taken = await claimInvitations(tx, user, { proven: true });
      // Someone in no course yet works in the first course they were invited to.
      if (taken.length > 0 && !user.currentCourseId) await setCurrentCourse(tx, user.id, taken[0]!.courseId);
    }
    return user;
  });
}
