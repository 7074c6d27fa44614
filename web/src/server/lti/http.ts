import 'server-only';
import { cookies } from 'next/headers';
import { NextResponse } from 'next/server';
import { databaseFault } from '../databaseUnavailable';
import { jsonError } from '../api';
import { readBodyText, tooLargeMessage } from '../../lib/requestBody';
import { getSessionUser, type SessionUser } from '../auth/session';
import { LAUNCH_GRANT_COOKIE, readLaunchGrant, type LaunchGrant } from './ltiSession';
import { LtiStepRefusal } from './linking';
import { refusalPage } from './page';
import { LaunchRefusal } from './verifyLaunch';

/**
 * A request that is no browser's form post (an API client's JSON, a body over 1 MB or not UTF-8, a NUL): answered in
 * JSON with the reason, like the rest of the API, since no LMS or browser sends it.
 */
class NotAForm extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

const FORM_TYPE = /^application\/x-www-form-urlencoded\b/i;

/** A form post's fields (application/x-www-form-urlencoded, at most 1 MB of UTF-8); repeated names keep every value. */
export async function readForm(request: Request): Promise<URLSearchParams> {
  const type = request.headers.get('content-type') ?? '';
  if (!FORM_TYPE.test(type))
    throw new NotAForm(`This address takes a form post (application/x-www-form-urlencoded), not ${type || 'a body without a type'}.`, 415);
  const read = await readBodyText(request);
  if (!read.ok)
    throw read.problem === 'too large'
      ? new NotAForm(tooLargeMessage(read.bytes), 413)
      : new NotAForm(`The form is not valid UTF-8 (first bad byte at offset ${read.offset}).`, 400);
  const form = new URLSearchParams(read.text);
  for (const [key, value] of form)
    if (key.includes('\u0000') || value.includes('\u0000')) throw new NotAForm('The form holds a NUL character.', 400);
  return form;
}

/** The launch grant the browser carries (set by the launch). */
/** The signed-in user of a step after the launch; without one, a refusal page telling them where to start again. */
export async function signedInAfterLaunch(startAgain: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new LtiStepRefusal('session', `You are not signed in here: ${startAgain}`, 401);
  return user;
}

export async function launchGrant(): Promise<LaunchGrant | null> {
  return readLaunchGrant((await cookies()).get(LAUNCH_GRANT_COOKIE)?.value);
}

/**
 * Runs an LTI browser step; a refusal is a page naming the failed check, a fault a page saying so: never a stack trace.
 * A write that is no form post (an API client's JSON) gets the refusal in JSON, like the rest of the API.
 */
export async function ltiPage(body: () => Promise<Response>, request?: Request): Promise<Response> {
  const json = !!request && request.method !== 'GET' && !FORM_TYPE.test(request.headers.get('content-type') ?? '');
  try {
    return await body();
  } catch (error) {
    if (error instanceof NotAForm)
      return jsonError(error.status, error.status === 413 ? 'body-too-large' : 'invalid-request', error.message);
    if (error instanceof LaunchRefusal || error instanceof LtiStepRefusal)
      return json ? jsonError(error.status, `lti-${error.check}`, error.message) : refusalPage(error.check, error.message, error.status);
    const fault = databaseFault(error);
    if (fault) return json ? jsonError(fault.status, fault.code, fault.message) : refusalPage('database', fault.message, fault.status);
    console.error('LTI error', error);
    return refusalPage('server', 'Something went wrong on the server. Launch again in a moment.', 500);
  }
}

/** A 303 to a path of this site (after a form post the browser GETs it). */
export function seeOther(baseUrl: string, path: string): NextResponse {
  return NextResponse.redirect(new URL(path, baseUrl), 303);
}
