import { NextResponse, type NextRequest } from 'next/server';
import { refuseActionRequest } from './lib/actionRequest';
import { pageSecurityPolicy } from './lib/securityPolicy';

/**
 * Every page gets a Content-Security-Policy with a fresh nonce: Next streams its hydration data as inline scripts and
 * loads its chunks from them, so the only script policy that both lets the app run and shuts out injected markup is
 * a per-request nonce with 'strict-dynamic' (Next puts the nonce on its own scripts when it sees the policy on the
 * request). API routes and static files are not matched: they are not documents, and next.config.ts gives them the
 * other security headers. A POST to a page (a server action) is first checked for what no form of the site sends.
 */
export async function proxy(request: NextRequest) {
  if (request.method === 'POST') {
    const refused = await refuseActionRequest(request);
    if (refused) return refused;
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const policy = pageSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  // Behind a TLS-terminating proxy (README: "Serving over HTTPS"), browsers should never come back over plain http.
  if (request.headers.get('x-forwarded-proto') === 'https' || request.nextUrl.protocol === 'https:') {
    response.headers.set('Strict-Transport-Security', 'max-age=15552000; includeSubDomains');
  }
  return response;
}

export const config = {
  matcher: [{ source: '/((?!api/|_next/static|_next/image|tfjs/|icon.svg|favicon.ico).*)' }],
};
