'use client';

import { useEffect, useState } from 'react';
import type { ApiBody } from '@/components/apiResponse';
import type { AppliedRegrade, RegradePreview } from '@/server/services/regrades/regradePreview';

/**
 * A regrade's preview, followed with one held request at a time while it is grading (a failed request waits 2 s),
 * and applying it with or without "never lower a score" (on by default).
 */
export function useRegradePreview(initial: RegradePreview) {
  const [preview, setPreview] = useState(initial);
  const [neverLower, setNeverLower] = useState(true);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    if (preview.status !== 'grading') return;
    let active = true;
    (async () => {
      while (active) {
        const response = await fetch(`/api/instructor/regrade/${preview.id}?wait=10`).catch(() => null);
        if (!active) return;
        if (response?.ok) {
          const next = (await response.json()) as RegradePreview;
          setPreview(next);
          if (next.status !== 'grading') return;
        } else await new Promise((r) => setTimeout(r, 2000));
      }
    })();
    return () => {
      active = false;
    };
  }, [preview.id, preview.status]);

  async function apply() {
    setPending(true);
    setMessage(null);
    try {
      const response = await fetch(`/api/instructor/regrade/${preview.id}/apply`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ neverLower }),
      });
      const json = (await response.json()) as ApiBody<AppliedRegrade>;
      if (!response.ok) setMessage({ ok: false, text: json.error?.message ?? `HTTP ${response.status}` });
      else {
        setMessage({ ok: true, text: `Applied: ${json.changed} submission(s) changed.` });
        if (json.regrade) setPreview(json.regrade);
      }
    } catch {
      setMessage({ ok: false, text: 'Could not reach the server.' });
    } finally {
      setPending(false);
    }
  }

  return { preview, neverLower, setNeverLower, message, pending, apply };
}
