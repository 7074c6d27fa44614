'use client';

import { useState } from 'react';
import type { BoardName } from '@/server/services/challenges/settings';
import { readApiBody } from '@/components/apiResponse';

/** The student's name on the board (a pseudonym of their choice). */
export function BoardNameForm({ slug, initial, onSaved }: { slug: string; initial: string | null; onSaved: () => void }) {
  const [name, setName] = useState(initial ?? '');
  const [status, setStatus] = useState('');
  return (
    <form
      className="flex flex-wrap items-center gap-2 text-sm"
      onSubmit={async (e) => {
        e.preventDefault();
        const r = await fetch(`/api/challenges/${slug}/name`, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ name }),
        });
        const body = await readApiBody<BoardName>(r);
        setStatus(r.ok ? `The board shows you as ${body.name}.` : (body.error?.message ?? `HTTP ${r.status}`));
        if (r.ok) onSaved();
      }}
    >
      <label className="flex items-center gap-2">
        Your name on the board
        <input
          className="rounded border border-slate-300 px-2 py-1"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          placeholder="a pseudonym"
        />
      </label>
      <button type="submit" className="btn btn-secondary">
        Save name
      </button>
      <span role="status">{status}</span>
    </form>
  );
}
