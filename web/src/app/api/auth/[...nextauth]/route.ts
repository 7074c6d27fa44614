import NextAuth from 'next-auth';
import { NextResponse, type NextRequest } from 'next/server';
import { getAuthOptions } from '@/server/auth/options';
import { getDb } from '@/server/db';
import { clientAddress, recordSignInAttempt, signInWaitSeconds, waitInWords } from '@/server/services/auth/signInThrottle';

type Context = { params: Promise<{ nextauth: string[] }> };

// Built per request so `next build` never reads the secret or the data directory.
function handler(request: NextRequest, context: Context) {
  return NextAuth(getAuthOptions())(request, context);
}

/**
 * Password sign-ins are throttled per account and per address (issue 12): over the limit, 429 with Retry-After and
 * a message saying when, before the password is even checked. The body also carries next-auth's `url` with the
 * message as `error`, which is how next-auth's signIn() on the sign-in page reads a refusal.
 */
async function POST(request: NextRequest, context: Context) {
  const { nextauth } = await context.params;
  if (nextauth.join('/') !== 'callback/credentials') return handler(request, context);
  const form = await request
    .clone()
    .formData()
    .catch(() => null);
  const attempt = { email: String(form?.get('email') ?? ''), address: clientAddress(request.headers) };
  const db = await getDb();
  const wait = await signInWaitSeconds(db, attempt);
  if (wait > 0) {
    const message = `Too many failed sign-ins for this account or from this network. Try again in ${waitInWords(wait)}.`;
    const signInUrl = new URL('/signin', request.nextUrl.origin);
    signInUrl.searchParams.set('error', message);
    return NextResponse.json(
      { error: { code: 'rate-limited', message }, url: signInUrl.href },
      { status: 429, headers: { 'Retry-After': String(wait), 'Cache-Control': 'no-store' } },
    );
  }
  const response: Response = await handler(request, context);
  const signedIn = response.headers.getSetCookie().some((cookie) => /next-auth\.session-token=[^;]/.test(cookie));
  await recordSignInAttempt(db, attempt, signedIn);
  return response;
}

export { handler as GET, POST };
