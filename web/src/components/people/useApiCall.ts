'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { ApiErrorBody } from '@/server/api';

export type ApiStatus = { ok: boolean; text: string } | null;

/**
 * One button's or form's call of our API: pending, what happened in one sentence (the refusal's own message, or what
 * `done` says of the answer), the refusal's message per field; a success refreshes the page's server data.
 */
export function useApiCall() {
  const router = useRouter();
  const [status, setStatus] = useState<ApiStatus>(null);
  const [fields, setFields] = useState<Partial<Record<string, string>>>({});
  const [pending, setPending] = useState(false);

  async function call<T>(url: string, init: RequestInit, done: (value: T) => string): Promise<T | null> {
    setPending(true);
    setStatus(null);
    setFields({});
    try {
      const response = await fetch(url, init);
      const body = (await response.json().catch(() => ({}))) as T & Partial<ApiErrorBody>;
      if (!response.ok) {
        setStatus({ ok: false, text: body.error?.message ?? `HTTP ${response.status}` });
        setFields(body.error?.fields ?? {});
        return null;
      }
      setStatus({ ok: true, text: done(body) });
      router.refresh();
      return body;
    } catch {
      setStatus({ ok: false, text: 'Could not reach the server. Check your connection and try again.' });
      return null;
    } finally {
      setPending(false);
    }
  }

  return { status, fields, pending, call };
}

export const jsonInit = (method: string, body?: unknown): RequestInit => ({
  method,
  headers: { 'Content-Type': 'application/json' },
  body: body === undefined ? undefined : JSON.stringify(body),
});
