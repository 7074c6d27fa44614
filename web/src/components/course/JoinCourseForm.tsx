'use client';

import { useRouter } from 'next/navigation';
import type { FormEvent } from 'react';
import { joinCourseAction } from '@/app/course/actions';
import { useFormAction } from '@/components/forms/useFormAction';

/** For a signed-in account without a course (GitHub or Google sign-in): join one with its code. */
export function JoinCourseForm() {
  const router = useRouter();
  const { message, fieldErrors, pending, submit } = useFormAction<'joinCode'>();
  const fieldError = fieldErrors.joinCode ?? '';

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const joinCode = String(new FormData(event.currentTarget).get('joinCode') ?? '');
    await submit(
      () => joinCourseAction({ joinCode }),
      () => router.refresh(),
    );
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" aria-label="Join a course" noValidate>
      {message && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {message}
        </p>
      )}
      <div>
        <label htmlFor="joinCode" className="label">
          Course join code
        </label>
        <input
          id="joinCode"
          name="joinCode"
          autoComplete="off"
          required
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? 'joinCode-error' : 'joinCode-hint'}
          className={`input max-w-xs ${fieldError ? 'border-red-500' : ''}`}
        />
        {fieldError ? (
          <p id="joinCode-error" className="mt-1 text-sm text-red-700">
            {fieldError}
          </p>
        ) : (
          <p id="joinCode-hint" className="mt-1 text-xs text-slate-600">
            Your instructor gives you this code.
          </p>
        )}
      </div>
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? 'Joining…' : 'Join the course'}
      </button>
    </form>
  );
}
