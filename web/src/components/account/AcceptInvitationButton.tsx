'use client';

import { useRouter } from 'next/navigation';
import { acceptInvitationAction } from '@/app/invitation/actions';
import { useFormAction } from '@/components/forms/useFormAction';

/** A signed-in invitee takes up the invitation, and goes to the course. */
export function AcceptInvitationButton({ token, summary }: { token: string; summary: string }) {
  const router = useRouter();
  const { message, pending, submit } = useFormAction<never>();
  return (
    <div className="space-y-2">
      <button
        type="button"
        className="btn btn-primary"
        disabled={pending}
        onClick={() =>
          void submit(
            () => acceptInvitationAction({ token }),
            () => {
              router.replace('/course');
              router.refresh();
            },
          )
        }
      >
        {pending ? 'Joining…' : `Join as ${summary}`}
      </button>
      {message && (
        <p role="alert" className="text-sm text-red-800">
          {message}
        </p>
      )}
    </div>
  );
}
