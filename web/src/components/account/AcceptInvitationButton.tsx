'use client';

import { acceptInvitationAction } from '@/app/invitation/actions';
import { ActionButton } from '@/components/forms/ActionButton';

/** A signed-in invitee takes up the invitation, and goes to the course. */
export function AcceptInvitationButton({ token, summary }: { token: string; summary: string }) {
  return (
    <ActionButton
      label={`Join as ${summary}`}
      pendingLabel="Joining…"
      action={() => acceptInvitationAction({ token })}
      to="/course"
      replace
      block
      className="btn btn-primary"
    />
  );
}
