import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { demo, expect, signIn, signUpStudent, test } from '../fixtures';
import { repoRoot } from '../server';

/** Issue 5's quality bar: every input labelled, keyboard-usable, visible focus, works at phone width. */

async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement!.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `page is ${scrollWidth}px wide in a ${innerWidth}px viewport`).toBeLessThanOrEqual(innerWidth);
}

/** Every form control has an accessible name (Chromium's own computation, via Playwright). */
async function expectEveryControlNamed(page: Page): Promise<void> {
  // Controls hidden from assistive technology (Monaco's IME helper: aria-hidden, tabindex -1) need no name.
  const controls = page.locator('input:not([type="hidden"]), select, textarea').and(page.locator(':not([aria-hidden="true"])'));
  const count = await controls.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const control = controls.nth(i);
    const describe = await control.evaluate((el) => el.outerHTML.slice(0, 160));
    await expect(control, `unnamed control: ${describe}`).toHaveAccessibleName(/\S/);
  }
}

/**
 * The focused element shows a focus indicator: compared with the same element unfocused, it has a visible outline
 * or a different box-shadow (ring). Inputs carry a shadow anyway, so "has a shadow" alone would prove nothing.
 */
async function expectVisibleFocus(page: Page): Promise<void> {
  const focus = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const look = () => {
      const style = getComputedStyle(el);
      return {
        outline:
          style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
            ? `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`
            : 'none',
        shadow: style.boxShadow,
      };
    };
    const focusVisible = el.matches(':focus-visible');
    const focused = look();
    el.blur();
    const unfocused = look();
    el.focus();
    return { what: el.outerHTML.slice(0, 120), focusVisible, focused, unfocused };
  });
  expect(focus, 'nothing is focused').not.toBeNull();
  const { what, focusVisible, focused, unfocused } = focus!;
  expect(focusVisible, what).toBe(true);
  const outlined = focused.outline !== 'none' && focused.outline !== unfocused.outline;
  const ringed = focused.shadow !== unfocused.shadow;
  expect(outlined || ringed, `no focus indicator on ${what}: ${JSON.stringify({ focused, unfocused })}`).toBe(true);
}

const codeExerciseDir = join(repoRoot, 'exercises', 'content', 'forward-pass', 'mlp-forward-code');
const codeWithoutBiases = readFileSync(join(codeExerciseDir, 'known-wrong.ts'), 'utf8');

