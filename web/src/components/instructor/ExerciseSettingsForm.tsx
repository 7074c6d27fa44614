'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import type { ApiErrorBody } from '@/server/api';

type Timing = 'immediately' | 'after-due' | 'never';
export interface ExerciseSettingsInitial {
  published: boolean;
  points: number | null;
  defaultPoints: number;
  maxAttempts: number | null;
  decayPercent: number;
  dueAt: string | null;
  showScore: Timing;
  showFeedback: Timing;
  showAnswers: Timing;
}

const timings: [Timing, string][] = [
  ['immediately', 'immediately'],
  ['after-due', 'after the due date'],
  ['never', 'never'],
];

/** A course's rules for one exercise: shown or hidden, points, attempts, decay, due date, what students see when. */
export function ExerciseSettingsForm({ slug, initial }: { slug: string; initial: ExerciseSettingsInitial }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<string, string>>>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const due = String(form.get('dueAt') ?? '');
    const body = {
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
    setPending(true);
    setMessage(null);
    setFieldErrors({});
    try {
      const response = await fetch(`/api/instructor/exercises/${slug}/settings`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      const json = (await response.json()) as Partial<ApiErrorBody>;
      if (!response.ok) {
        setMessage({ ok: false, text: json.error?.message ?? `HTTP ${response.status}` });
        setFieldErrors(json.error?.fields ?? {});
      } else {
        setMessage({ ok: true, text: 'Settings saved.' });
        router.refresh();
      }
    } catch {
      setMessage({ ok: false, text: 'Could not reach the server.' });
    } finally {
      setPending(false);
    }
  }
  const error = (name: string) => (fieldErrors[name] ? <p className="mt-1 text-sm text-red-700">{fieldErrors[name]}</p> : null);
  const localDue = initial.dueAt
    ? new Date(new Date(initial.dueAt).getTime() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 16)
    : '';
  return (
    <form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2" aria-label="Exercise settings" noValidate>
      {message && (
        <p
          role={message.ok ? 'status' : 'alert'}
          className={`sm:col-span-2 rounded px-3 py-2 text-sm ${message.ok ? 'bg-green-50 text-green-900' : 'bg-red-50 text-red-800'}`}
        >
          {message.text}
        </p>
      )}
      <label className="flex items-center gap-2 sm:col-span-2">
        <input type="checkbox" name="published" defaultChecked={initial.published} /> Published to students
      </label>
      <div>
        <label htmlFor="points" className="label">
          Points
        </label>
        <input
          id="points"
          name="points"
          className="input"
          inputMode="decimal"
          defaultValue={initial.points ?? ''}
          placeholder={`${initial.defaultPoints} (the exercise's)`}
        />
        {error('points')}
      </div>
      <div>
        <label htmlFor="maxAttempts" className="label">
          Attempts
        </label>
        <input
          id="maxAttempts"
          name="maxAttempts"
          className="input"
          inputMode="numeric"
          defaultValue={initial.maxAttempts ?? ''}
          placeholder="unlimited"
        />
        {error('maxAttempts')}
      </div>
      <div>
        <label htmlFor="decayPercent" className="label">
          Points lost per attempt after the first (%)
        </label>
        <input id="decayPercent" name="decayPercent" className="input" inputMode="decimal" defaultValue={initial.decayPercent} />
        {error('decayPercent')}
      </div>
      <div>
        <label htmlFor="dueAt" className="label">
          Due date (your local time)
        </label>
        <input id="dueAt" name="dueAt" type="datetime-local" className="input" defaultValue={localDue} />
        {error('dueAt')}
      </div>
      {(
        [
          ['showScore', 'Students see their score'],
          ['showFeedback', 'Students see the feedback'],
          ['showAnswers', 'Students see the correct answers'],
        ] as const
      ).map(([name, label]) => (
        <div key={name}>
          <label htmlFor={name} className="label">
            {label}
          </label>
          <select id={name} name={name} className="input" defaultValue={initial[name]}>
            {timings.map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </select>
          {error(name)}
        </div>
      ))}
      <div className="sm:col-span-2">
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? 'Saving…' : 'Save settings'}
        </button>
      </div>
    </form>
  );
}
