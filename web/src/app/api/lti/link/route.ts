import { getDb } from '@/server/db';
import { launchGrant, ltiPage, readForm, signedInAfterLaunch, seeOther } from '@/server/lti/http';
import { linkChoices, linkContext, requireGrant } from '@/server/lti/linking';
import { escapeHtml, htmlPage } from '@/server/lti/page';
import { siteUrl } from '@/server/siteUrl';

const signedIn = () => signedInAfterLaunch('launch Deltalab from your LMS course again.');

/** The first launch from an unlinked LMS course, as its instructor: link it to a Deltalab course, or create one. */
export async function GET() {
  return ltiPage(async () => {
    const user = await signedIn();
    const choices = await linkChoices(await getDb(), user.id, await launchGrant());
    if ('linked' in choices) return seeOther(await siteUrl(), choices.linked);
    const options = choices.courses
      .map(
        (c, i) =>
          `<p><label><input type="radio" name="course" value="${c.id}"${i === 0 ? ' checked' : ''}> ${escapeHtml(c.title)} (${escapeHtml(c.slug)})</label></p>`,
      )
      .join('\n');
    return htmlPage(
      'Link this LMS course to Deltalab',
      `<p>${escapeHtml(choices.context.title)} is not linked to a Deltalab course yet. Students launching from it will land in the course you choose, and their grades will go back to the LMS.</p>
<form method="post" action="/api/lti/link">
${options}
<p><label><input type="radio" name="course" value="new"${choices.courses.length === 0 ? ' checked' : ''}> Create a new Deltalab course named “${escapeHtml(choices.context.title)}”</label></p>
<p><button type="submit">Link</button></p>
</form>`,
    );
  });
}

export async function POST(request: Request) {
  return ltiPage(async () => {
    const user = await signedIn();
    const grant = requireGrant(user.id, await launchGrant());
    const form = await readForm(request);
    const next = await linkContext(await getDb(), user.id, grant, form.get('course'));
    return seeOther(await siteUrl(), next);
  }, request);
}
