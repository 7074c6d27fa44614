'use client';

import { useRouter } from 'next/navigation';
import type { FormEvent } from 'react';
import { createCourseAction } from '@/app/instructor/actions';
import { useFormAction } from '@/components/forms/useFormAction';

type Field = 'title' | 'joinCode' | 'timeZone';

/** A new course: title, join code, time zone. It starts with the catalogue of exercises and becomes the current one. */
export function CreateCourseForm({ timeZones }: { timeZones: string[] }) {
  const router = useRouter();
  const { message, fieldErrors, pending, submit } = useFormAction<Field>();
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = {
      title: String(form.get('title') ?? ''),
      joinCode: String(form.get('joinCode') ?? ''),
      timeZone: String(form.get('timeZone') ?? ''),
    };
    await submit(
      () => createCourseAction(values),
      () => router.refresh(),
    );
  }
  const error = (field: Field) =>
    fieldErrors[field] ? (
      <p id={`new-${field}-error`} className="mt-1 text-sm text-red-700">
        {fieldErrors[field]}
      </p>
    ) : null;
  return (
    <form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-3" aria-label="New course" noValidate>
      {message && (
        <p role="alert" className="sm:col-span-3 rounded bg-red-50 px-3 py-2 text-sm text-red-800">
          {message}
        </p>
      )}
      <div>
        <label htmlFor="new-title" className="label">
          Title
        </label>
        <input id="new-title" name="title" className="input" aria-invalid={fieldErrors.title ? true : undefined} />
        {error('title')}
      </div>
      <div>
        <label htmlFor="new-joinCode" className="label">
          Join code
        </label>
        <input id="new-joinCode" name="joinCode" className="input" aria-invalid={fieldErrors.joinCode ? true : undefined} />
        {error('joinCode')}
      </div>
      <div>
        <label htmlFor="new-timeZone" className="label">
          Time zone
        </label>
        <input
          id="new-timeZone"
          name="timeZone"
          list="time-zones"
          defaultValue="UTC"
          className="input"
          aria-invalid={fieldErrors.timeZone ? true : undefined}
        />
        {error('timeZone')}
        <datalist id="new-time-zones">
          {timeZones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      </div>
      <div className="sm:col-span-3">
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? 'Creating…' : 'Create course'}
        </button>
      </div>
    </form>
  );
}
