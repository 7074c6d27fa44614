import 'server-only';
import type { NextAuthOptions, Session } from 'next-auth';
import type { JWT } from 'next-auth/jwt';
import CredentialsProvider from 'next-auth/providers/credentials';
import GitHubProvider from 'next-auth/providers/github';
import GoogleProvider from 'next-auth/providers/google';
import { getAuthSecret, oauthProviders } from '@/env';
import { getDb } from '@/server/db';
import { verifyCredentials } from '@/server/services/auth/verifyCredentials';
import { findOrCreateOAuthUser } from '@/server/services/auth/findOrCreateOAuthUser';
import { decodeSessionToken, encodeSessionToken } from './sessionToken';

let cached: NextAuthOptions | undefined;

/** The session's user as the site sees it, from next-auth's token (the session callback and getSessionUser). */
export function sessionUserFromToken(token: JWT): Session['user'] {
  return { id: token.sub ?? '', role: token.role ?? 'student', email: token.email ?? '', name: token.name ?? '' };
}

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
        return { id: result.user.id, email: result.user.email, name: result.user.name, role: result.user.role };
      },
    }),
  ];
  if (oauthProviders.github) providers.push(GitHubProvider(oauthProviders.github));
  if (oauthProviders.google) providers.push(GoogleProvider(oauthProviders.google));

  cached = {
    secret: getAuthSecret(),
    session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
    jwt: { encode: encodeSessionToken, decode: decodeSessionToken },
    pages: { signIn: '/signin', signOut: '/signout', error: '/signin' },
    providers,
    callbacks: {
      async jwt({ token, user, account }) {
        if (user && account) {
          if (account.provider === 'credentials') {
            token.sub = user.id;
            token.role = user.role ?? 'student';
          } else {
            // OAuth identities map onto our users table by email.
            const ours = await findOrCreateOAuthUser(await getDb(), {
              provider: account.provider,
              providerAccountId: account.providerAccountId,
              email: user.email ?? token.email ?? '',
              name: user.name ?? token.name ?? '',
            });
            token.sub = ours.id;
            token.role = ours.role;
            token.name = ours.name;
            token.email = ours.email;
          }
        }
        return token;
      },
      async session({ session, token }) {
        session.user = { ...session.user, ...sessionUserFromToken(token) };
        return session;
      },
    },
  };
  return cached;
}
