'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import type { FormEvent } from 'react';
import { setPasswordAction } from '@/app/password/actions';
import { useFormAction } from '@/components/forms/useFormAction';
import { NewPasswordFields } from './PasswordField';

/** The page a password link opens: the new password twice, then signed in with it. */
export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const router = useRouter();
  const { message, fieldErrors, pending, submit } = useFormAction<'password' | 'confirm'>();
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get('password') ?? '');
    await submit(
      () => setPasswordAction({ token, password, confirm: String(form.get('confirm') ?? '') }),
      async (result, fail) => {
        const signedIn = await signIn('credentials', { email: result.email, password, redirect: false });
        if (!signedIn || signedIn.error) return fail(`Your password is set, but signing in failed: ${signedIn?.error ?? 'unknown error'}.`);
        router.replace('/');
        router.refresh();
      },
    );
  }
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      {message && (
        <p role="alert" data-testid="form-error" className="text-sm text-red-800">
          {message}
        </p>
      )}
      <p className="text-sm">
        Account: <strong>{email}</strong>
      </p>
      <NewPasswordFields errors={fieldErrors} />
      <button type="submit" className="btn btn-primary w-full" disabled={pending}>
        {pending ? 'Setting…' : 'Set password and sign in'}
      </button>
    </form>
  );
}
