'use client';

import { useState } from 'react';
import type { ApiErrorBody } from '@/server/api';

/** The line on top of the editor: what the last action did, or why it was refused. */
export type AuthoringStatus = { ok: boolean; text: string } | null;

/**
 * POSTs to the authoring API one action at a time: `pending` names the action running (its button says so), and a
 * refusal or an unreachable server becomes the status line. Each answer is typed by its route's own (server) type.
 */
export function useAuthoringApi() {
  const [status, setStatus] = useState<AuthoringStatus>(null);
  const [pending, setPending] = useState('');

  async function post<T>(label: string, url: string, payload?: unknown): Promise<T | null> {
    setPending(label);
    setStatus(null);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: payload === undefined ? undefined : JSON.stringify(payload),
      });
      const json = (await response.json().catch(() => ({}))) as T & Partial<ApiErrorBody>;
      if (!response.ok) {
        setStatus({ ok: false, text: json.error?.message ?? `HTTP ${response.status}` });
        return null;
      }
      return json;
    } catch {
      setStatus({ ok: false, text: 'Could not reach the server.' });
      return null;
    } finally {
      setPending('');
    }
  }

  return { status, setStatus, pending, post };
}
