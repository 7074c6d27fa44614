'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';

export interface SignInFormProps {
  callbackUrl: string;
  initialError?: string;
  oauth: { github: boolean; google: boolean };
}

export function SignInForm({ callbackUrl, initialError, oauth }: SignInFormProps) {
  const router = useRouter();
  const [error, setError] = useState(initialError ?? '');
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError('');
    try {
      const result = await signIn('credentials', {
        email: String(form.get('email') ?? ''),
        password: String(form.get('password') ?? ''),
        redirect: false,
      });
      if (!result || result.error) {
        setError(result?.error ?? 'Sign-in failed. Try again.');
        return;
      }
      router.replace(callbackUrl);
      router.refresh();
    } catch {
      setError('Could not reach the server. Check your connection and try again.');
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} className="space-y-4" aria-describedby={error ? 'signin-error' : undefined} noValidate>
        {error && (
          <p
            id="signin-error"
            role="alert"
            data-testid="form-error"
            className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
          >
            {error}
          </p>
        )}
        <div>
          <label htmlFor="email" className="label">
            Email
          </label>
          <input id="email" name="email" type="email" autoComplete="email" required className="input" />
        </div>
        <div>
          <label htmlFor="password" className="label">
            Password
          </label>
          <input id="password" name="password" type="password" autoComplete="current-password" required className="input" />
        </div>
        <button type="submit" className="btn btn-primary w-full" disabled={pending}>
          {pending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      {(oauth.github || oauth.google) && (
        <div className="space-y-2 border-t border-slate-200 pt-4">
          {oauth.github && (
            <button type="button" className="btn btn-secondary w-full" onClick={() => signIn('github', { callbackUrl })}>
              Sign in with GitHub
            </button>
          )}
          {oauth.google && (
            <button type="button" className="btn btn-secondary w-full" onClick={() => signIn('google', { callbackUrl })}>
              Sign in with Google
            </button>
          )}
        </div>
      )}
    </div>
  );
}
