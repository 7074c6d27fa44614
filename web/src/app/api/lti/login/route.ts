import { NextResponse } from 'next/server';
import { getDb } from '@/server/db';
import { ltiPage, readForm } from '@/server/lti/http';
import { startLogin } from '@/server/lti/login';
import { siteUrl } from '@/server/siteUrl';

/** OIDC third-party-initiated login (LTI 1.3): the platform sends its parameters by GET or POST; we redirect it back with state and nonce. */
async function login(params: URLSearchParams) {
  const fields = Object.fromEntries(params.entries());
  return NextResponse.redirect(await startLogin(await getDb(), fields, await siteUrl()), 302);
}

export async function GET(request: Request) {
  return ltiPage(() => login(new URL(request.url).searchParams));
}

export async function POST(request: Request) {
  return ltiPage(async () => login(await readForm(request)), request);
}
