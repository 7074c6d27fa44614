'use client';

import { useState } from 'react';
import type { ChallengeView } from '@/server/services/challenges/getChallenge';
import type { ChallengeSettings } from '@/server/services/challenges/settings';
import { readApiBody } from '@/components/apiResponse';

/** A datetime-local value (the browser's zone) for an ISO instant. */
function localInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The instructor's settings of a challenge: its deadline and the entries a student may submit per day. */
export function ChallengeSettingsForm({ challenge, onSaved }: { challenge: ChallengeView; onSaved: () => void }) {
  const [deadline, setDeadline] = useState(localInput(challenge.deadline));
  const [perDay, setPerDay] = useState(String(challenge.limits.entriesPerDay));
  const [status, setStatus] = useState('');
  return (
    <form
      className="flex flex-wrap items-end gap-3 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm"
      aria-label="Challenge settings"
      onSubmit={async (e) => {
        e.preventDefault();
        const body = { deadline: deadline ? new Date(deadline).toISOString() : null, entriesPerDay: perDay ? Number(perDay) : null };
        const r = await fetch(`/api/challenges/${challenge.slug}/settings`, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        });
        const answer = await readApiBody<ChallengeSettings>(r);
        setStatus(
          r.ok
            ? answer.revealed
              ? 'Saved: the deadline has passed, the private board is revealed.'
              : 'Saved.'
            : (answer.error?.message ?? `HTTP ${r.status}`),
        );
        if (r.ok) onSaved();
      }}
    >
      <label className="flex flex-col">
        Deadline (your time zone)
        <input
          type="datetime-local"
          className="rounded border border-slate-300 px-2 py-1"
          value={deadline}
          onChange={(e) => setDeadline(e.currentTarget.value)}
        />
      </label>
      <label className="flex flex-col">
        Entries per day
        <input
          type="number"
          min={1}
          className="w-24 rounded border border-slate-300 px-2 py-1"
          value={perDay}
          onChange={(e) => setPerDay(e.currentTarget.value)}
        />
      </label>
      <button type="submit" className="btn btn-primary">
        Save settings
      </button>
      <span role="status">{status}</span>
    </form>
  );
}
