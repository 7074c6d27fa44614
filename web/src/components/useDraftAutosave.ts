'use client';

import { formatDateTime } from '@/lib/format';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SaveDraftResult } from '@/server/services/drafts/saveDraft';
import { readApiBody } from './apiResponse';

/**
 * Autosaves the editor's code as the exercise's draft (PUT /api/drafts) a second after the last keystroke, and says
 * how the last save went. Disabled (an instructor's preview: the draft would become the instructor's own), it stores
 * nothing.
 */
export function useDraftAutosave({
  exercise,
  code,
  initialCode,
  initialStatus = '',
  enabled = true,
}: {
  exercise: string;
  code: string;
  /** The code as stored when the page loaded (the draft, or the starter). */
  initialCode: string;
  initialStatus?: string;
  enabled?: boolean;
}) {
  const [status, setStatus] = useState(initialStatus);
  const saved = useRef(initialCode);
  const justRestored = useRef(false);

  useEffect(() => {
    if (!enabled || code === saved.current) return;
    const timer = setTimeout(async () => {
      try {
        const response = await fetch('/api/drafts', {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ exercise, code }),
        });
        if (response.ok) {
          saved.current = code;
          const time = formatDateTime(new Date());
          // The save that follows a restore keeps saying what happened, so the student does not miss it.
          setStatus(
            justRestored.current
              ? `Restored the code of an earlier submission (saved as your draft at ${time}).`
              : `Draft saved at ${time}.`,
          );
          justRestored.current = false;
        } else {
          const body = await readApiBody<SaveDraftResult>(response);
          setStatus(`Draft not saved: ${body.error?.message ?? `HTTP ${response.status}`}`);
        }
      } catch {
        setStatus('Draft not saved: the server is unreachable.');
      }
    }, 1000);
    return () => clearTimeout(timer);
  }, [code, exercise, enabled]);

  /** The code of an earlier submission was put back in the editor: said now, and again by the save that follows. */
  const noteRestored = useCallback(() => {
    justRestored.current = true;
    setStatus('Restored the code of an earlier submission.');
  }, []);

  return { status, noteRestored };
}
