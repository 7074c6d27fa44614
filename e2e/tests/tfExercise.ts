import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { repoRoot } from '../server';

/** The exercise that uses TensorFlow.js, and its reference student solution (tf.variableGrads + assign). */
export const tfExercise = { slug: 'gradient-descent-tf-code', title: 'Gradient descent with TensorFlow.js' };
export const solution = readFileSync(join(repoRoot, 'exercises/content/gradient-descent/gradient-descent-tf-code/solution.ts'), 'utf8');

export async function replaceEditorCode(page: Page, code: string): Promise<void> {
  const editor = page.getByRole('code').filter({ has: page.getByRole('textbox', { name: 'Code editor' }) });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.evaluate((text) => navigator.clipboard.writeText(text), code);
  await page.keyboard.press('ControlOrMeta+V');
}
