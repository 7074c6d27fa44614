import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { demo, expect, signIn, test } from '../fixtures';
import { repoRoot } from '../server';

/** The givens of a student's mlp-forward-pass variant, as GET /api/exercises/:slug returns them. */
interface ForwardPassParams {
  x: number[];
  W2: number[][];
  b2: number[];
  W3: number[][];
  b3: number[];
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const layer = (W: number[][], b: number[], a: number[]) => W.map((row, i) => row.reduce((s, w, j) => s + w * a[j]!, b[i]!));

/** The right answers, computed independently of the grader's tfjs reference (plain float64). */
function forwardPassAnswers(p: ForwardPassParams): Record<string, number> {
  const z2 = layer(p.W2, p.b2, p.x);
  const a2 = z2.map(sigmoid);
  const z3 = layer(p.W3, p.b3, a2);
  const a3 = z3.map(sigmoid);
  return { z2_1: z2[0]!, z2_2: z2[1]!, a2_1: a2[0]!, a2_2: a2[1]!, z3_1: z3[0]!, z3_2: z3[1]!, a3_1: a3[0]!, a3_2: a3[1]! };
}

/**
 * A wrong z the grader can carry forward from, whatever this student's random variant is: not a trivial
 * value (0, ±1 are refused as upstream values, anti-gaming), and far enough from the right z that σ of it
 * is wrong too (σ saturates: σ(5.5) is within 0.5% of σ(5)). Variants have z in tenths, so z ± 0.5 can be 0 or ±1.
 */
function wrongNetInput(z: number): number {
  const candidates = [-z, z + 0.7, z - 0.7, z + 2.3, z - 2.3];
  const found = candidates.find(
    (w) =>
      [0, 1, -1].every((t) => Math.abs(w - t) > 0.05) &&
      Math.abs(w - z) > 0.01 * Math.max(1, Math.abs(z)) &&
      Math.abs(sigmoid(w) - sigmoid(z)) > 0.02 * sigmoid(z),
  );
  if (found === undefined) throw new Error(`no usable wrong value for z = ${z}`);
  return found;
}

const fieldNames = ['z2_1', 'z2_2', 'a2_1', 'a2_2', 'z3_1', 'z3_2', 'a3_1', 'a3_2'] as const;

/** The numeric inputs are labelled with the rendered math and the field's name, e.g. "z 1 ( 2 ) z2_1". */
const answerInput = (form: Locator, name: string) => form.getByRole('textbox', { name: new RegExp(` ${name}$`) });

/** Student-style sources that ship with the exercise: a correct one and one that forgets the biases. */
const codeExerciseDir = join(repoRoot, 'exercises', 'content', 'forward-pass', 'mlp-forward-code');
const correctCode = readFileSync(join(codeExerciseDir, 'solution.ts'), 'utf8');
const codeWithoutBiases = readFileSync(join(codeExerciseDir, 'known-wrong.ts'), 'utf8');

/** Replaces everything in the Monaco editor by pasting, as a student would (typing would trigger auto-closing). */
async function replaceEditorCode(page: Page, code: string): Promise<void> {
  const editor = page.getByRole('code').filter({ has: page.getByRole('textbox', { name: 'Code editor' }) });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.evaluate((text) => navigator.clipboard.writeText(text), code);
  await page.keyboard.press('ControlOrMeta+V');
}

test.describe('student flow (issue 5)', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('a demo student answers mlp-forward-pass wrong then right, fixes mlp-forward-code, runs it in the browser, and sees the history', async ({
    page,
    snap,
  }) => {
    test.setTimeout(240_000);
    await signIn(page, demo.student.email);
    await snap('course page');
    // Other specs may have the demo student solve something first (the PostgreSQL project shares one database).
    const solvedText = (await page.getByText(/^\d+ of \d+ exercises solved$/).textContent()) ?? '';
    const solvedBefore = Number(/^(\d+)/.exec(solvedText)![1]);
    const solvedNow = (more: number) => new RegExp(`^${solvedBefore + more} of \\d+ exercises solved$`);

    await test.step('mlp-forward-pass: a wrong answer gets per-field feedback', async () => {
      await page.getByRole('link', { name: 'Forward pass through a 3-2-2 network' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Forward pass through a 3-2-2 network' })).toBeVisible();
      const form = page.getByRole('form', { name: 'Your answers' });
      await expect(answerInput(form, 'z2_1')).toBeVisible();
      await expect(form.getByText('0 of 10 attempts used')).toBeVisible();
      // The rule, in the sentence the grader's feedback uses too.
      await expect(form.getByTestId('answer-rule')).toContainText(
        'Give 3 significant figures: correct means within half a unit of the 3rd figure.',
      );
      await snap('numeric exercise');

      // The page shows this student's variant; the API hands out the same numbers (never the answers).
      const response = await page.request.get('/api/exercises/mlp-forward-pass');
      expect(response.status()).toBe(200);
      const variant = (await response.json()) as { kind: string; params: ForwardPassParams; statementMarkdown: string };
      expect(variant.kind).toBe('numeric');
      expect(variant).not.toHaveProperty('solution');
      const right = forwardPassAnswers(variant.params);

      // A wrong z2_1, and a2_1 computed from it (the method is right): carried forward, not wrong.
      const wrongZ = wrongNetInput(right.z2_1!);
      const wrong: Record<string, number> = { ...right, z2_1: wrongZ, a2_1: sigmoid(wrongZ) };
      for (const name of fieldNames) await answerInput(form, name).fill(wrong[name]!.toPrecision(6));
      await snap('wrong answers typed');
      await form.getByRole('button', { name: 'Submit answers' }).click();

      await expect(form.getByRole('status')).toContainText('Latest submission: graded', { timeout: 60_000 });
      const feedback = form.getByRole('list', { name: 'Feedback per field' });
      // By data-field: "z2_1" is also a substring of a2_1's "carried from z2_1".
      const fieldFeedback = (name: string) => feedback.locator(`li[data-field="${name}"]`);
      await expect(fieldFeedback('z2_1')).toHaveAttribute('data-status', 'wrong');
      await expect(fieldFeedback('z2_1')).toContainText(/wrong/i);
      await expect(fieldFeedback('a2_1')).toHaveAttribute('data-status', 'carried');
      await expect(fieldFeedback('a2_1')).toContainText(/carried from z2_1/i);
      for (const name of ['z2_2', 'a2_2', 'z3_1', 'z3_2', 'a3_1', 'a3_2']) {
        await expect(fieldFeedback(name)).toHaveAttribute('data-status', 'correct');
      }
      await expect(answerInput(form, 'z2_1')).toHaveAttribute('aria-invalid', 'true');
      await expect(answerInput(form, 'z2_1')).toHaveAccessibleDescription(/wrong/i);
      await expect(answerInput(form, 'a2_1')).toHaveAccessibleDescription(/carried/i);
      await expect(form.getByRole('status')).not.toContainText('passed');
      await expect(form.getByText('1 of 10 attempts used')).toBeVisible();
      await snap('wrong answers graded');

      for (const name of fieldNames) await answerInput(form, name).fill(right[name]!.toPrecision(6));
      await form.getByRole('button', { name: 'Submit answers' }).click();
      await expect(form.getByRole('status')).toContainText('Score: 100% — passed', { timeout: 60_000 });
      await expect(feedback.locator('li[data-status="correct"]')).toHaveCount(fieldNames.length);
      await expect(form.getByText('2 of 10 attempts used')).toBeVisible();
      await snap('right answers graded');

      const history = page.getByRole('list', { name: 'Submission history' });
      await expect(history.getByRole('listitem')).toHaveCount(2);
      // Newest first: the right answers, then the wrong ones.
      await expect(history.getByRole('listitem').first()).toContainText('Graded');
      await expect(history.getByRole('listitem').first()).toContainText('100%');
      await history.getByRole('listitem').nth(1).locator('summary').click();
      await expect(history.getByRole('listitem').nth(1)).toContainText(wrong.z2_1!.toPrecision(6));
      await snap('numeric history with the first attempt opened');
    });

    await test.step('mlp-forward-code: Run shows per-case results, a failing submission gets a diagnosis', async () => {
      await page.getByRole('link', { name: `← ${demo.courseTitle}` }).click();
      await expect(page.getByRole('heading', { level: 1, name: demo.courseTitle })).toBeVisible();
      await expect(page.getByText(solvedNow(1))).toBeVisible();
      await snap('course page with one exercise solved');

      await page.getByRole('link', { name: 'Code the forward pass' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Code the forward pass' })).toBeVisible();
      await expect(page.getByRole('textbox', { name: 'Code editor' })).toBeAttached({ timeout: 30_000 });
      await snap('code exercise with the starter code');

      await replaceEditorCode(page, codeWithoutBiases);
      await page.getByRole('button', { name: 'Run' }).click();
      const run = page.getByRole('region', { name: /Run in your browser/ });
      await expect(run.getByRole('heading')).toHaveText(/— 0\/3 sample cases pass/, { timeout: 60_000 });
      await expect(run.getByRole('listitem')).toHaveCount(3);
      await expect(run.getByRole('listitem').filter({ hasText: 'notes 3-2-2 sigmoid network' })).toContainText('FAIL');
      await snap('run in the browser fails without biases');

      await page.getByRole('button', { name: 'Submit', exact: true }).click();
      const status = page.getByRole('status').filter({ hasText: 'Latest submission' });
      await expect(status).toContainText('Latest submission: graded', { timeout: 90_000 });
      await expect(status).toContainText('Diagnosis: Your result matches a forward pass without the biases');
      await expect(status).toContainText('Score: 0%');
      await expect(status.getByRole('list', { name: 'Results per test case' }).getByRole('listitem').first()).toContainText('FAIL');
      await snap('failing submission with its diagnosis');
    });

    await test.step('mlp-forward-code: the fixed code passes Run and the grader', async () => {
      await replaceEditorCode(page, correctCode);
      await page.getByRole('button', { name: 'Run' }).click();
      const run = page.getByRole('region', { name: /Run in your browser/ });
      await expect(run.getByRole('heading')).toHaveText(/— 3\/3 sample cases pass/, { timeout: 60_000 });
      await expect(run.getByRole('listitem').filter({ hasText: 'PASS' })).toHaveCount(3);
      await snap('run in the browser passes');

      await page.getByRole('button', { name: 'Submit', exact: true }).click();
      const status = page.getByRole('status').filter({ hasText: 'Latest submission' });
      await expect(status).toContainText('Score: 100% — passed', { timeout: 90_000 });
      await expect(status).not.toContainText('Diagnosis');
      await snap('passing submission');
    });

    await test.step('the history lists both code submissions with the code as submitted', async () => {
      const history = page.getByRole('list', { name: 'Submission history' });
      await expect(history.getByRole('listitem')).toHaveCount(2);
      const [passing, failing] = [history.getByRole('listitem').first(), history.getByRole('listitem').nth(1)];
      await expect(passing).toContainText('100%');
      await expect(failing).toContainText('0%');
      await failing.locator('summary').click();
      await expect(failing.getByText('Diagnosis: Your result matches a forward pass without the biases')).toBeVisible();
      await expect(failing.locator('pre')).toHaveText(codeWithoutBiases);
      await snap('code history with the failing attempt opened');

      // After a reload the history comes from the server, not from the page's state.
      await page.reload();
      await expect(page.getByRole('list', { name: 'Submission history' }).getByRole('listitem')).toHaveCount(2);
      await page.getByRole('link', { name: `← ${demo.courseTitle}` }).click();
      await expect(page.getByText(solvedNow(2))).toBeVisible();
      await snap('course page with both exercises solved');
    });
  });
});
