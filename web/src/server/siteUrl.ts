import 'server-only';
import { headers } from 'next/headers';
import { env } from '@/env';

/**
 * The site's public address, for the links it emails or shows: NEXTAUTH_URL when set (required with SMTP_URL, so an
 * emailed link never follows a Host header someone sent), else the address this request came to.
 */
export async function siteUrl(): Promise<string> {
  if (env.NEXTAUTH_URL) return env.NEXTAUTH_URL.replace(/\/+$/, '');
  const request = await headers();
  const host = request.get('x-forwarded-host') ?? request.get('host') ?? `localhost:${env.PORT}`;
  return `${request.get('x-forwarded-proto') === 'https' ? 'https' : 'http'}://${host}`;
}
