import 'server-only';
import { NextResponse } from 'next/server';
import { getSessionUser, type SessionUser } from './auth/session';
import type { DbHandle } from '@deltalab/db';
import { SubmissionError } from './services/submissions/submissionError';
import { getDbHandle } from './db';
import { instructorCourse } from './services/instructor/instructorCourse';
import type { CurrentCourse } from './services/courses/getCurrentCourse';

export function jsonError(status: number, code: string, message: string, headers?: Record<string, string>) {
  return NextResponse.json({ error: { code, message } }, { status, headers });
}

/** Runs a route body for a signed-in user; refusals become specific 4xx JSON, anything else a logged 500. */
export async function withApiUser(body: (user: SessionUser) => Promise<Response>): Promise<Response> {
  try {
    const user = await getSessionUser();
    if (!user) return jsonError(401, 'not-signed-in', 'Sign in first: this API uses the session cookie of the site.');
    return await body(user);
  } catch (error) {
    if (error instanceof SubmissionError) {
      const headers = error.retryAfterSeconds ? { 'Retry-After': String(error.retryAfterSeconds) } : undefined;
      return jsonError(error.status, error.code, error.message, headers);
    }
    console.error('API error', error);
    return jsonError(500, 'internal', 'Something went wrong on the server. Please try again.');
  }
}

/**
 * Runs a route body for an instructor of the course the request names (`?course=<slug>`, else their current course).
 * Anonymous: 401; a student, or an instructor of another course: 403 (the same for each).
 */
export function withInstructor(request: Request, body: (user: SessionUser, course: CurrentCourse, handle: DbHandle) => Promise<Response>): Promise<Response> {
  return withApiUser(async (user) => {
    const handle = await getDbHandle();
    const course = await instructorCourse(handle.db, user.id, new URL(request.url).searchParams.get('course'));
    return body(user, course, handle);
  });
}

/** Parses a JSON request body; a malformed one is a 400 with the reason. */
export async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.length > 1024 * 1024) throw new SubmissionError('code-too-large', 'The request body is larger than 1 MB.');
  if (text.trim() === '') throw new SubmissionError('invalid-request', 'The request body is empty; send JSON.');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new SubmissionError('invalid-request', `The request body is not valid JSON (${(error as Error).message}).`);
  }
}
