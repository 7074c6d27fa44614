'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import type { FormEvent } from 'react';
import { signUpAction } from '@/app/signup/actions';
import { useFormAction } from '@/components/forms/useFormAction';

type Field = 'name' | 'email' | 'password' | 'joinCode' | 'invitation';

const fields: { name: Field; label: string; type: string; autoComplete: string; hint?: string }[] = [
  { name: 'name', label: 'Name', type: 'text', autoComplete: 'name' },
  { name: 'email', label: 'Email', type: 'email', autoComplete: 'email' },
  { name: 'password', label: 'Password', type: 'password', autoComplete: 'new-password', hint: 'At least 8 characters.' },
  {
    name: 'joinCode',
    label: 'Course join code',
    type: 'text',
    autoComplete: 'off',
    hint: 'Your instructor gives you this code. Not needed if your instructor added your email to the course.',
  },
];

/** Sign-up: with a course's join code, or through an invitation's link (its email fixed, no join code). */
export function SignUpForm({ initialJoinCode, invitation }: { initialJoinCode?: string; invitation?: { token: string; email: string } }) {
  const router = useRouter();
  const { message, fieldErrors, pending, submit } = useFormAction<Field>();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values: Partial<Record<Field, string>> = Object.fromEntries(fields.map((f) => [f.name, String(form.get(f.name) ?? '')]));
    if (invitation) {
      values.email = invitation.email;
      values.invitation = invitation.token;
      delete values.joinCode;
    }
    await submit(
      () => signUpAction(values),
      async (result, fail) => {
        const signedIn = await signIn('credentials', { email: result.email, password: values.password ?? '', redirect: false });
        if (!signedIn || signedIn.error)
          return fail(`Your account was created, but signing in failed: ${signedIn?.error ?? 'unknown error'}.`);
        router.replace('/course');
        router.refresh();
      },
    );
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {message && (
        <p role="alert" data-testid="form-error" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {message}
        </p>
      )}
      {fieldErrors.invitation && (
        <p role="alert" className="text-sm text-red-700">
          {fieldErrors.invitation}
        </p>
      )}
      {fields
        .filter((f) => !(invitation && f.name === 'joinCode'))
        .map((f) => {
          const error = fieldErrors[f.name];
          const describedBy = [f.hint ? `${f.name}-hint` : '', error ? `${f.name}-error` : ''].filter(Boolean).join(' ');
          return (
            <div key={f.name}>
              <label htmlFor={f.name} className="label">
                {f.label}
              </label>
              <input
                id={f.name}
                name={f.name}
                type={f.type}
                autoComplete={f.autoComplete}
                required={f.name !== 'joinCode'}
                readOnly={invitation !== undefined && f.name === 'email'}
                defaultValue={f.name === 'joinCode' ? initialJoinCode : f.name === 'email' ? invitation?.email : undefined}
                aria-invalid={error ? true : undefined}
                aria-describedby={describedBy || undefined}
                className={`input ${error ? 'border-red-500' : ''}`}
              />
              {f.hint && (
                <p id={`${f.name}-hint`} className="mt-1 text-xs text-slate-600">
                  {f.hint}
                </p>
              )}
              {error && (
                <p id={`${f.name}-error`} className="mt-1 text-sm text-red-700">
                  {error}
                </p>
              )}
            </div>
          );
        })}
      <button type="submit" className="btn btn-primary w-full" disabled={pending}>
        {pending ? 'Creating account…' : 'Create account'}
      </button>
    </form>
  );
}
