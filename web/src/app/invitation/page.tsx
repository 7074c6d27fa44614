import type { Metadata } from 'next';
import Link from 'next/link';
import { getSessionUser } from '@/server/auth/session';
import { getDb } from '@/server/db';
import { invitationByToken, invitationSummary } from '@/server/services/people/invitations';
import { SignUpForm } from '@/components/auth/SignUpForm';
import { AcceptInvitationButton } from '@/components/account/AcceptInvitationButton';

export const metadata: Metadata = { title: 'Invitation' };

/**
 * Where an invitation's link leads (`?token=`): sign up with the invited email (no join code), or, signed in under
 * that email, join at once. Signed in as someone else: told so.
 */
export default async function InvitationPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).token;
  const token = (Array.isArray(raw) ? raw[0] : raw) ?? '';
  const found = await invitationByToken(await getDb(), token);
  const user = await getSessionUser();
  const here = `/invitation?token=${encodeURIComponent(token)}`;
  return (
    <div className="mx-auto max-w-sm space-y-4">
      <h1 className="text-2xl font-semibold">Invitation</h1>
      {!found.ok ? (
        <p role="alert" className="card text-sm text-red-800">
          {found.message}
        </p>
      ) : (
        <>
          <p className="text-sm">
            <strong>{found.invitation.email}</strong> is invited as {invitationSummary(found.invitation, found.course)}.
          </p>
          {user ? (
            user.email === found.invitation.email ? (
              <AcceptInvitationButton token={token} summary={invitationSummary(found.invitation, found.course)} />
            ) : (
              <p role="alert" className="card text-sm">
                You are signed in as {user.email}. This invitation is for {found.invitation.email}:{' '}
                <Link href="/signout" className="text-indigo-700 underline">
                  sign out
                </Link>{' '}
                and open this link again.
              </p>
            )
          ) : (
            <>
              <div className="card">
                <SignUpForm invitation={{ token, email: found.invitation.email }} />
              </div>
              <p className="text-sm">
                Already have an account with this email?{' '}
                <Link href={`/signin?callbackUrl=${encodeURIComponent(here)}`} className="text-indigo-700 underline">
                  Sign in
                </Link>{' '}
                and you will be back here.
              </p>
            </>
          )}
        </>
      )}
    </div>
  );
}
