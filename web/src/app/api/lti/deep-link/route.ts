import { getDb } from '@/server/db';
import { launchGrant, ltiPage, readForm, signedInAfterLaunch } from '@/server/lti/http';
import { completeDeepLink, deepLinkChoices, requireGrant, type DeepLinkChoice } from '@/server/lti/linking';
import { escapeHtml, htmlPage } from '@/server/lti/page';
import { siteUrl } from '@/server/siteUrl';

const signedIn = () => signedInAfterLaunch('start again from the LMS.');

/** Deep linking: the instructor picks assessments (one gradebook column each) or exercises of the linked course. */
export async function GET() {
  return ltiPage(async () => {
    const user = await signedIn();
    const choice = await deepLinkChoices(await getDb(), user.id, await launchGrant());
    const type = choice.multiple ? 'checkbox' : 'radio';
    const points = (n: number) => `${n} point${n === 1 ? '' : 's'}`;
    const item = (r: DeepLinkChoice['exercises'][number]) =>
      `<p><label><input type="${type}" name="${type === 'radio' ? 'item' : r.kind}" value="${escapeHtml(type === 'radio' ? `${r.kind}:${r.slug}` : r.slug)}"> ${escapeHtml(r.title)} (${r.maxPoints > 0 ? points(r.maxPoints) : 'no points yet: no gradebook column'})</label></p>`;
    const section = (title: string, list: DeepLinkChoice['exercises'], none: string) =>
      `<fieldset><legend>${title}</legend>\n${list.map(item).join('\n') || `<p>${none}</p>`}\n</fieldset>`;
    return htmlPage(
      'Add Deltalab assessments or exercises to the LMS',
      `<p>From ${escapeHtml(choice.courseTitle)}: each becomes a link in the LMS with a gradebook column of its points. An assessment sends one score, its total.</p>
<form method="post" action="/api/lti/deep-link">
${section('Assessments', choice.assessments, 'This course has no published assessments.')}
${section('Exercises', choice.exercises, 'This course has no published exercises.')}
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
    // Checkboxes name the kind; a single choice (radio) is `kind:slug`.
    const single = form.getAll('item').map((value) => /^(assessment|exercise):(.+)$/.exec(value));
    const picks = {
      assessments: [...form.getAll('assessment'), ...single.flatMap((m) => (m?.[1] === 'assessment' ? [m[2]!] : []))],
      exercises: [...form.getAll('exercise'), ...single.flatMap((m) => (m?.[1] === 'exercise' ? [m[2]!] : []))],
    };
    const done = await completeDeepLink(await getDb(), user.id, grant, picks, await siteUrl());
    return htmlPage(
      'Return to the LMS',
      `<p>${done.count} item${done.count === 1 ? '' : 's'} chosen.</p>
<form method="post" action="${escapeHtml(done.returnUrl)}">
<input type="hidden" name="JWT" value="${escapeHtml(done.jwt)}">
<p><button type="submit">Return to the LMS</button></p>
</form>`,
    );
  }, request);
}
