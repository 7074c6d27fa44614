'use client';

import { useRouter } from 'next/navigation';
import { signOutEverywhereAction } from '@/app/account/actions';
import { useFormAction } from '@/components/forms/useFormAction';

/** Ends every session of the account, on every device, this one included. */
export function SignOutEverywhereButton() {
  const router = useRouter();
  const { message, pending, submit } = useFormAction<never>();
  return (
    <div className="space-y-2">
      <button
        type="button"
        className="btn btn-secondary"
        disabled={pending}
        onClick={() =>
          void submit(signOutEverywhereAction, () => {
            router.replace('/signin?signedOut=1');
            router.refresh();
          })
        }
      >
        {pending ? 'Signing out…' : 'Sign out everywhere'}
      </button>
      {message && (
        <p role="alert" className="text-sm text-red-800">
          {message}
        </p>
      )}
    </div>
  );
}
