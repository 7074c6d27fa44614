import type { Metadata } from 'next';
import { selectUserById } from '@deltalab/db';
import { requireUser } from '@/server/auth/session';
import { getDb } from '@/server/db';
import { ChangePasswordForm } from '@/components/account/ChangePasswordForm';
import { SignOutEverywhereButton } from '@/components/account/SignOutEverywhereButton';

export const metadata: Metadata = { title: 'Account' };

/** The signed-in user's account: change the password, sign out everywhere. */
export default async function AccountPage() {
  const user = await requireUser('/account');
  if (user.studentViewOf) {
    return (
      <div className="card mx-auto max-w-md">
        <h1 className="text-xl font-semibold">Account</h1>
        <p className="mt-2 text-sm">A test student has no account settings: leave the student view to see yours.</p>
      </div>
    );
  }
  const account = await selectUserById(await getDb(), user.id);
  return (
    <div className="mx-auto max-w-md space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Account</h1>
        <p className="text-sm text-slate-600">
          {account.name} · {account.email}
        </p>
      </div>
      <section aria-labelledby="password-heading" className="card space-y-3">
        <h2 id="password-heading" className="text-lg font-semibold">
          {account.passwordHash ? 'Change password' : 'Set a password'}
        </h2>
        <ChangePasswordForm hasPassword={account.passwordHash !== null} />
      </section>
      <section aria-labelledby="sessions-heading" className="card space-y-3">
        <h2 id="sessions-heading" className="text-lg font-semibold">
          Sessions
        </h2>
        <p className="text-sm">Signed in on a computer you no longer use? This ends every session of your account, this one too.</p>
        <SignOutEverywhereButton />
      </section>
    </div>
  );
}
