'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { saveCourseSettingsAction } from '@/app/instructor/actions';
import { useFormAction } from '@/components/forms/useFormAction';
import type { LatePolicy } from '@deltalab/db';

type Field = 'timeZone' | 'latePolicy' | 'latePenaltyPercent';

const policies: { value: LatePolicy; label: string }[] = [
  { value: 'accept', label: 'Graded as usual, marked late' },
  { value: 'penalize', label: 'Graded with a penalty, marked late' },
  { value: 'refuse', label: 'Not accepted after the due date' },
];

/** The instructor's course settings: the time zone due dates are set and shown in, and the late policy. */
export function CourseSettingsForm({
  initial,
  timeZones,
}: {
  initial: { timeZone: string; latePolicy: LatePolicy; latePenalty: number };
  timeZones: string[];
}) {
  const router = useRouter();
  const [policy, setPolicy] = useState<LatePolicy>(initial.latePolicy);
  const { message, fieldErrors, pending, submit } = useFormAction<Field>();
  const [saved, setSaved] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = {
      timeZone: String(form.get('timeZone') ?? ''),
      latePolicy: String(form.get('latePolicy') ?? ''),
      latePenaltyPercent: policy === 'penalize' ? String(form.get('latePenaltyPercent') ?? '') : '0',
    };
    setSaved(false);
    await submit(
      () => saveCourseSettingsAction(values),
      () => {
        setSaved(true);
        router.refresh();
      },
    );
  }

  const describedBy = (field: Field, hint?: boolean) =>
    [hint ? `${field}-hint` : '', fieldErrors[field] ? `${field}-error` : ''].filter(Boolean).join(' ') || undefined;
  const error = (field: Field) =>
    fieldErrors[field] ? (
      <p id={`${field}-error`} className="mt-1 text-sm text-red-700">
        {fieldErrors[field]}
      </p>
    ) : null;

  return (
    <form onSubmit={onSubmit} className="space-y-4" aria-label="Course settings" noValidate>
      {message && (
        <p
          role="alert"
          data-testid="settings-message"
          className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
        >
          {message}
        </p>
      )}
      {saved && (
        <p
          role="status"
          data-testid="settings-message"
          className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900"
        >
          Settings saved.
        </p>
      )}
      <div>
        <label htmlFor="timeZone" className="label">
          Time zone
        </label>
        <input
          id="timeZone"
          name="timeZone"
          list="time-zones"
          defaultValue={initial.timeZone}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={fieldErrors.timeZone ? true : undefined}
          aria-describedby={describedBy('timeZone', true)}
          className={`input max-w-sm ${fieldErrors.timeZone ? 'border-red-500' : ''}`}
        />
        <datalist id="time-zones">
          {timeZones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        <p id="timeZone-hint" className="mt-1 text-xs text-slate-600">
          Due dates are shown on this clock, with its name. An IANA name such as UTC or Europe/Berlin.
        </p>
        {error('timeZone')}
      </div>
      <fieldset aria-describedby={describedBy('latePolicy')}>
        <legend className="label">Late submissions</legend>
        <div className="space-y-1">
          {policies.map((p) => (
            <label key={p.value} className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="latePolicy"
                value={p.value}
                checked={policy === p.value}
                onChange={() => setPolicy(p.value)}
                className="size-4"
              />
              {p.label}
            </label>
          ))}
        </div>
        {error('latePolicy')}
      </fieldset>
      {policy === 'penalize' && (
        <div>
          <label htmlFor="latePenaltyPercent" className="label">
            Late penalty (% of the score)
          </label>
          <input
            id="latePenaltyPercent"
            name="latePenaltyPercent"
            type="number"
            min={0}
            max={100}
            step={1}
            inputMode="numeric"
            defaultValue={Math.round(initial.latePenalty * 100) || 20}
            aria-invalid={fieldErrors.latePenaltyPercent ? true : undefined}
            aria-describedby={describedBy('latePenaltyPercent')}
            className={`input w-32 ${fieldErrors.latePenaltyPercent ? 'border-red-500' : ''}`}
          />
          {error('latePenaltyPercent')}
        </div>
      )}
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? 'Saving…' : 'Save settings'}
      </button>
    </form>
  );
}
