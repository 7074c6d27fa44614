'use client';

import { useState } from 'react';
import type { VerifyRequested } from '@/server/services/challenges/entries';
import { readApiBody } from '@/components/apiResponse';

/** Asks the server to train an entry's code again and compare (instructors); says what it answered. */
export function VerifyButton({ slug, entryId, onDone }: { slug: string; entryId: string; onDone: () => void }) {
  const [state, setState] = useState('');
  return (
    <button
      type="button"
      className="text-xs underline"
      onClick={async () => {
        const r = await fetch(`/api/challenges/${slug}/entries/${entryId}/verify`, { method: 'POST' });
        const body = await readApiBody<VerifyRequested>(r);
        setState(body.message ?? body.error?.message ?? '');
        onDone();
      }}
      title={state}
    >
      {state ? state.split(':')[0] : 'Verify now'}
    </button>
  );
}
