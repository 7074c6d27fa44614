import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { APIRequestContext, APIResponse } from '@playwright/test';
import { apiSignIn, demo, expect, signUpStudent, test } from '../fixtures';
import { repoRoot } from '../server';

/**
 * The JSON API of issue 5 over real HTTP against the built server (session cookie auth). Every test signs up its
 * own students, so attempts and the rate limit of one test never affect another.
 */

interface ApiError {
  error: { code: string; message: string };
}
interface SubmissionJson {
  id: string;
  status: 'queued' | 'running' | 'graded' | 'failed';
  score: number | null;
  passed: boolean | null;
  result: {
    fields?: { name: string; status: string }[];
    cases?: { name: string; hidden: boolean; passed: boolean }[];
    options?: { id: string; correct: boolean; selected: boolean; explanationHtml?: string }[];
  } | null;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** perceptron-forward's answer for a variant's givens, computed here in float64 (not by the grader's tfjs). */
function perceptronAnswer(p: { w0: number; W: number[]; x: number[] }): number {
  return sigmoid(p.w0 + p.W.reduce((s, w, i) => s + w * p.x[i]!, 0));
}

/** The first `digits` significant digits of a number as it would appear in JSON, e.g. 0.0024726 → "0.0024726". */
function leadingDigits(value: number, digits = 5): string {
  const text = String(value);
  const match = /^-?0?\.?0*/.exec(text)!;
  return text.slice(0, match[0].length + digits);
}

async function expectError(response: APIResponse, status: number, code: string, message: RegExp | string): Promise<ApiError> {
  expect(response.status(), await response.text()).toBe(status);
  expect(response.headers()['content-type']).toMatch(/application\/json/);
  const body = (await response.json()) as ApiError;
  expect(body.error.code).toBe(code);
  if (typeof message === 'string') expect(body.error.message).toBe(message);
  else expect(body.error.message).toMatch(message);
  return body;
}

async function submit(api: APIRequestContext, data: unknown): Promise<string> {
  const response = await api.post('/api/submissions', { data });
  expect(response.status(), await response.text()).toBe(202);
  const body = (await response.json()) as { id: string };
  expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
  expect(response.headers()['location']).toBe(`/api/submissions/${body.id}`);
  return body.id;
}

/** Polls GET /api/submissions/:id until graded or failed, as a script would. */
async function waitForGrade(api: APIRequestContext, id: string): Promise<SubmissionJson> {
  let last: SubmissionJson | undefined;
  await expect
    .poll(
      async () => {
        const response = await api.get(`/api/submissions/${id}`);
        expect(response.status()).toBe(200);
        last = (await response.json()) as SubmissionJson;
        return last.status;
      },
      { timeout: 90_000, intervals: [300, 500, 1000] },
    )
    .toMatch(/^(graded|failed)$/);
  return last!;
}

test.describe('API over HTTP (issue 5)', () => {
  test('without a session every endpoint answers 401 with a message', async ({ request }) => {
    const message = 'Sign in first: this API uses the session cookie of the site.';
    await expectError(await request.get('/api/exercises'), 401, 'not-signed-in', message);
    await expectError(await request.get('/api/exercises/perceptron-forward'), 401, 'not-signed-in', message);
    await expectError(
      await request.post('/api/submissions', { data: { exercise: 'perceptron-forward', answers: { y_hat: '0.5' } } }),
      401,
      'not-signed-in',
      message,
    );
    await expectError(await request.get(`/api/submissions/${randomUUID()}`), 401, 'not-signed-in', message);
    await expectError(
      await request.post('/api/preview', { data: { exercise: 'perceptron-forward', answers: { y_hat: '1' } } }),
      401,
      'not-signed-in',
      message,
    );
  });

  test('a student lists their exercises, submits (202), follows the submission until graded, and sees the status change', async ({
    page,
  }) => {
    await signUpStudent(page, 'Api Student');
    const api = page.request;

    const list = await api.get('/api/exercises');
    expect(list.status()).toBe(200);
    const listed = (await list.json()) as {
      course: { title: string; role: string };
      exercises: {
        slug: string;
        kind: string;
        status: string;
        attempts: number;
        maxAttempts: number | null;
        bestScore: number | null;
        dueAt: string | null;
      }[];
    };
    expect(listed.course).toMatchObject({ title: demo.courseTitle, role: 'student' });
    expect(listed.exercises.length).toBeGreaterThanOrEqual(20);
    const slugs = listed.exercises.map((e) => e.slug);
    for (const slug of ['perceptron-forward', 'mlp-forward-pass', 'backprop-mazur', 'mlp-forward-code', 'mlp-backprop-code']) {
      expect(slugs).toContain(slug);
    }
    for (const exercise of listed.exercises) {
      expect(exercise).toMatchObject({ status: 'not-started', attempts: 0, bestScore: null });
      expect(['numeric', 'code', 'choice', 'challenge']).toContain(exercise.kind);
      // Seeded due dates are at the end of a day.
      if (exercise.dueAt) expect(exercise.dueAt).toMatch(/T23:59:00\.000Z$/);
    }

    const variant = (await (await api.get('/api/exercises/perceptron-forward')).json()) as {
      params: { w0: number; W: number[]; x: number[] };
    };
    const id = await submit(api, { exercise: 'perceptron-forward', answers: { y_hat: perceptronAnswer(variant.params).toPrecision(6) } });

    // Straight after the 202 it is stored and not yet graded (or already graded on a fast machine).
    const first = (await (await api.get(`/api/submissions/${id}`)).json()) as SubmissionJson;
    expect(['queued', 'running', 'graded']).toContain(first.status);

    const graded = await waitForGrade(api, id);
    expect(graded).toMatchObject({ status: 'graded', score: 1, passed: true });
    expect(graded.result?.fields).toEqual([expect.objectContaining({ name: 'y_hat', status: 'correct' })]);

    const after = (await (await api.get('/api/exercises')).json()) as typeof listed;
    expect(after.exercises.find((e) => e.slug === 'perceptron-forward')).toMatchObject({ status: 'solved', attempts: 1, bestScore: 1 });

    // Scripts and LMS integrations send JSON numbers: stored as numbers, graded by value.
    const numberId = await submit(api, { exercise: 'perceptron-forward', answers: { y_hat: perceptronAnswer(variant.params) } });
    expect(await waitForGrade(api, numberId)).toMatchObject({ status: 'graded', score: 1, passed: true });

    // ?wait=N holds the POST until the grade is recorded (as the exercise page sends it): the answer is the submission
    // as GET gives it, at the Location to follow when the wait runs out first.
    const waited = await api.post('/api/submissions?wait=20', { data: { exercise: 'perceptron-forward', answers: { y_hat: '0.1' } } });
    expect(waited.status(), await waited.text()).toBe(202);
    const waitedBody = (await waited.json()) as SubmissionJson;
    expect(waitedBody).toMatchObject({ status: 'graded', score: 0, passed: false });
    expect(waited.headers()['location']).toBe(`/api/submissions/${waitedBody.id}`);
    expect(waitedBody).toEqual(await (await api.get(`/api/submissions/${waitedBody.id}`)).json());
  });

  test('GET /api/exercises/:slug has the statement and the variant, never the reference, the solution or hidden cases', async ({
    page,
  }) => {
    await signUpStudent(page, 'Curious Student');
    const api = page.request;

    // Numeric: the givens, not the answer.
    const numeric = await api.get('/api/exercises/perceptron-forward');
    expect(numeric.status()).toBe(200);
    const numericText = await numeric.text();
    const perceptron = JSON.parse(numericText) as {
      kind: string;
      statementMarkdown: string;
      params: { w0: number; W: number[]; x: number[] };
      fields: { name: string }[];
    };
    expect(perceptron.kind).toBe('numeric');
    expect(perceptron.statementMarkdown.length).toBeGreaterThan(50);
    expect(perceptron.fields.map((f) => f.name)).toEqual(['y_hat']);
    const answer = perceptronAnswer(perceptron.params);
    // (ŷ = 0.5 when z = 0: too short a string to look for.)
    if (String(answer).length > 8) expect(numericText).not.toContain(leadingDigits(answer));
    for (const key of ['solution', 'values', 'reference', 'correct']) expect(numericText).not.toContain(`"${key}"`);

    // Choice: option texts, not which are correct nor their explanations.
    const choiceText = await (await api.get('/api/exercises/linear-activation-choice')).text();
    const choice = JSON.parse(choiceText) as { options: Record<string, unknown>[] };
    expect(choice.options.length).toBe(4);
    for (const option of choice.options) expect(Object.keys(option).sort()).toEqual(['id', 'text']);
    expect(choiceText).not.toContain('"correct"');
    expect(choiceText).not.toContain('"explanation"');
    expect(choiceText).not.toContain('A composition of linear maps is linear');

    // Code: starter, signature and sample cases; not the reference solution, nor any hidden case.
    const codeResponse = await api.get('/api/exercises/mlp-forward-code');
    const codeText = await codeResponse.text();
    const code = JSON.parse(codeText) as {
      starter: string;
      visibleCases: { name: string; hidden: boolean; expected: unknown }[];
      entries: { name: string }[];
    };
    expect(code.entries.map((e) => e.name)).toEqual(['forward']);
    expect(code.starter).toContain('export function forward');
    expect(code.visibleCases.length).toBeGreaterThan(0);
    for (const sample of code.visibleCases) {
      expect(sample.hidden).toBe(false);
      expect(sample.expected).toBeDefined();
    }
    for (const key of ['solutionSource', 'knownWrongSource', 'hiddenCases', 'reference']) expect(codeText).not.toContain(`"${key}"`);
    const solution = readFileSync(join(repoRoot, 'exercises', 'content', 'forward-pass', 'mlp-forward-code', 'solution.ts'), 'utf8');
    const solutionOnlyLines = solution
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length > 25 && !line.startsWith('//') && !line.startsWith('type ') && !code.starter.includes(line));
    expect(solutionOnlyLines.length).toBeGreaterThan(3);
    for (const line of solutionOnlyLines) expect(codeText).not.toContain(JSON.stringify(line).slice(1, -1));

    // The hidden cases exist (the grade lists them by name) but the exercise endpoint never named them.
    const graded = await waitForGrade(api, await submit(api, { exercise: 'mlp-forward-code', code: solution }));
    expect(graded).toMatchObject({ status: 'graded', score: 1 });
    const hiddenNames = (graded.result?.cases ?? []).filter((c) => c.hidden).map((c) => c.name);
    expect(hiddenNames.length).toBeGreaterThan(3);
    for (const name of new Set(hiddenNames)) {
      if (code.visibleCases.some((c) => c.name === name)) continue;
      expect(codeText).not.toContain(JSON.stringify(name));
    }
  });

  test('bad requests get 4xx with specific messages', async ({ page }) => {
    await signUpStudent(page, 'Careless Student');
    const api = page.request;
    // As raw bytes: Playwright would JSON-encode a string that is not valid JSON.
    const post = (data: string | object | Buffer) =>
      api.post('/api/submissions', {
        data: Buffer.isBuffer(data) ? data : Buffer.from(typeof data === 'string' ? data : JSON.stringify(data)),
        headers: { 'Content-Type': 'application/json' },
      });

    // A wait out of range is refused before anything is stored.
    const attempts = async () =>
      ((await (await api.get('/api/exercises')).json()) as { exercises: { slug: string; attempts: number }[] }).exercises.find(
        (e) => e.slug === 'perceptron-forward',
      )!.attempts;
    const before = await attempts();
    await expectError(
      await api.post('/api/submissions?wait=forever', { data: { exercise: 'perceptron-forward', answers: { y_hat: '0.5' } } }),
      400,
      'invalid-request',
      "wait must be a number of seconds from 0 to 30 (got 'forever').",
    );
    expect(await attempts()).toBe(before);
    await expectError(
      await post({ exercise: 'no-such-exercise', answers: { x: '1' } }),
      404,
      'unknown-exercise',
      `Unknown exercise 'no-such-exercise' in ${demo.courseTitle}.`,
    );
    await expectError(
      await api.get('/api/exercises/no-such-exercise'),
      404,
      'unknown-exercise',
      "Unknown exercise 'no-such-exercise' in your course.",
    );
    await expectError(
      await post({ exercise: 'mlp-forward-code', answers: { y_hat: '1' } }),
      400,
      'wrong-payload',
      "'mlp-forward-code' is a code exercise: send { exercise, code }.",
    );
    await expectError(
      await post({ exercise: 'perceptron-forward', code: 'export function f() { return 1; }' }),
      400,
      'wrong-payload',
      /'perceptron-forward' is a numeric exercise: send \{ exercise, answers/,
    );
    await expectError(
      await post({ exercise: 'perceptron-forward', answers: { nope: '1' } }),
      400,
      'wrong-payload',
      /Unknown field nope for 'perceptron-forward'/,
    );
    await expectError(
      await post({ exercise: 'linear-activation-choice', answers: { selected: ['maybe'] } }),
      400,
      'wrong-payload',
      /Unknown option maybe/,
    );
    await expectError(
      await post({ exercise: 'mlp-forward-code', code: `// ${'x'.repeat(150 * 1024)}` }),
      413,
      'code-too-large',
      /^Your code is 150\.0 kB \(153603 bytes\); the limit for 'mlp-forward-code' is 100 kB \(102400 bytes\)\.$/,
    );
    await expectError(
      await post({ exercise: 'perceptron-forward', answers: { y_hat: true } }),
      400,
      'invalid-request',
      'answers.y_hat: expected a number, as JSON (0.082) or as text ("0.082", "8.2e-2")',
    );
    await expectError(
      await post('{"exercise": "perceptron-forward", "answers": '),
      400,
      'invalid-request',
      /The request body is not valid JSON/,
    );
    await expectError(await post(''), 400, 'invalid-request', 'The request body is empty; send JSON.');
    await expectError(
      await post({ exercise: 'perceptron-forward', answers: { y_hat: '1' }, extra: true }),
      400,
      'invalid-request',
      /extra/,
    );
    await expectError(await post({ answers: { y_hat: '1' } }), 400, 'invalid-request', /^exercise: /);
    await expectError(
      await api.get('/api/submissions/not-a-uuid'),
      400,
      'invalid-request',
      "'not-a-uuid' is not a submission id (expected a UUID).",
    );
    const unknownId = randomUUID();
    await expectError(await api.get(`/api/submissions/${unknownId}`), 404, 'not-found', `No submission ${unknownId}.`);

    // Issue 12's malformed requests, as bytes on the wire.
    await expectError(await api.get('/api/exercises/%00'), 404, 'unknown-exercise', "Unknown exercise '\u0000' in your course.");
    await expectError(
      await post(
        Buffer.concat([
          Buffer.from('{"exercise":"perceptron-forward","answers":{"y_hat":"0.'),
          Buffer.from([0xc3, 0x28]),
          Buffer.from('"}}'),
        ]),
      ),
      400,
      'invalid-request',
      /^The request body is not valid UTF-8 \(first bad byte at offset 55\)/,
    );
    await expectError(
      await post({ exercise: 'perceptron-forward', answers: {} }),
      400,
      'wrong-payload',
      'No answers given: fill in at least one field (fields: y_hat).',
    );
    await expectError(
      await post('{"exercise":"perceptron-forward","answers":{"__proto__":"0.5"}}'),
      400,
      'invalid-request',
      'answers.__proto__: a key named __proto__ is not accepted.',
    );
    await expectError(
      await post({ exercise: 'perceptron-forward', answers: { y_hat: 'NaN' } }),
      400,
      'wrong-payload',
      'answers.y_hat: "NaN" is not accepted: give a finite number.',
    );
    await expectError(
      await post('{"exercise":"perceptron-forward","answers":{"y_hat":1e400}}'),
      400,
      'invalid-request',
      /^answers\.y_hat: expected a number/,
    );
    await expectError(
      await post('{"exercise":"perceptron-\\u0000"}'),
      400,
      'invalid-request',
      'exercise: text may not contain the NUL character (\\u0000).',
    );
    await expectError(
      await post(`{"code":"${'x'.repeat(1024 * 1024)}"}`),
      413,
      'body-too-large',
      /^The request body is 1048587 bytes; the limit is 1 MB/,
    );

    // None of these were stored: the student has used no attempt anywhere.
    const listed = (await (await api.get('/api/exercises')).json()) as { exercises: { attempts: number }[] };
    expect(listed.exercises.every((e) => e.attempts === 0)).toBe(true);
  });

  test('a 3-attempt choice exercise refuses the fourth submission (409)', async ({ page }) => {
    await signUpStudent(page, 'Persistent Student');
    const api = page.request;
    const listed = (await (await api.get('/api/exercises')).json()) as { exercises: { slug: string; maxAttempts: number | null }[] };
    expect(listed.exercises.find((e) => e.slug === 'learning-rate-effects')?.maxAttempts).toBe(3);

    const wrong = { exercise: 'learning-rate-effects', answers: { selected: ['small_overfits'] } };
    const ids = [await submit(api, wrong), await submit(api, wrong), await submit(api, wrong)];
    await expectError(
      await api.post('/api/submissions', { data: wrong }),
      409,
      'attempts-exhausted',
      "You have used all 3 attempts for 'learning-rate-effects'.",
    );
    // The refused one was not stored; the three stored ones are graded with per-option explanations.
    const graded = await waitForGrade(api, ids[2]!);
    expect(graded).toMatchObject({ status: 'graded', score: 0, passed: false });
    const chosen = graded.result?.options?.find((o) => o.id === 'small_overfits');
    expect(chosen).toMatchObject({ selected: true, correct: false });
    expect(chosen?.explanationHtml).toContain('capacity');
    const after = (await (await api.get('/api/exercises')).json()) as { exercises: { slug: string; attempts: number }[] };
    expect(after.exercises.find((e) => e.slug === 'learning-rate-effects')?.attempts).toBe(3);
  });

  test('too many submissions in a minute get 429 with Retry-After and a message saying when', async ({ page }) => {
    await signUpStudent(page, 'Hasty Student');
    const api = page.request;
    // The e2e servers run with the default limit, 5 submissions per 60 s (see e2e/server.ts).
    const body = { exercise: 'perceptron-forward', answers: { y_hat: '0.5' } };
    for (let i = 0; i < 5; i++) await submit(api, body);
    const refused = await api.post('/api/submissions', { data: body });
    const error = await expectError(
      refused,
      429,
      'rate-limited',
      /^Too many submissions: at most 5 per 60 s\. You can submit again in \d+ s\.$/,
    );
    const retryAfter = Number(refused.headers()['retry-after']);
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(error.error.message).toContain(`again in ${retryAfter} s`);
  });

  test("another student's submission is forbidden; the course instructor may read it", async ({ page, browser, playwright, server }) => {
    await signUpStudent(page, 'Owner Student');
    const id = await submit(page.request, { exercise: 'perceptron-forward', answers: { y_hat: '0.5' } });
    expect((await page.request.get(`/api/submissions/${id}`)).status()).toBe(200);

    const otherContext = await browser.newContext({ baseURL: server.baseURL });
    try {
      const other = await otherContext.newPage();
      await signUpStudent(other, 'Other Student');
      await expectError(await other.request.get(`/api/submissions/${id}`), 403, 'forbidden', 'This submission belongs to another student.');
    } finally {
      await otherContext.close();
    }

    const instructor = await playwright.request.newContext({ baseURL: server.baseURL });
    try {
      await apiSignIn(instructor, demo.instructor.email);
      const seen = await instructor.get(`/api/submissions/${id}`);
      expect(seen.status()).toBe(200);
      expect(((await seen.json()) as SubmissionJson).id).toBe(id);
    } finally {
      await instructor.dispose();
    }
  });

  test('POST /api/preview is 403 for a student and grades any variant for the instructor without storing it', async ({
    page,
    playwright,
    server,
  }) => {
    await signUpStudent(page, 'Sneaky Student');
    const canonicalAnswer = perceptronAnswer({ w0: 1, W: [3, -2], x: [-1, 2] });
    await expectError(
      await page.request.post('/api/preview', {
        data: { exercise: 'perceptron-forward', variant: 'canonical', answers: { y_hat: String(canonicalAnswer) } },
      }),
      403,
      'forbidden',
      `Only an instructor or a teaching assistant of ${demo.courseTitle} can preview its exercises.`,
    );

    const instructor = await playwright.request.newContext({ baseURL: server.baseURL });
    try {
      await apiSignIn(instructor, demo.instructor.email);
      const preview = await instructor.post('/api/preview', {
        data: { exercise: 'perceptron-forward', variant: 'canonical', answers: { y_hat: canonicalAnswer.toPrecision(4) } },
      });
      expect(preview.status(), await preview.text()).toBe(200);
      expect(await preview.json()).toMatchObject({ exercise: 'perceptron-forward', variant: 'canonical', score: 1, passed: true });
      // Another seed is graded on its own numbers, with feedback per field.
      const other = (await (
        await instructor.post('/api/preview', {
          data: { exercise: 'perceptron-forward', variant: 12345, answers: { y_hat: canonicalAnswer.toPrecision(4) } },
        })
      ).json()) as { variant: number; score: number; result: SubmissionJson['result'] };
      expect(other.variant).toBe(12345);
      expect(other.result?.fields?.[0]?.name).toBe('y_hat');
      await expectError(
        await instructor.post('/api/preview', { data: { exercise: 'perceptron-forward', variant: 'seven', answers: { y_hat: '1' } } }),
        400,
        'invalid-request',
        /variant/,
      );
      // The exercise endpoint takes the same choice of variant for an instructor (a student's query is ignored).
      const canonicalVariant = (await (await instructor.get('/api/exercises/perceptron-forward?variant=canonical')).json()) as {
        variant: unknown;
        params: unknown;
      };
      expect(canonicalVariant).toMatchObject({ variant: 'canonical', params: { w0: 1, W: [3, -2], x: [-1, 2] } });
      expect(
        ((await (await instructor.get('/api/exercises/perceptron-forward?variant=12345')).json()) as { variant: unknown }).variant,
      ).toBe(12345);
      await expectError(await instructor.get('/api/exercises/perceptron-forward?variant=seven'), 400, 'invalid-request', /variant/);
      const studentAsked = (await (await page.request.get('/api/exercises/perceptron-forward?variant=canonical')).json()) as {
        variant: unknown;
      };
      expect(typeof studentAsked.variant).toBe('number');

      // Nothing was stored for the instructor.
      const listed = (await (await instructor.get('/api/exercises')).json()) as { exercises: { slug: string; attempts: number }[] };
      expect(listed.exercises.find((e) => e.slug === 'perceptron-forward')?.attempts).toBe(0);
    } finally {
      await instructor.dispose();
    }
  });
});
