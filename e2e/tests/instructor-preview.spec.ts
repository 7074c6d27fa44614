import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { demo, expect, signIn, signUpStudent, test } from '../fixtures';
import { repoRoot } from '../server';

/** Issue 3: `canonical` (and any seed, and any student's variant) is selectable in the instructor's preview. */

const statement = (page: Page) => page.getByRole('article', { name: 'Exercise statement' });
const banner = (page: Page) => page.getByRole('region', { name: 'Preview', exact: true });

/** Reads the reference values the preview lists (field name → value as text). */
async function referenceValues(page: Page): Promise<Record<string, string>> {
  const reference = page.getByTestId('reference-answers');
  await reference.locator('summary').click();
  const rows = reference.locator('tr[data-field]');
  await expect(rows.first()).toBeVisible();
  const values: Record<string, string> = {};
  for (const row of await rows.all()) values[(await row.getAttribute('data-field'))!] = (await row.locator('td').nth(1).innerText()).trim();
  return values;
}

async function fillAnswers(page: Page, values: Record<string, string>): Promise<void> {
  const form = page.getByRole('form', { name: 'Your answers' });
  for (const [name, value] of Object.entries(values)) await form.locator(`#field-${name}`).fill(value);
}

test.describe('instructor preview (issue 3)', () => {
  test('the instructor previews an exercise on the canonical variant, a seed and a student’s variant, and checks the reference answers', async ({
    page,
    browser,
    server,
    snap,
  }) => {
    test.setTimeout(180_000);
    await signIn(page, demo.instructor.email);
    await page.getByRole('link', { name: 'Instructor', exact: true }).click();
    const previews = page.getByRole('list', { name: 'Exercise previews' });
    await expect(previews.getByRole('listitem').first()).toBeVisible();
    expect(await previews.getByRole('listitem').count()).toBeGreaterThanOrEqual(20);
    await snap('instructor page with exercise previews');

    await previews.getByRole('link', { name: 'Forward pass through a 3-2-2 network' }).click();
    await expect(page).toHaveURL(/\/exercises\/mlp-forward-pass\?variant=canonical$/);
    await expect(banner(page)).toContainText('the canonical variant (the numbers of the course notes)');
    // The notes' network: W(2) = [[0.1,0.2,0.6],[0.4,0.3,0.1]], input [3, 0, 1].
    await expect(statement(page)).toContainText('0.6');
    const canonicalStatement = (await statement(page).textContent())!;
    const canonical = await referenceValues(page);
    // z(2)_1 = 0.1·3 + 0.2·0 + 0.6·1 + 0.4 = 1.3 (the notes).
    expect(Number(canonical.z2_1)).toBeCloseTo(1.3, 5);
    await fillAnswers(page, canonical);
    await page.getByRole('button', { name: 'Submit answers' }).click();
    const status = page.getByRole('status').filter({ hasText: 'Latest submission' });
    await expect(status).toContainText('Score: 100% — passed', { timeout: 30_000 });
    await expect(page.getByRole('heading', { name: 'Preview checks (this page only, not stored)' })).toBeVisible();
    await expect(page.getByTestId('attempts')).toHaveText(
      'Preview: graded on this variant at once; nothing is stored and no attempt is used.',
    );
    await snap('canonical variant checked with the reference answers');

    await banner(page).getByLabel('Seed').fill('4242');
    await banner(page).getByRole('button', { name: 'Show seed' }).click();
    await expect(page).toHaveURL(/\?variant=4242$/);
    await expect(banner(page)).toContainText('the variant with seed 4242');
    await expect(statement(page)).not.toHaveText(canonicalStatement);
    await expect(page.getByText('Nothing checked yet.')).toBeVisible();
    const seeded = await referenceValues(page);
    expect(seeded.z2_1).not.toBe(canonical.z2_1);
    // The canonical answers are wrong on this seed; the feedback says so per field.
    await fillAnswers(page, canonical);
    await page.getByRole('button', { name: 'Submit answers' }).click();
    await expect(status).toContainText('Latest submission: graded', { timeout: 30_000 });
    await expect(page.getByRole('list', { name: 'Feedback per field' }).locator('li[data-field="z2_1"]')).toHaveAttribute(
      'data-status',
      'wrong',
    );
    await fillAnswers(page, seeded);
    await page.getByRole('button', { name: 'Submit answers' }).click();
    await expect(status).toContainText('Score: 100% — passed', { timeout: 30_000 });
    await expect(page.getByRole('list', { name: 'Submission history' }).getByRole('listitem')).toHaveCount(2);
    await snap('seed 4242 checked wrong then right');

    await banner(page)
      .getByLabel('As student')
      .selectOption({ label: `${demo.student.name} (${demo.student.email})` });
    await banner(page).getByRole('button', { name: 'Show', exact: true }).click();
    await expect(page).toHaveURL(/\?student=[0-9a-f-]{36}$/);
    await expect(banner(page)).toContainText(`${demo.student.name}’s variant (seed`);
    const previewedStatement = (await statement(page).textContent())!;
    await snap('as Student One');

    // Exactly what Student One sees on their own page.
    const studentContext = await browser.newContext({ baseURL: server.baseURL });
    try {
      const studentPage = await studentContext.newPage();
      await signIn(studentPage, demo.student.email);
      await studentPage.goto('/exercises/mlp-forward-pass');
      await expect(statement(studentPage)).toHaveText(previewedStatement);
      const seed = ((await (await studentPage.request.get('/api/exercises/mlp-forward-pass')).json()) as { variant: number }).variant;
      await expect(banner(page)).toContainText(`(seed ${seed})`);
    } finally {
      await studentContext.close();
    }
  });

  test('the instructor checks the reference solution of a code exercise in the preview', async ({ page, snap }) => {
    test.setTimeout(120_000);
    await signIn(page, demo.instructor.email);
    // A preview stores nothing: no draft either (it would become the instructor's own).
    const draftWrites: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/drafts' && request.method() !== 'GET') draftWrites.push(request.method());
    });
    await page.goto('/exercises/mlp-forward-code?variant=canonical');
    await expect(banner(page)).toBeVisible();
    const reference = page.getByTestId('reference-answers');
    await reference.locator('summary').click();
    const solution = readFileSync(join(repoRoot, 'exercises', 'content', 'forward-pass', 'mlp-forward-code', 'solution.ts'), 'utf8');
    await expect(reference.getByLabel('Reference solution')).toContainText('const e = z.map((v) => Math.exp(v - max));');
    await page.getByLabel('Plain text editor').check();
    await page.getByRole('textbox', { name: 'Code editor (plain text)' }).fill(solution);
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    const status = page.getByRole('status').filter({ hasText: 'Latest submission' });
    await expect(status).toContainText('Score: 100% — passed', { timeout: 60_000 });
    await expect(status.getByRole('list', { name: 'Results per test case' }).getByRole('listitem').filter({ hasText: 'FAIL' })).toHaveCount(
      0,
    );
    await snap('code exercise: the reference solution passes in the preview');
    // Well past the 1 s autosave delay.
    await page.waitForTimeout(1500);
    expect(draftWrites).toEqual([]);
  });

  test('a student who asks for another variant gets their own, and no preview', async ({ page, browser, server }) => {
    await signUpStudent(page, 'Curious Student');
    await page.goto('/exercises/perceptron-forward');
    const own = (await statement(page).textContent())!;
    for (const query of ['?variant=canonical', '?variant=4242', '?student=00000000-0000-4000-8000-000000000000']) {
      await page.goto(`/exercises/perceptron-forward${query}`);
      await expect(statement(page)).toHaveText(own);
      await expect(banner(page)).toHaveCount(0);
      await expect(page.getByTestId('reference-answers')).toHaveCount(0);
    }
    const variant = (await (await page.request.get('/api/exercises/perceptron-forward?variant=canonical')).json()) as {
      variant: unknown;
      params: { w0: number; W: number[]; x: number[] };
    };
    expect(typeof variant.variant).toBe('number');

    // The canonical statement differs from this student's (unless their seed drew the notes' numbers).
    const isCanonical = variant.params.w0 === 1 && variant.params.W.join() === '3,-2' && variant.params.x.join() === '-1,2';
    const instructorContext = await browser.newContext({ baseURL: server.baseURL });
    try {
      const instructorPage = await instructorContext.newPage();
      await signIn(instructorPage, demo.instructor.email);
      await instructorPage.goto('/exercises/perceptron-forward?variant=canonical');
      const canonicalText = (await statement(instructorPage).textContent())!;
      if (isCanonical) expect(canonicalText).toBe(own);
      else expect(canonicalText).not.toBe(own);
    } finally {
      await instructorContext.close();
    }
  });
});
