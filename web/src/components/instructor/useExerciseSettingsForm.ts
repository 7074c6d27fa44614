'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import type { ApiErrorBody } from '@/server/api';

/** One message per field the settings route refused, by the field's name. */
export type SettingsFieldErrors = Partial<Record<string, string>>;

/** The form's values as the settings route reads them. */
function settingsBody(form: FormData) {
  const due = String(form.get('dueAt') ?? '');
  return {
    published: form.get('published') === 'on',
    points: String(form.get('points') ?? ''),
    maxAttempts: String(form.get('maxAttempts') ?? ''),
    decayPercent: String(form.get('decayPercent') ?? '0'),
    // datetime-local is the browser's local time: sent with its offset.
    dueAt: due ? new Date(due).toISOString() : '',
    showScore: form.get('showScore'),
    showFeedback: form.get('showFeedback'),
    showAnswers: form.get('showAnswers'),
  };
}

/** The exercise settings form's state: saving, the message on top, one message per field; a save refreshes the page. */
export function useExerciseSettingsForm(slug: string) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<SettingsFieldErrors>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = settingsBody(new FormData(event.currentTarget));
    setPending(true);
    setMessage(null);
    setFieldErrors({});
    try {
      const response = await fetch(`/api/instructor/exercises/${slug}/settings`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      const json = (await response.json()) as Partial<ApiErrorBody> & { message?: string };
      if (!response.ok) {
        setMessage({ ok: false, text: json.error?.message ?? `HTTP ${response.status}` });
        setFieldErrors(json.error?.fields ?? {});
      } else {
        setMessage({ ok: true, text: json.message ?? 'Settings saved.' });
        router.refresh();
      }
    } catch {
      setMessage({ ok: false, text: 'Could not reach the server.' });
    } finally {
      setPending(false);
    }
  }

  return { message, fieldErrors, pending, onSubmit };
}
