import 'server-only';
import { NextResponse } from 'next/server';
import { getSessionUser, type SessionUser } from './auth/session';
import { stage } from './breakdown';
import { databaseFault } from './databaseUnavailable';
import { unstorableTextReason } from './storableText';
import type { DbHandle } from '@deltalab/db';
import { SubmissionError } from './services/submissions/submissionError';
import { getDbHandle } from './db';
import { readBodyText, tooLargeMessage, type BodyText } from '../lib/requestBody';
import type { CurrentCourse } from './services/courses/getCurrentCourse';
import { requireCoursePermission } from './auth/courseAccess';
import { can, refusal, type CoursePermission, type SitePermission } from './auth/permissions';

/** What every refusal of the API answers (a form's refusal adds a message per field). */
export type ApiErrorBody = { error: { code: string; message: string; fields?: Partial<Record<string, string>> } };

export function jsonError(
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>,
  fields?: Partial<Record<string, string>>,
) {
  return jsonResponse(errorAnswer(status, code, message, headers, fields));
}

/** An API answer before it is a response: Next's (jsonResponse) or Node's own (server.mjs, submissionRequests.ts). */
export type JsonAnswer = { status: number; body: unknown; headers?: Record<string, string> };

export function jsonResponse({ status, body, headers }: JsonAnswer): Response {
  return NextResponse.json(body, { status, headers });
}

function errorAnswer(
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>,
  fields?: Partial<Record<string, string>>,
): JsonAnswer {
  return { status, body: { error: { code, message, ...(fields ? { fields } : {}) } } satisfies ApiErrorBody, headers };
}

export const notSignedInAnswer = errorAnswer(401, 'not-signed-in', 'Sign in first: this API uses the session cookie of the site.');

/** A refusal as its specific 4xx, a database fault as 503 or 507, anything else as a logged 500. */
export function apiErrorAnswer(error: unknown): JsonAnswer {
  if (error instanceof SubmissionError) {
    const headers = error.retryAfterSeconds ? { 'Retry-After': String(error.retryAfterSeconds) } : undefined;
    return errorAnswer(error.status, error.code, error.message, headers, error.fields);
  }
  const fault = databaseFault(error);
  if (fault) {
    const headers = fault.retryAfterSeconds ? { 'Retry-After': String(fault.retryAfterSeconds) } : undefined;
    return errorAnswer(fault.status, fault.code, fault.message, headers);
  }
  console.error('API error', error);
  return errorAnswer(500, 'internal', 'Something went wrong on the server. Please try again.');
}

/** Runs a route body for a signed-in user; refusals become specific 4xx JSON, anything else a logged 500. */
export async function withApiUser(body: (user: SessionUser) => Promise<Response>): Promise<Response> {
  try {
    const user = await stage('session', () => getSessionUser());
    if (!user) return jsonResponse(notSignedInAnswer);
    return await body(user);
  } catch (error) {
    return jsonResponse(apiErrorAnswer(error));
  }
}

/**
 * Runs a route body for someone who holds `permission` in the course the request names (`?course=<slug>`, else their
 * current course). Anonymous: 401; anyone without it: 403 with the permission module's reason.
 */
export function withCoursePermission(
  request: Request,
  permission: CoursePermission,
  body: (user: SessionUser, course: CurrentCourse, handle: DbHandle) => Promise<Response>,
): Promise<Response> {
  return withApiUser(async (user) => {
    const handle = await getDbHandle();
    const course = await requireCoursePermission(handle.db, user.id, permission, new URL(request.url).searchParams.get('course'));
    return body(user, course, handle);
  });
}

/** Runs a route body for someone who holds a site permission (an administrator's); anyone else 403. */
export function withSitePermission(permission: SitePermission, body: (user: SessionUser, handle: DbHandle) => Promise<Response>) {
  return withApiUser(async (user) => {
    const actor = { site: user, course: null };
    if (!can(actor, permission)) return jsonError(403, 'forbidden', refusal(actor, permission));
    return body(user, await getDbHandle());
  });
}

/**
 * Parses a JSON request body; anything the database could not store as sent is refused here with the reason: a body
 * over 1 MB, bytes that are not UTF-8 (decoded leniently they would become U+FFFD and be stored as something the
 * student never sent), malformed JSON, and strings holding NUL or a lone surrogate (PostgreSQL's text and jsonb
 * refuse both, which would otherwise surface as a 500).
 */
export async function readJson(request: Request): Promise<unknown> {
  return parseJsonBody(await readBodyText(request));
}

/** readJson's checks, on a body read by whatever server received it. */
export function parseJsonBody(read: BodyText): unknown {
  const text = textOrRefusal(read, 'JSON');
  if (text.trim() === '') throw new SubmissionError('invalid-request', 'The request body is empty; send JSON.');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new SubmissionError('invalid-request', `The request body is not valid JSON (${(error as Error).message}).`);
  }
  const unstorable = findUnstorableText(body);
  if (unstorable) throw new SubmissionError('invalid-request', unstorable);
  return body;
}

/** A request body as UTF-8 text of at most 1 MB (`what` names the format expected, for the refusal). */
export async function readText(request: Request, what: string): Promise<string> {
  return textOrRefusal(await readBodyText(request), what);
}

function textOrRefusal(read: BodyText, what: string): string {
  if (read.ok) return read.text;
  if (read.problem === 'too large') throw new SubmissionError('body-too-large', tooLargeMessage(read.bytes));
  throw new SubmissionError(
    'invalid-request',
    `The request body is not valid UTF-8 (first bad byte at offset ${read.offset}); send ${what} as UTF-8 text.`,
  );
}

/**
 * The first key or string value (by its JSON path) holding a NUL character or a lone UTF-16 surrogate. Walked with
 * a stack, not recursion: a 1 MB body can nest half a million arrays deep.
 */
function findUnstorableText(body: unknown): string | null {
  const check = (text: string, where: string) => {
    const reason = unstorableTextReason(text);
    return reason && `${where || 'the body'}: ${reason}`;
  };
  const stack: [unknown, string][] = [[body, '']];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [value, path] = next;
    if (typeof value === 'string') {
      const problem = check(value, path);
      if (problem) return problem;
    } else if (typeof value === 'object' && value !== null) {
      const isArray = Array.isArray(value);
      for (const [key, item] of Object.entries(value)) {
        // JSON.parse makes `__proto__` an own key, which zod's records then drop without a word.
        if (!isArray && key === '__proto__') return `${path ? path + '.' : ''}__proto__: a key named __proto__ is not accepted.`;
        const problem = isArray ? null : check(key, `${path ? path + '.' : ''}a key`);
        if (problem) return problem;
        stack.push([item, isArray ? `${path}[${key}]` : path ? `${path}.${key}` : key]);
      }
    }
  }
  return null;
}
