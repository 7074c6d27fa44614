'use client';

import { signOutEverywhereAction } from '@/app/account/actions';
import { ActionButton } from '@/components/forms/ActionButton';

/** Ends every session of the account, on every device, this one included. */
export function SignOutEverywhereButton() {
  return (
    <ActionButton
      label="Sign out everywhere"
      pendingLabel="Signing out…"
      action={signOutEverywhereAction}
      to="/signin?signedOut=1"
      replace
      block
    />
  );
}
