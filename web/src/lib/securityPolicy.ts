/**
 * The site's security headers, in one place: next.config.ts sends `securityHeaders` on every response, and the proxy
 * adds `pageSecurityPolicy` to each page with that request's nonce.
 */

/**
 * A page's policy. Scripts: only those carrying the nonce, and what they load ('strict-dynamic'); 'wasm-unsafe-eval'
 * lets tfjs's WASM backend compile its module (no JavaScript eval is allowed). Workers (Monaco's language services,
 * the Run and training workers) come from our own origin; the Run worker imports the student's compiled code from a
 * blob: URL, which the worker's own (absent) policy governs, not this one. Styles: Monaco and KaTeX set inline
 * styles, so 'unsafe-inline' for styles only. Nothing is fetched from another origin.
 */
export function pageSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic' 'wasm-unsafe-eval'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Sent with every response, pages, API and static files alike. */
export const securityHeaders: { key: string; value: string }[] = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
];

/** API answers are JSON, never documents: nothing in them may run or be framed. */
export const apiSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
