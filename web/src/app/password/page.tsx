import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/server/db';
import { viewPasswordLink } from '@/server/services/accounts/passwordLinks';
import { SetPasswordForm } from '@/components/account/SetPasswordForm';

export const metadata: Metadata = { title: 'Set your password' };

/** Where a one-time password link leads (`?token=`): the new password, or why the link does not work. */
export default async function PasswordLinkPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).token;
  const token = (Array.isArray(raw) ? raw[0] : raw) ?? '';
  const link = await viewPasswordLink(await getDb(), token);
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-4 text-2xl font-semibold">{link.ok && link.purpose === 'reset' ? 'Reset your password' : 'Set your password'}</h1>
      <div className="card">
        {link.ok ? (
          <SetPasswordForm token={token} email={link.email} />
        ) : (
          <div className="space-y-3">
            <p role="alert" className="text-sm text-red-800">
              {link.message}
            </p>
            <Link href="/signin" className="btn btn-secondary">
              Go to sign in
            </Link>
          </div>
        )}
      </div>
    </div>
  );
}
