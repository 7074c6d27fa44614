/**
 * The LTI endpoints' HTML answers (a refusal naming the failed check, the link and deep-linking forms): small,
 * self-contained documents with no script (the API's Content-Security-Policy allows none), every value escaped.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function htmlPage(title: string, body: string, status = 200, headers: Record<string, string> = {}): Response {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Deltalab</title></head>
<body><main><h1>${escapeHtml(title)}</h1>
${body}
</main></body></html>`;
  return new Response(html, { status, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...headers } });
}

/** A launch or LTI request refused: which check failed, in words, and what to do. */
export function refusalPage(check: string, message: string, status: number): Response {
  return htmlPage(
    'This LMS launch was refused',
    `<p data-check="${escapeHtml(check)}"><strong>Check failed: ${escapeHtml(check)}.</strong> ${escapeHtml(message)}</p>
<p>Nothing was changed. If this keeps happening, give this message to your LMS administrator.</p>`,
    status,
  );
}
