'use client';

import { useState, type FormEvent } from 'react';
import { changePasswordAction } from '@/app/account/actions';
import { useFormAction } from '@/components/forms/useFormAction';
import { NewPasswordFields, PasswordField } from './PasswordField';

type Field = 'current' | 'password' | 'confirm';

/** Change password: every other session of the account ends; this one goes on. */
export function ChangePasswordForm({ hasPassword }: { hasPassword: boolean }) {
  const { message, fieldErrors, pending, submit } = useFormAction<Field>();
  const [done, setDone] = useState(false);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setDone(false);
    await submit(
      () =>
        changePasswordAction({
          current: String(form.get('current') ?? ''),
          password: String(form.get('password') ?? ''),
          confirm: String(form.get('confirm') ?? ''),
        }),
      () => {
        formElement.reset();
        setDone(true);
      },
    );
  }
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      {message && (
        <p role="alert" className="text-sm text-red-800">
          {message}
        </p>
      )}
      {done && (
        <p role="status" className="text-sm text-green-800">
          Password changed. Every other session of this account has ended.
        </p>
      )}
      {hasPassword && <PasswordField name="current" label="Current password" autoComplete="current-password" error={fieldErrors.current} />}
      <NewPasswordFields errors={fieldErrors} />
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? 'Changing…' : hasPassword ? 'Change password' : 'Set a password'}
      </button>
    </form>
  );
}
