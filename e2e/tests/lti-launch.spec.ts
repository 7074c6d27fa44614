import { PlatformSimulator } from '@deltalab/web/test/lti-platform';
import { apiSignInAdmin, expect, test } from '../fixtures';

/**
 * Issue 20: LTI 1.3 launches in Chromium from a simulated LMS (a real local platform: its own keys, JWKS, a token
 * endpoint checking the tool's client assertion, AGS scores). The LMS page starts the OIDC login, its authorisation
 * endpoint form-posts the id_token back; the student is told the course is not set up, the instructor links it and
 * deep-links an assessment, then the student launches that assessment, solves one of its exercises, and the
 * assessment's score (one score per assessment) arrives at the LMS.
 */
const M = 'http://purl.imsglobal.org/vocab/lis/v2/membership';
const LTI = 'https://purl.imsglobal.org/spec/lti/claim/';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const layer = (W: number[][], b: number[], a: number[]) => W.map((row, i) => row.reduce((s, w, j) => s + w * a[j]!, b[i]!));

test('an instructor links the LMS course and deep-links an assessment; a student solves one of its exercises and the assessment’s score reaches the LMS', async ({
  page,
  browser,
  playwright,
  server,
  snap,
}) => {
  test.setTimeout(180_000);
  const lms = await new PlatformSimulator().start();
  lms.toolJwks = async () => (await (await fetch(`${server.baseURL}/api/lti/jwks`)).json()) as { keys: [] };
  try {
    const admin = await playwright.request.newContext({ baseURL: server.baseURL });
    await apiSignInAdmin(admin, server);
    const registered = await admin.post('/api/admin/lti/platforms', {
      data: {
        name: 'Simulated Canvas',
        issuer: lms.issuer,
        clientId: lms.clientId,
        deploymentIds: [lms.deploymentId],
        authUrl: lms.authUrl,
        tokenUrl: lms.tokenUrl,
        jwksUrl: lms.jwksUrl,
      },
    });
    expect(registered.status(), await registered.text()).toBe(201);
    await admin.dispose();

    const stamp = Date.now().toString(36);
    const context = { id: `nn101-${stamp}`, title: `Neural Networks 101 (${stamp})` };
    const student = {
      sub: `student-${stamp}`,
      email: `lti-student-${stamp}@example.edu`,
      name: 'Lia Student',
      [`${LTI}roles`]: [`${M}#Learner`],
    };
    // A teacher of their own, who creates the course from the LMS: the demo course and its people stay as other specs expect.
    const teacher = {
      sub: `teacher-${stamp}`,
      email: `lti-teacher-${stamp}@example.edu`,
      name: 'Tia Teacher',
      [`${LTI}roles`]: [`${M}#Instructor`],
    };
    const at = (who: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
      lms.launchLink(server.baseURL, { ...who, [`${LTI}context`]: context, ...extra });

    // The student first: the LMS course is not linked yet.
    const studentContext = await browser.newContext();
    const studentPage = await studentContext.newPage();
    await studentPage.goto(at(student));
    await expect(studentPage.getByText('Your instructor has not set this up yet')).toBeVisible();

    // The instructor, who teaches no course yet, links it to a new Deltalab course.
    await page.goto(at(teacher));
    await expect(page.getByRole('heading', { name: 'Link this LMS course to Deltalab' })).toBeVisible();
    await snap('link the LMS course');
    await page.getByLabel(/Create a new Deltalab course named/).check();
    await page.getByRole('button', { name: 'Link' }).click();
    await expect(page).toHaveURL(/\/instructor$/);

    // An assessment of the new course: the forward pass (10 points) and the activation values (5 points).
    const made = await page.request.post('/api/instructor/assessments', {
      data: {
        slug: 'forward-pass-homework',
        title: 'Forward pass homework',
        type: 'homework',
        slots: [
          { exercises: ['mlp-forward-pass'], points: 10 },
          { exercises: ['activation-values'], points: 5 },
        ],
      },
    });
    expect(made.status(), await made.text()).toBe(201);

    // Deep linking: pick the assessment, return to the LMS with a signed response.
    await page.goto(
      at(teacher, {
        [`${LTI}message_type`]: 'LtiDeepLinkingRequest',
        [`${LTI}resource_link`]: undefined,
        'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings': {
          deep_link_return_url: `${lms.url}/deep-link-return`,
          accept_types: ['ltiResourceLink'],
          accept_multiple: true,
          data: `dl-${stamp}`,
        },
      }),
    );
    await expect(page.getByRole('heading', { name: 'Add Deltalab assessments or exercises to the LMS' })).toBeVisible();
    await page.getByLabel(/Forward pass homework \(15 points\)/).check();
    await snap('deep linking picker');
    await page.getByRole('button', { name: 'Add to the LMS' }).click();
    await page.getByRole('button', { name: 'Return to the LMS' }).click();
    await expect(page.getByRole('heading', { name: 'Items added' })).toBeVisible();
    const response = lms.deepLinkResponses.at(-1)!;
    expect(response['https://purl.imsglobal.org/spec/lti-dl/claim/data']).toBe(`dl-${stamp}`);
    const [item] = response['https://purl.imsglobal.org/spec/lti-dl/claim/content_items'] as {
      custom: { assessment: string };
      lineItem: { scoreMaximum: number; resourceId: string };
    }[];
    expect(item!.custom).toEqual({ assessment: 'forward-pass-homework' });
    expect(item!.lineItem).toMatchObject({ scoreMaximum: 15, resourceId: expect.stringMatching(/^assessment:/) });

    // The student launches the new link (the LMS made its line item), lands on the assessment, solves its first
    // exercise, and the assessment's score is posted: 10 of 15, in progress.
    await studentPage.goto(
      at(student, {
        [`${LTI}custom`]: item!.custom,
        'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint': {
          scope: ['https://purl.imsglobal.org/spec/lti-ags/scope/score', 'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem'],
          lineitems: lms.lineItemsUrl,
          lineitem: lms.lineItemUrl(`item-${stamp}`),
        },
      }),
    );
    await expect(studentPage).toHaveURL(/\/assessments\/forward-pass-homework$/);
    await studentPage.goto(new URL('/exercises/mlp-forward-pass', studentPage.url()).toString());
    const variant = (await (await studentPage.request.get('/api/exercises/mlp-forward-pass')).json()) as {
      params: { x: number[]; W2: number[][]; b2: number[]; W3: number[][]; b3: number[] };
    };
    const p = variant.params;
    const z2 = layer(p.W2, p.b2, p.x);
    const a2 = z2.map(sigmoid);
    const z3 = layer(p.W3, p.b3, a2);
    const a3 = z3.map(sigmoid);
    const right: Record<string, number> = {
      z2_1: z2[0]!,
      z2_2: z2[1]!,
      a2_1: a2[0]!,
      a2_2: a2[1]!,
      z3_1: z3[0]!,
      z3_2: z3[1]!,
      a3_1: a3[0]!,
      a3_2: a3[1]!,
    };
    const form = studentPage.getByRole('form', { name: 'Your answers' });
    for (const [name, value] of Object.entries(right))
      await form.getByRole('textbox', { name: new RegExp(` ${name}$`) }).fill(value.toPrecision(6));
    await form.getByRole('button', { name: 'Submit answers' }).click();
    await expect(form.getByRole('status')).toContainText('Score: 100% — passed', { timeout: 60_000 });
    await expect.poll(() => lms.scores.length, { timeout: 30_000 }).toBeGreaterThan(0);
    expect(lms.scores.at(-1)!.lineItem).toBe(`item-${stamp}`);
    expect(lms.scores.at(-1)!.body).toMatchObject({
      userId: student.sub,
      scoreGiven: 10,
      scoreMaximum: 15,
      activityProgress: 'InProgress',
      gradingProgress: 'FullyGraded',
    });
    await studentContext.close();
  } finally {
    await lms.stop();
  }
});
