import { readFileSync } from 'node:fs';
import type { APIRequestContext } from '@playwright/test';
import { apiSignIn, demo, expect, signIn, signUpStudent, test } from '../fixtures';

/** Issue 11: authoring in the site, dashboards, regrade with a preview, the gradebook; only a course's instructors. */

const course = 'deep-learning-ffn';
const otherInstructor = 'instructor2@deltalab.test';
const someId = '00000000-0000-4000-8000-000000000000';

/** Every instructor route, as a request (method, path, body). */
const routes: { method: 'GET' | 'POST' | 'PUT'; path: string; data?: unknown }[] = [
  { method: 'GET', path: '/api/instructor/gradebook.csv' },
  { method: 'GET', path: '/api/instructor/submissions.csv' },
  { method: 'GET', path: '/api/instructor/overview' },
  { method: 'GET', path: '/api/instructor/exercises/mlp-forward-pass/stats' },
  { method: 'PUT', path: '/api/instructor/exercises/mlp-forward-pass/settings', data: { published: false } },
  { method: 'GET', path: '/api/instructor/exercises/mlp-forward-pass/archive' },
  { method: 'POST', path: '/api/instructor/regrade', data: { exercise: 'mlp-forward-pass', scope: 'exercise' } },
  { method: 'GET', path: '/api/instructor/regrade' },
  { method: 'GET', path: `/api/instructor/regrade/${someId}` },
  { method: 'POST', path: `/api/instructor/regrade/${someId}/apply`, data: { neverLower: true } },
  { method: 'POST', path: '/api/instructor/authoring', data: { kind: 'files', slug: 'intruder', files: { 'statement.md': 'x' } } },
  { method: 'POST', path: '/api/instructor/authoring/intruder/validate' },
  { method: 'POST', path: '/api/instructor/authoring/intruder/publish' },
  { method: 'POST', path: '/api/instructor/authoring/intruder/preview', data: { variant: 'canonical' } },
  { method: 'POST', path: '/api/instructor/authoring/import', data: 'not an archive' },
];

async function send(request: APIRequestContext, route: (typeof routes)[number], query = '') {
  const url = `${route.path}${query}`;
  const options = route.data === undefined ? {} : { data: route.data as string | object };
  return route.method === 'GET' ? request.get(url) : route.method === 'PUT' ? request.put(url, options) : request.post(url, options);
}

