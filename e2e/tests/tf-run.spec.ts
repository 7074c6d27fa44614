import type { Page, Request } from '@playwright/test';
import { demo, expect, signIn, test } from '../fixtures';
import { replaceEditorCode, solution, tfExercise } from './tfExercise';

/** Every request of the page and its workers (the Run worker fetches tfjs chunks and the .wasm itself). */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  const record = (request: Request) => urls.push(request.url());
  page.context().on('request', record);
  return urls;
}

const scripts = (urls: string[]) => new Set(urls.filter((u) => /\.m?js(\?|$)/.test(new URL(u).pathname)));

test.describe('Run in the browser with TensorFlow.js (issue 5)', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('a student runs a tfjs solution on the probed backend and on wasm, all from our origin, then submits it', async ({
    page,
    snap,
    baseURL,
  }) => {
    test.setTimeout(300_000);
    const origin = new URL(baseURL!).origin;
    const requests = recordRequests(page);
    await signIn(page, demo.secondStudent.email);

    let plainRunScripts = new Set<string>();
    await test.step('a code exercise without tf: Run loads no tfjs and offers no backend', async () => {
      await page.getByRole('link', { name: 'Code the forward pass' }).click();
      await expect(page.getByRole('textbox', { name: 'Code editor' })).toBeAttached({ timeout: 30_000 });
      await expect(page.getByLabel('TensorFlow.js backend for Run')).toHaveCount(0);
      const before = requests.length;
      await page.getByRole('button', { name: 'Run' }).click();
      await expect(page.getByRole('region', { name: /Run in your browser/ }).getByRole('heading')).toHaveText(/sample cases pass/, {
        timeout: 60_000,
      });
      plainRunScripts = scripts(requests.slice(before));
    });

    let tfScripts = new Set<string>();
    await test.step('the tf exercise: Run probes the backends and passes on the fastest', async () => {
      await page.goto(`/exercises/${tfExercise.slug}`);
      await expect(page.getByRole('heading', { level: 1, name: tfExercise.title })).toBeVisible();
      await expect(page.getByRole('textbox', { name: 'Code editor' })).toBeAttached({ timeout: 30_000 });
      const backend = page.getByLabel('TensorFlow.js backend for Run');
      await expect(backend).toHaveValue('auto');
      await snap('tf exercise with the starter code');

      await replaceEditorCode(page, solution);
      const before = requests.length;
      await page.getByRole('button', { name: 'Run' }).click();
      const run = page.getByRole('region', { name: /Run in your browser/ });
      await expect(run.getByRole('heading')).toHaveText(/— 3\/3 sample cases pass/, { timeout: 120_000 });
      await expect(run.getByTestId('tf-backend')).toContainText(/ran on (cpu|wasm|webgl|webgpu) \(fastest in the probe\)/);
      const probe = (await run.getByTestId('tf-probe').textContent()) ?? '';
      expect(probe).toMatch(/cpu \d+\.\d ms/);
      expect(probe).toMatch(/wasm \d+\.\d ms/);
      console.log(`[tf-run] ${await run.getByTestId('tf-backend').textContent()}\n[tf-run] ${probe}`);
      await test
        .info()
        .attach('probe timings', { body: `${await run.getByTestId('tf-backend').textContent()}\n${probe}`, contentType: 'text/plain' });
      await snap('run passes on the probed backend');
      tfScripts = new Set([...scripts(requests.slice(before))].filter((u) => !plainRunScripts.has(u)));
      expect(tfScripts.size, 'tfjs is loaded as chunks of its own when Run needs it').toBeGreaterThan(0);
    });

    await test.step('switching to wasm runs there, passes, and is remembered', async () => {
      await page.getByLabel('TensorFlow.js backend for Run').selectOption('wasm');
      await page.getByRole('button', { name: 'Run' }).click();
      const run = page.getByRole('region', { name: /Run in your browser/ });
      await expect(run.getByTestId('tf-backend')).toContainText('ran on wasm (your choice)', { timeout: 120_000 });
      await expect(run.getByRole('heading')).toHaveText(/— 3\/3 sample cases pass/, { timeout: 120_000 });
      await snap('run passes on wasm');
      expect(await page.evaluate(() => localStorage.getItem('deltalab.tfBackend'))).toBe('wasm');
      expect(
        requests.some((u) => u.startsWith(`${origin}/tfjs/`) && u.endsWith('.wasm')),
        'the .wasm comes from /tfjs/ on our origin',
      ).toBe(true);
    });

    await test.step('submitting the same code gets full marks from the grader', async () => {
      await page.getByRole('button', { name: 'Submit', exact: true }).click();
      const status = page.getByRole('status').filter({ hasText: 'Latest submission' });
      await expect(status).toContainText('Score: 100% — passed', { timeout: 90_000 });
      await snap('tf submission passes');
    });

    await test.step('after a reload the backend choice is still wasm', async () => {
      await page.reload();
      await expect(page.getByLabel('TensorFlow.js backend for Run')).toHaveValue('wasm');
    });

    await test.step('other pages never load the tfjs chunks', async () => {
      const before = requests.length;
      await page.goto('/course');
      await expect(page.getByRole('heading', { level: 1, name: demo.courseTitle })).toBeVisible();
      await page.getByRole('link', { name: 'Code the forward pass' }).click();
      await expect(page.getByRole('textbox', { name: 'Code editor' })).toBeAttached({ timeout: 30_000 });
      await page.getByRole('button', { name: 'Run' }).click();
      await expect(page.getByRole('region', { name: /Run in your browser/ }).getByRole('heading')).toHaveText(/sample cases pass/, {
        timeout: 60_000,
      });
      const later = requests.slice(before);
      expect(later.filter((u) => tfScripts.has(u))).toEqual([]);
      expect(later.filter((u) => u.includes('/tfjs/'))).toEqual([]);
    });

    const foreign = requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(foreign, 'every request goes to our own origin (no CDN)').toEqual([]);
  });
});
