import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getSessionUser } from '@/server/auth/session';
import { SignOutButton } from '@/components/auth/SignOutButton';

export const metadata: Metadata = { title: 'Sign out' };

export default async function SignOutPage() {
  const user = await getSessionUser();
  if (!user) redirect('/signin?signedOut=1');
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-4 text-2xl font-semibold">Sign out</h1>
      <div className="card space-y-4">
        <p className="text-sm">
          You are signed in as <strong>{user.email}</strong>.
        </p>
        <div className="flex gap-3">
          <SignOutButton />
          <Link href="/course" className="btn btn-secondary">
            Cancel
          </Link>
        </div>
      </div>
    </div>
  );
}
