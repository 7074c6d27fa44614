import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { oauthProviders } from '@/env';
import { getSessionUser } from '@/server/auth/session';
import { SignInForm } from '@/components/auth/SignInForm';
import { safeCallbackUrl } from '@/lib/safeCallbackUrl';

export const metadata: Metadata = { title: 'Sign in' };

// next-auth's own error codes, should one reach this page (e.g. from an OAuth round trip).
const errorMessages: Record<string, string> = {
  OAuthSignin: 'Could not start signing in with that provider.',
  OAuthCallback: 'The provider did not complete the sign-in.',
  OAuthAccountNotLinked: 'That email is linked to another sign-in method.',
  Callback: 'Sign-in failed on the way back from the provider.',
  SessionRequired: 'Please sign in to see that page.',
  CredentialsSignin: 'Wrong email or password.',
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  const errorParam = typeof params.error === 'string' ? params.error : undefined;
  const initialError = errorParam ? (errorMessages[errorParam] ?? errorParam) : undefined;
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-1 text-2xl font-semibold">Sign in</h1>
      <p className="mb-6 text-sm text-slate-600">
        New here?{' '}
        <Link href="/signup" className="text-indigo-700 underline">
          Create an account with your course join code
        </Link>
        .
      </p>
      {params.signedOut === '1' && (
        <p role="status" className="mb-4 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
          You are signed out.
        </p>
      )}
      <div className="card">
        <SignInForm
          callbackUrl={callbackUrl}
          initialError={initialError}
          oauth={{ github: oauthProviders.github !== null, google: oauthProviders.google !== null }}
        />
      </div>
    </div>
  );
}
