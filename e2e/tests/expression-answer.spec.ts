import type { Page } from '@playwright/test';
import { expect, signUpStudent, test } from '../fixtures';

/** Types into the math field from the keyboard after clearing it, as a student would. */
async function typeInMathField(page: Page, keys: string) {
  const mathField = page.getByTestId('math-field-dsigma_dz');
  await mathField.click();
  // Select everything with MathLive's own command (a click may leave the caret inside a superscript), then delete.
  await mathField.evaluate((element) =>
    (element as HTMLElement & { executeCommand(command: string): boolean }).executeCommand('selectAll'),
  );
  await page.keyboard.press('Backspace');
  await expect(page.getByTestId('preview-dsigma_dz')).toContainText('nothing yet');
  await page.keyboard.type(keys, { delay: 30 });
}

test.describe('expression answers (issue 21)', () => {
  test('a student types σ′(z) in the math field, sees how it is read, submits, and gets the verdict', async ({ page, snap, baseURL }) => {
    test.setTimeout(180_000);
    const origin = new URL(baseURL!).origin;
    const elsewhere: string[] = [];
    const mathliveAssets: { url: string; status: number }[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(origin) && !request.url().startsWith('data:') && !request.url().startsWith('blob:'))
        elsewhere.push(request.url());
    });
    page.on('response', (response) => {
      if (response.url().includes('/mathlive/')) mathliveAssets.push({ url: response.url(), status: response.status() });
    });

    // A student of its own: the demo students' progress belongs to other tests.
    await signUpStudent(page);
    await page.goto('/exercises/sigmoid-derivative-expression');
    await expect(page.getByRole('heading', { level: 1, name: 'The derivative of the sigmoid, as a formula' })).toBeVisible();
    const form = page.getByRole('form', { name: 'Your answers' });
    const preview = page.getByTestId('preview-dsigma_dz');
    // MathLive arrives in its own chunk; the math field replaces the plain-text input.
    await expect(page.getByTestId('math-field-dsigma_dz')).toBeVisible({ timeout: 30_000 });
    await expect(preview).toContainText('nothing yet');

    await test.step('a wrong answer: the preview shows the reading, the verdict names where it differs', async () => {
      await typeInMathField(page, 'sigma(z)^2');
      await expect(preview.locator('.katex')).toBeVisible();
      await expect(preview).toContainText('σ');
      await snap('wrong answer typed, preview');
      await form.getByRole('button', { name: 'Submit answers' }).click();
      const feedback = page.locator('#dsigma_dz-feedback');
      await expect(feedback).toContainText('wrong', { timeout: 60_000 });
      await expect(feedback).toContainText('It differs at z =');
      await snap('wrong verdict');
    });

    await test.step('the right answer in the math field: preview, submit, correct', async () => {
      await typeInMathField(page, 'sigma(z)*(1-sigma(z))');
      await expect(preview.locator('.katex')).toBeVisible();
      // The preview is KaTeX of what the grader reads: σ(z)·(1 − σ(z)).
      await expect(preview.locator('.katex-mathml annotation')).toHaveText(
        '\\sigma\\left(z\\right) \\cdot \\left(1 - \\sigma\\left(z\\right)\\right)',
      );
      await snap('right answer typed, preview');
      await form.getByRole('button', { name: 'Submit answers' }).click();
      await expect(page.locator('#dsigma_dz-feedback')).toContainText('correct', { timeout: 60_000 });
      // (MathLive keeps a live region of its own: pick the page's.)
      await expect(form.getByRole('status').filter({ hasText: 'Latest submission' })).toContainText('Latest submission: graded');
      await snap('correct verdict');
    });

    await test.step('plain text: an unreadable answer is explained at once, refused, and uses no attempt', async () => {
      const attempts = await form.getByText(/\d+ of \d+ attempts used/).textContent();
      await page.getByRole('button', { name: 'Type as plain text instead' }).click();
      const input = form.getByRole('textbox', { name: /dsigma_dz/ });
      await input.fill('sigma(z)*(1-sigm(z))');
      await expect(preview).toContainText('Unknown function “sigm”: did you mean sigma?');
      await form.getByRole('button', { name: 'Submit answers' }).click();
      await expect(form.getByText(/answers\.dsigma_dz: Unknown function “sigm”/)).toBeVisible();
      await expect(form.getByText(/\d+ of \d+ attempts used/)).toHaveText(attempts!);
      await snap('refused plain text');
    });

    // MathLive's fonts and sounds directories point at our own copies (it fetches a font only when the page's KaTeX
    // fonts are not there already); whatever it asked for was served; nothing came from another origin.
    for (const file of ['fonts/KaTeX_Main-Regular.woff2', 'sounds/keypress-standard.wav']) {
      expect((await page.request.get(`/mathlive/${file}`)).status(), file).toBe(200);
    }
    expect(mathliveAssets.filter((a) => a.status !== 200)).toEqual([]);
    expect(elsewhere).toEqual([]);
  });
});
