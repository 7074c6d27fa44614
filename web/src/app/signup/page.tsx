import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getSessionUser } from '@/server/auth/session';
import { SignUpForm } from '@/components/auth/SignUpForm';

export const metadata: Metadata = { title: 'Sign up' };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await getSessionUser()) redirect('/course');
  const params = await searchParams;
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-1 text-2xl font-semibold">Create your account</h1>
      <p className="mb-6 text-sm text-slate-600">
        Already registered?{' '}
        <Link href="/signin" className="text-indigo-700 underline">
          Sign in
        </Link>
        .
      </p>
      <div className="card">
        <SignUpForm initialJoinCode={typeof params.code === 'string' ? params.code : undefined} />
      </div>
    </div>
  );
}
