/**
 * A POST to a page is a server action call (pages take no other), and anyone can make one by hand. Next refuses a
 * body over its 1 MB limit, or one it cannot decode, by throwing inside its action handler: a 500 with a digest and
 * no word of what was wrong. These checks run first, in the proxy, and answer what the site's own forms never send
 * with a 4xx that says why. `text/plain` exactly: Next's client shows such a body as the error's message.
 */
import { readBodyText, tooLargeMessage } from './requestBody';

function refusal(status: 400 | 413, message: string): Response {
  return new Response(message, { status, headers: { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' } });
}

/** The refusal for a page POST no form of the site sends, or null to let Next run the action. */
export async function refuseActionRequest(request: Request): Promise<Response | null> {
  const body = await readBodyText(request);
  if (!body.ok && body.problem === 'too large') return refusal(413, tooLargeMessage(body.bytes));
  // No action of the site takes a file, so every byte of a body (multipart included) is text; Next would decode bad
  // bytes as U+FFFD and store that, something the user never typed.
  if (!body.ok) return refusal(400, 'The request body is not valid UTF-8: server actions take text.');
  const { text, bytes } = body;
  if (!request.headers.has('next-action')) return null;
  // The arguments, as React encodes them: a JSON array, alone (text/plain) or in the form's field "0" (multipart).
  const contentType = request.headers.get('content-type') ?? '';
  let encoded: unknown = text;
  if (contentType.startsWith('multipart/form-data')) {
    const form = await new Response(bytes, { headers: { 'Content-Type': contentType } }).formData().catch(() => null);
    if (!form) return refusal(400, 'The request body is not a readable multipart form.');
    encoded = form.get('0');
  }
  if (typeof encoded !== 'string') return refusal(400, "The action's arguments are missing: send them as a JSON array.");
  try {
    if (Array.isArray(JSON.parse(encoded))) return null;
  } catch {
    return refusal(400, "The action's arguments are not valid JSON: send them as a JSON array.");
  }
  return refusal(400, "The action's arguments are not a JSON array: send them as one.");
}