test.describe('instructor tools (issue 11)', () => {
  test('every instructor route refuses anonymous users, students and instructors of another course', async ({
    playwright,
    baseURL,
    page,
  }) => {
    test.setTimeout(120_000);
    const anonymous = await playwright.request.newContext({ baseURL });
    for (const route of routes) {
      const response = await send(anonymous, route, `?course=${course}`);
      expect(response.status(), `${route.method} ${route.path} anonymously`).toBe(401);
    }
    const student = await playwright.request.newContext({ baseURL });
    await apiSignIn(student, demo.student.email);
    const other = await playwright.request.newContext({ baseURL });
    await apiSignIn(other, otherInstructor);
    for (const route of routes) {
      for (const query of ['', `?course=${course}`]) {
        const response = await send(student, route, query);
        expect(response.status(), `${route.method} ${route.path}${query} as a student`).toBe(403);
      }
      const response = await send(other, route, `?course=${course}`);
      expect(response.status(), `${route.method} ${route.path} as an instructor of another course`).toBe(403);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
        new RegExp(`^Only an instructor (or a teaching assistant )?of ${demo.courseTitle}`),
      );
    }
    // The other instructor's own course answers them (and holds nobody of the demo course).
    const own = await other.get('/api/instructor/gradebook.csv');
    expect(own.status()).toBe(200);
    expect(await own.text()).not.toContain(demo.student.email);

    // Pages: anonymous → sign-in; a student → 403; the other instructor sees only their own course.
    await page.goto('/instructor/dashboard');
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Finstructor%2Fdashboard/);
    await signIn(page, demo.student.email);
    for (const path of [
      '/instructor/dashboard',
      '/instructor/exercises/mlp-forward-pass',
      '/instructor/authoring/new',
      '/instructor/regrades',
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), `${path} as a student`).toBe(403);
    }
    await Promise.all([anonymous.dispose(), student.dispose(), other.dispose()]);
  });

  test('create a numeric exercise, validate, preview, publish; a student submits; loosen a tolerance, regrade with a preview, apply; CSV', async ({
    page,
    browser,
    snap,
  }) => {
    test.setTimeout(300_000);
    const slug = `e2e-neuron-${Date.now().toString(36)}`;
    await signIn(page, demo.instructor.email);
    await page.goto('/instructor/authoring/new');
    await page.getByLabel('Slug', { exact: true }).fill(slug);
    await page.getByLabel('Title', { exact: true }).fill('One neuron (e2e)');
    await page.getByLabel('Summary', { exact: true }).fill('σ(wx + b) for one input.');
    await page.getByLabel('Field 1 digits').fill('4');
    // The statement's live preview renders KaTeX as it is typed.
    await expect(page.getByLabel('Statement preview').locator('.katex').first()).toBeVisible();
    await page.getByRole('button', { name: 'Validate' }).click();
    await expect(page.getByTestId('authoring-status')).toHaveText('Validation passed on the canonical variant and 20 others.', {
      timeout: 60_000,
    });
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await expect(page.getByTestId('draft-preview')).toContainText('w=0.5');
    await expect(page.getByTestId('draft-preview')).toContainText('Reference: y = ');
    await snap('validated and previewed on the canonical variant');
    await page.getByRole('button', { name: 'Publish' }).click();
    await expect(page.getByTestId('authoring-status')).toHaveText('Published version 1.');

    // A student submits 3 significant figures where 4 are asked.
    // A 3-figure answer that equals the 4-figure reference (0.731 for 0.7310) is right by design: a student whose
    // variant has that (1 in 10) is swapped for one whose 3 figures are wrong at 4.
    const signUpRegraded = async () => {
      const context = await browser.newContext();
      const newPage = await context.newPage();
      const signedUp = await signUpStudent(newPage, 'Regraded Student');
      const variant = (await (await newPage.request.get(`/api/exercises/${slug}`)).json()) as {
        params: { w: number; b: number; x: number };
      };
      const { w, b, x } = variant.params;
      return { context, page: newPage, student: signedUp, y: 1 / (1 + Math.exp(-(w * x + b))) };
    };
    let regraded = await signUpRegraded();
    for (let tries = 0; tries < 10 && Number(regraded.y.toPrecision(3)) === Number(regraded.y.toPrecision(4)); tries++) {
      await regraded.context.close();
      regraded = await signUpRegraded();
    }
    const { context: studentContext, page: studentPage, student, y } = regraded;
    expect(Number(y.toPrecision(3))).not.toBe(Number(y.toPrecision(4)));
    await studentPage.goto(`/exercises/${slug}`);
    await studentPage.getByRole('form', { name: 'Your answers' }).locator('#field-y').fill(y.toPrecision(3));
    await studentPage.getByRole('button', { name: 'Submit answers' }).click();
    await expect(studentPage.getByRole('status').filter({ hasText: 'Latest submission' })).toContainText('Score: 0%', { timeout: 30_000 });

    // The instructor sees it on the dashboard.
    await page.goto('/instructor/dashboard');
    await expect(page.getByTestId(`cell-${student.email}-${slug}`)).toContainText('0');
    await expect(page.getByTestId(`cell-${student.email}-${slug}`)).toContainText('×1');
    await snap('dashboard with the submission');

    // Loosen the tolerance: version 2.
    await page.goto(`/instructor/authoring/${slug}`);
    await page.getByLabel('Field 1 digits').fill('3');
    await page.getByRole('button', { name: 'Validate' }).click();
    await expect(page.getByTestId('authoring-status')).toHaveText('Validation passed on the canonical variant and 20 others.', {
      timeout: 60_000,
    });
    await page.getByRole('button', { name: 'Publish' }).click();
    await expect(page.getByTestId('authoring-status')).toHaveText('Published version 2.');

    // Regrade with a preview, then apply.
    await page.goto(`/instructor/exercises/${slug}`);
    await expect(page.getByTestId('exercise-figures')).toContainText('Students who tried1');
    await page.getByRole('button', { name: 'Regrade against the current version' }).click();
    await expect(page).toHaveURL(/\/instructor\/regrades\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('regrade-status')).toContainText('1 raised, 0 lowered', { timeout: 60_000 });
    const change = page.getByTestId(`change-${student.email}`);
    await expect(change).toContainText('+100 %');
    await expect(change).toContainText('y: wrong → correct');
    await snap('regrade preview');
    await expect(page.getByLabel('Never lower a score')).toBeChecked();
    await page.getByRole('button', { name: 'Apply regrade' }).click();
    await expect(page.getByRole('status')).toHaveText('Applied: 1 submission(s) changed.');

    // The student sees the change in their history.
    await studentPage.reload();
    await expect(studentPage.getByRole('list', { name: 'Submission history' })).toContainText('regraded');
    await expect(studentPage.getByRole('list', { name: 'Submission history' })).toContainText('0% → 100%');

    // The gradebook CSV.
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Gradebook CSV' }).click();
    const csv = readFileSync((await (await download).path())!, 'utf8');
    const [header, ...rows] = csv.trim().split('\r\n');
    expect(header!.startsWith('email,name,')).toBe(true);
    // Exercise columns, then one per assessment, then the total (the new exercise is in no assessment: it counts alone).
    const columns = header!.split(',');
    expect(columns.at(-1)).toBe('total');
    expect(columns.indexOf(slug)).toBeLessThan(columns.findIndex((c) => c.startsWith('assessment:')));
    const row = rows.find((r) => r.startsWith(`${student.email},`));
    expect(row, csv).toBeDefined();
    const cells = row!.split(',');
    expect(cells[columns.indexOf(slug)]).toBe('1');
    expect(cells.at(-1)).toBe('1');
    await studentContext.close();

    // The course's order: the new exercise (last) moves up one place.
    await page.goto('/instructor');
    const list = page.getByRole('list', { name: 'Exercise previews' }).getByRole('listitem');
    await expect(list.last()).toContainText('One neuron (e2e)');
    await page.getByRole('button', { name: 'Move One neuron (e2e) up' }).click();
    await expect(list.nth((await list.count()) - 2)).toContainText('One neuron (e2e)');
  });
});
