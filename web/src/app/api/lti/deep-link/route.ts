import { getDb } from '@/server/db';
import { launchGrant, ltiPage, readForm, signedInAfterLaunch } from '@/server/lti/http';
import { completeDeepLink, deepLinkChoices, LtiStepRefusal, requireGrant } from '@/server/lti/linking';
import { escapeHtml, htmlPage } from '@/server/lti/page';
import { siteUrl } from '@/server/siteUrl';

const signedIn = () => signedInAfterLaunch('start again from the LMS.');

/** Deep linking: the instructor picks exercises of the linked course to add to the LMS. */
export async function GET() {
  return ltiPage(async () => {
    const user = await signedIn();
    const choice = await deepLinkChoices(await getDb(), user.id, await launchGrant());
    const type = choice.multiple ? 'checkbox' : 'radio';
    const items = choice.exercises
      .map(
        (e) =>
          `<p><label><input type="${type}" name="exercise" value="${escapeHtml(e.slug)}"> ${escapeHtml(e.title)} (${e.maxPoints} point${e.maxPoints === 1 ? '' : 's'})</label></p>`,
      )
      .join('\n');
    return htmlPage(
      'Add Deltalab exercises to the LMS',
      `<p>Exercises of ${escapeHtml(choice.courseTitle)}: each becomes a link in the LMS with a gradebook column of its points.</p>
<form method="post" action="/api/lti/deep-link">
${items || '<p>This course has no published exercises.</p>'}
<p><button type="submit">Add to the LMS</button></p>
</form>`,
    );
  });
}

/** The choice, signed as an LtiDeepLinkingResponse: a form the browser posts back to the LMS. */
export async function POST(request: Request) {
  return ltiPage(async () => {
    const user = await signedIn();
    const grant = requireGrant(user.id, await launchGrant());
    const form = await readForm(request);
    const slugs = form.getAll('exercise');
    if (slugs.length === 0) throw new LtiStepRefusal('exercise', 'Pick at least one exercise.', 400);
    const done = await completeDeepLink(await getDb(), user.id, grant, slugs, await siteUrl());
    return htmlPage(
      'Return to the LMS',
      `<p>${done.count} exercise${done.count === 1 ? '' : 's'} chosen.</p>
<form method="post" action="${escapeHtml(done.returnUrl)}">
<input type="hidden" name="JWT" value="${escapeHtml(done.jwt)}">
<p><button type="submit">Return to the LMS</button></p>
</form>`,
    );
  }, request);
}
