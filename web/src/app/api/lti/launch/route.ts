import { getDb } from '@/server/db';
import { ltiPage, readForm, seeOther } from '@/server/lti/http';
import { completeLaunch } from '@/server/lti/launchFlow';
import { setLaunchGrant, setSessionCookie } from '@/server/lti/ltiSession';
import { htmlPage, escapeHtml } from '@/server/lti/page';
import { LaunchRefusal, verifyLaunch } from '@/server/lti/verifyLaunch';
import { siteUrl } from '@/server/siteUrl';

/**
 * The LTI 1.3 launch: the platform form-posts the id_token (and our state) here. Every check is in verifyLaunch; a
 * refusal is a page naming the check that failed. A launch that passes signs the user in and sends them on.
 */
export async function POST(request: Request) {
  return ltiPage(async () => {
    const form = await readForm(request);
    const db = await getDb();
    const launch = await verifyLaunch(db, { idToken: form.get('id_token'), state: form.get('state') }, await siteUrl());
    const outcome = await completeLaunch(db, launch);
    if (outcome.kind === 'not-set-up')
      return htmlPage(
        'Not set up yet',
        `<p>Your instructor has not set this up yet: Deltalab is not linked to ${escapeHtml(outcome.contextTitle)}. Try again once they have.</p>`,
        409,
      );
    const response = seeOther(await siteUrl(), outcome.redirect);
    await setSessionCookie(response, outcome.account);
    await setLaunchGrant(response, outcome.grant);
    return response;
  }, request);
}

export async function GET() {
  return ltiPage(async () => {
    throw new LaunchRefusal('request', 'A launch is a form post from the LMS: open Deltalab from your LMS course.', 405);
  });
}
