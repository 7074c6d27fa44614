import 'server-only';
import { cookies } from 'next/headers';
import { NextResponse } from 'next/server';
import { databaseFault } from '../databaseUnavailable';
import { readBodyText } from '../../lib/requestBody';
import { LAUNCH_GRANT_COOKIE, readLaunchGrant, type LaunchGrant } from './ltiSession';
import { LtiStepRefusal } from './linking';
import { refusalPage } from './page';
import { LaunchRefusal } from './verifyLaunch';

/** A form post's fields (application/x-www-form-urlencoded, at most 1 MB of UTF-8); repeated names keep every value. */
export async function readForm(request: Request): Promise<URLSearchParams> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/x-www-form-urlencoded\b/i.test(type))
    throw new LaunchRefusal(
      'request',
      `This address takes a form post (application/x-www-form-urlencoded), not ${type || 'a body without a type'}.`,
      415,
    );
  const read = await readBodyText(request);
  if (!read.ok)
    throw new LaunchRefusal('request', read.problem === 'too large' ? 'The form is over 1 MB.' : 'The form is not valid UTF-8.', 400);
  return new URLSearchParams(read.text);
}

/** The launch grant the browser carries (set by the launch). */
export async function launchGrant(): Promise<LaunchGrant | null> {
  return readLaunchGrant((await cookies()).get(LAUNCH_GRANT_COOKIE)?.value);
}

/** Runs an LTI browser step; a refusal is a page naming the failed check, a fault a page saying so: never a stack trace. */
export async function ltiPage(body: () => Promise<Response>): Promise<Response> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof LaunchRefusal || error instanceof LtiStepRefusal) return refusalPage(error.check, error.message, error.status);
    const fault = databaseFault(error);
    if (fault) return refusalPage('database', fault.message, fault.status);
    console.error('LTI error', error);
    return refusalPage('server', 'Something went wrong on the server. Launch again in a moment.', 500);
  }
}

/** A 303 to a path of this site (after a form post the browser GETs it). */
export function seeOther(baseUrl: string, path: string): NextResponse {
  return NextResponse.redirect(new URL(path, baseUrl), 303);
}
