import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import GitHubProvider from 'next-auth/providers/github';
import GoogleProvider from 'next-auth/providers/google';
import { selectOptionalUserByEmail } from '@deltalab/db';
import { getAuthSecret, oauthProviders } from '@/env';
import { getDb } from '@/server/db';
import { verifyCredentials } from '@/server/services/auth/verifyCredentials';
import { deactivatedMessage, findOrCreateOAuthUser } from '@/server/services/auth/findOrCreateOAuthUser';
import { resolveSession, type SessionUser } from './resolveSession';
import { decodeSessionToken, encodeSessionToken, sessionMaxAgeSeconds } from './sessionToken';

let cached: NextAuthOptions | undefined;
/** The user the jwt callback resolved for a token, for the session callback of the same request (one read, not two). */
const resolvedByToken = new WeakMap<object, SessionUser>();

/** next-auth configuration, built on first use (the secret may be generated into the data directory). */
export function getAuthOptions(): NextAuthOptions {
  if (cached) return cached;
  const providers: NextAuthOptions['providers'] = [
    CredentialsProvider({
      id: 'credentials',
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials) {
        const result = await verifyCredentials(await getDb(), credentials ?? {});
        // next-auth hands a thrown message back to signIn() as `error`: the page shows it as is.
        if (!result.ok) throw new Error(result.message);
        const { id, email, name, sessionVersion } = result.user;
        return { id, email, name, sessionVersion };
      },
    }),
  ];
  if (oauthProviders.github) providers.push(GitHubProvider(oauthProviders.github));
  if (oauthProviders.google) providers.push(GoogleProvider(oauthProviders.google));

  cached = {
    secret: getAuthSecret(),
    session: { strategy: 'jwt', maxAge: sessionMaxAgeSeconds },
    jwt: { encode: encodeSessionToken, decode: decodeSessionToken },
    pages: { signIn: '/signin', signOut: '/signout', error: '/signin' },
    providers,
    callbacks: {
      async signIn({ user, account }) {
        if (!account || account.provider === 'credentials') return true;
        // A deactivated account signs in no way at all: OAuth is told here, before anything is linked.
        const ours = user.email ? await selectOptionalUserByEmail(await getDb(), user.email) : undefined;
        return ours?.deactivatedAt ? `/signin?error=${encodeURIComponent(deactivatedMessage)}` : true;
      },
      async jwt({ token, user, account }) {
        if (user && account) {
          if (account.provider === 'credentials') {
            token.sub = user.id;
            token.sv = user.sessionVersion ?? 0;
          } else {
            // OAuth identities map onto our users table by email; their pending invitations are taken up there.
            const ours = await findOrCreateOAuthUser(await getDb(), {
              provider: account.provider,
              providerAccountId: account.providerAccountId,
              email: user.email ?? token.email ?? '',
              name: user.name ?? token.name ?? '',
            });
            token.sub = ours.id;
            token.sv = ours.sessionVersion;
            token.name = ours.name;
            token.email = ours.email;
          }
          return token;
        }
        // next-auth's own session endpoint: an ended session is refused here too (next-auth then clears the cookie).
        const resolved = await resolveSession(await getDb(), token);
        if (!resolved) throw new Error('The session has ended.');
        resolvedByToken.set(token, resolved);
        return token;
      },
      async session({ session, token }) {
        const user = resolvedByToken.get(token) ?? (await resolveSession(await getDb(), token));
        if (user) session.user = { ...session.user, ...user };
        return session;
      },
    },
  };
  return cached;
}
