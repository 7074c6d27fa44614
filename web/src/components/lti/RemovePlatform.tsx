'use client';

import { useState } from 'react';
import { StatusLine } from '@/components/people/StatusLine';
import { jsonInit, useApiCall } from '@/components/people/useApiCall';

/**
 * Removes a platform registration after the administrator ticks that they read what goes with it (the summary beside
 * it: its LMS courses' links, gradebook columns, passback records); Deltalab's courses and grades stay.
 */
export function RemovePlatform({ issuer, clientId, name, summary }: { issuer: string; clientId: string; name: string; summary: string }) {
  const { status, pending, call } = useApiCall();
  const [confirmed, setConfirmed] = useState(false);
  return (
    <form
      className="space-y-1"
      aria-label={`Remove ${name}`}
      onSubmit={(event) => {
        event.preventDefault();
        void call<{ removed: { name: string } }>(
          '/api/admin/lti/platforms',
          jsonInit('DELETE', { issuer, clientId, confirm: confirmed }),
          (r) => `${r.removed.name} is removed.`,
        );
      }}
    >
      <p className="text-xs text-slate-600">{summary}</p>
      <label className="block text-xs">
        <input type="checkbox" checked={confirmed} onChange={(event) => setConfirmed(event.target.checked)} /> I understand: remove {name}
      </label>
      <button type="submit" className="btn" disabled={pending || !confirmed}>
        Remove
      </button>
      <StatusLine status={status} />
    </form>
  );
}
