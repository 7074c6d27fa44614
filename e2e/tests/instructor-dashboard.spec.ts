import type { APIRequestContext, Page } from '@playwright/test';
import { expect, signIn, signUpStudent, test, demo } from '../fixtures';

/**
 * Issue 11: the dashboard's heat map sorts and filters, and a student's timeline shows each submission with its
 * answers and feedback. Two students of their own: one solves perceptron-forward, one answers it wrongly.
 */
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

async function submitAndWait(api: APIRequestContext, answer: (p: { w0: number; W: number[]; x: number[] }) => string): Promise<void> {
  const variant = (await (await api.get('/api/exercises/perceptron-forward')).json()) as {
    params: { w0: number; W: number[]; x: number[] };
  };
  const posted = await api.post('/api/submissions', {
    data: { exercise: 'perceptron-forward', answers: { y_hat: answer(variant.params) } },
  });
  expect(posted.status()).toBe(202);
  const { id } = (await posted.json()) as { id: string };
  await expect
    .poll(async () => ((await (await api.get(`/api/submissions/${id}?wait=10`)).json()) as { status: string }).status, { timeout: 60_000 })
    .toBe('graded');
}

async function rowOrder(page: Page, emails: string[]): Promise<string[]> {
  const ids = await page
    .locator('[data-testid^="overview-row-"]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')!.slice('overview-row-'.length)));
  return ids.filter((email) => emails.includes(email));
}

test('the heat map sorts by an exercise and filters by name; a student timeline shows answers and feedback', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const solverPage = await browser.newPage({ baseURL });
  const solver = await signUpStudent(solverPage, `Aa Solver ${Date.now()}`);
  await submitAndWait(solverPage.request, (p) => sigmoid(p.w0 + p.W.reduce((s, w, i) => s + w * p.x[i]!, 0)).toPrecision(6));
  const wrongPage = await browser.newPage({ baseURL });
  const wrong = await signUpStudent(wrongPage, `Zz Wrong ${Date.now()}`);
  await submitAndWait(wrongPage.request, () => '0.123');
  const emails = [solver.email, wrong.email];

  await signIn(page, demo.instructor.email);
  await page.goto('/instructor/dashboard');
  const table = page.getByRole('table', { name: 'Students by exercises' });
  await expect(table).toBeVisible();
  // By name (the default): Aa before Zz.
  await expect.poll(() => rowOrder(page, emails)).toEqual([solver.email, wrong.email]);
  // By perceptron-forward's score, descending on the second click: the solver first; ascending: the wrong one first.
  const column = table.getByRole('button', { name: /perceptron/i }).first();
  await column.click();
  const ascending = await rowOrder(page, emails);
  await column.click();
  const descending = await rowOrder(page, emails);
  expect(new Set([JSON.stringify(ascending), JSON.stringify(descending)])).toEqual(
    new Set([JSON.stringify([wrong.email, solver.email]), JSON.stringify([solver.email, wrong.email])]),
  );
  // Filter by name: only the matching student is left.
  await page.getByLabel('Filter students').fill('Zz Wrong');
  await expect.poll(() => rowOrder(page, emails)).toEqual([wrong.email]);

  // The wrong student's timeline: the answer and the field's feedback.
  await table.getByRole('link', { name: wrong.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: wrong.name })).toBeVisible();
  const submissions = page.getByRole('list', { name: 'Submissions' });
  await expect(submissions.getByRole('listitem').first()).toContainText('0.123');
  await expect(submissions).toContainText(/y_hat: wrong/);
  await solverPage.close();
  await wrongPage.close();
});
