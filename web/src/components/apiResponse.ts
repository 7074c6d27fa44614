import type { ApiErrorBody } from '@/server/api';

/**
 * The JSON of one of our API's responses, typed by the route's own (server) type T: T's fields on success, the error
 * envelope on a refusal, possibly neither (a body that was not JSON). Server types are imported as types only, so no
 * server code reaches the browser.
 */
export type ApiBody<T> = Partial<T> & Partial<ApiErrorBody>;

/** A response's JSON as ApiBody<T>; {} when the body is not JSON (a proxy's error page, a cut connection). */
export async function readApiBody<T>(response: Response): Promise<ApiBody<T>> {
  return (await response.json().catch(() => ({}))) as ApiBody<T>;
}

/** The refusal's own message, else the HTTP status. */
function refusalMessage(response: Response, body: Partial<ApiErrorBody>): string {
  return body.error?.message ?? `HTTP ${response.status}`;
}

/**
 * One call of our API with a JSON body: the route's answer (T), or what went wrong in one sentence (the refusal's
 * message, the HTTP status, or an unreachable server).
 */
export async function callApi<T>(url: string, init?: RequestInit): Promise<{ ok: true; value: T } | { ok: false; message: string }> {
  try {
    const response = await fetch(url, { ...init, headers: { 'Content-Type': 'application/json', ...init?.headers } });
    const body = (await response.json().catch(() => ({}))) as T & Partial<ApiErrorBody>;
    if (!response.ok) return { ok: false, message: refusalMessage(response, body) };
    return { ok: true, value: body };
  } catch {
    return { ok: false, message: 'The server is unreachable.' };
  }
}