test.describe('phone width (375×812)', () => {
  test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

  test('a training challenge fits without horizontal scrolling, and every control (code and form mode) is named', async ({
    page,
    snap,
  }) => {
    await signUpStudent(page, 'Phone Challenger');
    await page.goto('/exercises/moons-challenge');
    await expect(page.getByRole('heading', { level: 1, name: 'Challenge: two moons' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Code editor' })).toBeAttached({ timeout: 30_000 });
    await expect(page.getByTestId('leaderboard')).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectEveryControlNamed(page);
    await page.getByRole('tab', { name: 'Form' }).click();
    await expect(page.getByTestId('model-form')).toBeVisible();
    await expectEveryControlNamed(page);
    await expectNoHorizontalScroll(page);
    await snap('challenge at phone width');
  });

  test('course home, a numeric and a code exercise fit without horizontal scrolling', async ({ page, snap }) => {
    await signUpStudent(page, 'Phone Student');
    await expectNoHorizontalScroll(page);
    await snap('course home at phone width');

    await page.goto('/exercises/mlp-forward-pass');
    await expect(page.getByRole('heading', { level: 1, name: 'Forward pass through a 3-2-2 network' })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await snap('numeric exercise at phone width');

    await page.goto('/exercises/mlp-forward-code');
    await expect(page.getByRole('textbox', { name: 'Code editor' })).toBeAttached({ timeout: 30_000 });
    await expectNoHorizontalScroll(page);
    await snap('code exercise at phone width');

    await page.goto('/exercises/linear-activation-choice');
    await expect(page.getByRole('heading', { level: 1, name: 'Why non-linear activations?' })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await snap('choice exercise at phone width');
  });

  test('the instructor preview fits too', async ({ page, snap }) => {
    await signIn(page, demo.instructor.email);
    await page.goto('/instructor');
    await expectNoHorizontalScroll(page);
    await page.goto('/exercises/backprop-mazur?variant=canonical');
    await expect(page.getByRole('region', { name: 'Preview', exact: true })).toBeVisible();
    // A field that needs more figures says so, under its input.
    await expect(page.locator('#field-w1_new')).toHaveAccessibleDescription(
      /^Give 6 significant figures: correct means within half a unit of the 6th figure\. w₁ changes only in the 4th decimal\.$/,
    );
    await expectNoHorizontalScroll(page);
    await snap('instructor preview at phone width');
  });
});

test.describe('keyboard and labels', () => {
  test('keyboard only: Tab through the numeric answers with a visible focus, and submit with Enter', async ({ page, snap }) => {
    await signUpStudent(page, 'Keyboard Student');
    await page.goto('/exercises/mlp-forward-pass');
    const form = page.getByRole('form', { name: 'Your answers' });
    const inputs = form.getByRole('textbox');
    await expect(inputs).toHaveCount(8);

    // From the top of the page, Tab until the first answer field: nothing before it traps the focus.
    const firstId = await inputs.first().getAttribute('id');
    let presses = 0;
    while ((await page.evaluate(() => document.activeElement?.id)) !== firstId) {
      await page.keyboard.press('Tab');
      presses += 1;
      expect(presses, 'the first answer field is never reached with Tab').toBeLessThan(40);
      if (presses === 1) await expectVisibleFocus(page); // the skip link
    }

    // Each field in order, typed from the keyboard.
    for (let i = 0; i < 8; i++) {
      await expect(inputs.nth(i)).toBeFocused();
      await expectVisibleFocus(page);
      await page.keyboard.type('0.5');
      await page.keyboard.press('Tab');
    }
    const submit = form.getByRole('button', { name: 'Submit answers' });
    await expect(submit).toBeFocused();
    await expectVisibleFocus(page);
    await snap('submit button focused from the keyboard');
    await page.keyboard.press('Enter');
    await expect(form.getByRole('status')).toContainText('Latest submission: graded', { timeout: 60_000 });
    await expect(form.getByText('1 of 10 attempts used')).toBeVisible();

    // Enter inside a field submits the form as well.
    await inputs.first().focus();
    await page.keyboard.press('Enter');
    await expect(form.getByText('2 of 10 attempts used')).toBeVisible({ timeout: 60_000 });
    await expect(form.getByRole('status')).toContainText('Latest submission: graded', { timeout: 60_000 });
    await snap('submitted with the keyboard');
  });

  test('every input, select and textarea has an accessible name', async ({ page }) => {
    await page.goto('/signin');
    await expectEveryControlNamed(page);
    await page.goto('/signup');
    await expectEveryControlNamed(page);
    await signUpStudent(page, 'Labelled Student');
    for (const slug of ['mlp-forward-pass', 'backprop-mazur', 'linear-activation-choice', 'learning-rate-effects']) {
      await page.goto(`/exercises/${slug}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectEveryControlNamed(page);
    }
    await page.goto('/exercises/mlp-forward-code');
    await expect(page.getByRole('textbox', { name: 'Code editor' })).toBeAttached({ timeout: 30_000 });
    await expectEveryControlNamed(page);
    await page.getByLabel('Plain text editor').check();
    await expectEveryControlNamed(page);
  });

  test('the instructor preview’s controls are labelled', async ({ page }) => {
    await signIn(page, demo.instructor.email);
    await page.goto('/exercises/mlp-forward-pass?variant=canonical');
    await expectEveryControlNamed(page);
    await expect(page.getByLabel('Seed')).toBeVisible();
    await expect(page.getByLabel('As student')).toBeVisible();
  });
});

test.describe('choice and history flows', () => {
  test('a wrong choice gets an explanation for every option', async ({ page, snap }) => {
    await signUpStudent(page, 'Choosy Student');
    await page.getByRole('link', { name: 'Why non-linear activations?' }).click();
    const options = page.getByRole('group', { name: 'Choose all that apply' });
    await expect(options.getByRole('checkbox')).toHaveCount(4);
    await options.getByLabel('Adding hidden layers with linear activations lets the network separate the two moons.').check();
    await options.getByLabel(/However many layers it has/).check();
    await snap('two options chosen, one of them wrong');
    await page.getByRole('button', { name: 'Submit answer' }).click();

    const status = page.getByRole('status').filter({ hasText: 'Latest submission' });
    await expect(status).toContainText('Latest submission: graded', { timeout: 60_000 });
    await expect(status).not.toContainText('passed');
    const explanations = status.getByRole('list', { name: 'Explanations per option' }).getByRole('listitem');
    await expect(explanations).toHaveCount(4);
    const explanation = (id: string) => explanations.and(page.locator(`[data-option="${id}"]`));
    // Each option is named by its text, as the student saw it.
    await expect(explanation('depth_helps')).toContainText(
      'Adding hidden layers with linear activations lets the network separate the two moons.',
    );
    await expect(explanation('depth_helps')).toContainText('Your choice — not correct.');
    await expect(explanation('depth_helps')).toContainText('The decision boundary stays a straight line');
    await expect(explanation('collapses')).toContainText('Your choice — a correct option.');
    await expect(explanation('monotonic')).toContainText('Not chosen — a correct option.');
    await expect(explanation('monotonic')).toContainText('XOR is not monotonic');
    await expect(explanation('relu_linear')).toContainText('ReLU is piecewise linear');
    // KaTeX was rendered on the server.
    await expect(explanation('relu_linear').locator('.katex').first()).toBeVisible();
    await expect(page.getByText('1 of 3 attempts used')).toBeVisible();
    await snap('per-option explanations');
  });

  test('an earlier code submission is restored into the editor from the history', async ({ page, snap }) => {
    test.setTimeout(120_000);
    await signUpStudent(page, 'Restoring Student');
    const submitted = await page.request.post('/api/submissions', { data: { exercise: 'mlp-forward-code', code: codeWithoutBiases } });
    expect(submitted.status()).toBe(202);

    await page.goto('/exercises/mlp-forward-code');
    await expect(page.getByRole('textbox', { name: 'Code editor' })).toBeAttached({ timeout: 30_000 });
    const editorLines = page.locator('.monaco-editor .view-lines');
    await expect(editorLines).toContainText('z = W·a + b, then apply layer.activation');

    const history = page.getByRole('list', { name: 'Submission history' });
    await expect(history.getByRole('listitem')).toHaveCount(1);
    await expect(history.getByRole('listitem').first()).toContainText('Graded', { timeout: 60_000 });
    await history.getByRole('listitem').first().locator('summary').click();
    await history.getByRole('button', { name: 'Restore this code' }).click();

    await expect(page.getByTestId('draft-status')).toContainText('Restored the code of an earlier submission');
    await expect(editorLines).toContainText('A known-wrong student solution: leaves out the biases');
    await expect(editorLines).not.toContainText('z = W·a + b, then apply layer.activation');
    await snap('earlier code restored into the editor');
    // The editor holds exactly the code as submitted.
    await page.getByLabel('Plain text editor').check();
    await expect(page.getByRole('textbox', { name: 'Code editor (plain text)' })).toHaveValue(codeWithoutBiases);
  });
});
