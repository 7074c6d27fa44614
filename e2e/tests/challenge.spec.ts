import type { APIRequestContext, Browser } from '@playwright/test';
import { apiSignIn, demo, expect, signIn, signUpStudent, test } from '../fixtures';

const slug = 'moons-challenge';
// A seed the starter network trains to ≥ 99 % on moons with, op by op and compiled alike.
const GOOD_SEED = '20261130';

/** A one-layer logistic model by hand, in the upload format (a worse entry than the trained network). */
function logisticModel(weights: number[]) {
  return {
    modelTopology: {
      class_name: 'Sequential',
      config: {
        name: 'sequential_1',
        layers: [
          {
            class_name: 'Dense',
            config: {
              units: 1,
              activation: 'sigmoid',
              use_bias: true,
              name: 'dense_Dense1',
              batch_input_shape: [null, 2],
              dtype: 'float32',
            },
          },
        ],
      },
      keras_version: 'tfjs-layers 4.22.0',
      backend: 'tensor_flow.js',
    },
    weightSpecs: [
      { name: 'dense_Dense1/kernel', shape: [2, 1], dtype: 'float32' },
      { name: 'dense_Dense1/bias', shape: [1], dtype: 'float32' },
    ],
    weightData: Buffer.from(new Float32Array(weights).buffer).toString('base64'),
  };
}

const provenance = {
  code: '// by hand',
  backend: 'cpu',
  epochs: 1,
  seed: 1,
  trainingMs: 1,
  trainAccuracy: 0.8,
  curve: [{ epoch: 1, loss: 0.5, accuracy: 0.8 }],
};

async function instructorApi(browser: Browser, baseURL: string): Promise<APIRequestContext> {
  const context = await browser.newContext({ baseURL });
  await apiSignIn(context.request, demo.instructor.email);
  return context.request;
}

test.describe('training challenges (issue 10)', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('a student trains the starter on moons in the browser, submits it, and the board, the refusals, the reveal and the final picks work', async ({
    page,
    snap,
    browser,
    baseURL,
  }) => {
    test.setTimeout(420_000);
    const instructor = await instructorApi(browser, baseURL!);
    // three entries a day for this run: the refusal of a fourth is part of the test
    const limit = await instructor.put(`/api/challenges/${slug}/settings`, {
      data: { deadline: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(), entriesPerDay: 3 },
    });
    expect(limit.status(), await limit.text()).toBe(200);

    const student = await signUpStudent(page, 'Challenge Student');
    const alias = `Moon Walker ${Date.now() % 100000}`;

    await test.step('the challenge page: statement, rules, the starter in the editor, a name for the board', async () => {
      await page.getByRole('link', { name: 'Challenge: two moons' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Challenge: two moons' })).toBeVisible();
      await expect(page.getByTestId('challenge-rules')).toContainText('3 of 3 entries left today');
      await expect(page.getByRole('textbox', { name: 'Code editor' })).toBeAttached({ timeout: 30_000 });
      await page.getByLabel('Your name on the board').fill(alias);
      await page.getByRole('button', { name: 'Save name' }).click();
      await expect(page.getByText(`The board shows you as ${alias}.`)).toBeVisible();
      // the baselines are on the board from the start
      await expect(page.getByTestId('leaderboard')).toContainText('Logistic regression (baseline)');
      await expect(page.getByTestId('leaderboard')).toContainText("The notes' network (baseline)");
      await snap('challenge page');
    });

    await test.step('the form mode writes the same tfjs code', async () => {
      await page.getByRole('tab', { name: 'Form' }).click();
      await page.getByText('The code this form writes').click();
      await expect(page.getByTestId('form-code')).toContainText(
        "model.add(tf.layers.dense({ units: 4, inputShape: [2], activation: 'tanh' }));",
      );
      await expect(page.getByTestId('form-code')).toContainText("activation: 'sigmoid'");
      await snap('form mode');
      await page.getByRole('tab', { name: 'Code' }).click();
      await expect(page.getByRole('textbox', { name: 'Code editor' })).toBeAttached({ timeout: 30_000 });
    });

    await test.step('training in the browser, op by op: backend, progress, curves, boundary; never a software GPU', async () => {
      await page.getByLabel('Compiled training step').uncheck();
      // A recorded seed: a drawn one can leave the starter network at ~91 % on moons (seen once in CI).
      await page.getByLabel('Seed').fill(GOOD_SEED);
      await page.getByRole('button', { name: 'Train' }).click();
      await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();
      await expect(page.getByTestId('train-progress')).toContainText(/Epoch \d+ of 300/, { timeout: 120_000 });
      await expect(page.getByTestId('training-charts')).toBeVisible();
      await expect(page.getByRole('img', { name: 'Decision boundary over the training points' })).toBeVisible();
      await snap('training');
      const summary = page.getByTestId('trained-summary');
      await expect(summary).toContainText('Trained 300 epochs', { timeout: 180_000 });
      const backendLine = (await page.getByTestId('train-backend').textContent()) ?? '';
      console.log(`[challenge] ${backendLine}\n[challenge] ${await summary.textContent()}`);
      const chosen = /Training on (\w+)/.exec(backendLine)![1]!;
      await expect(summary).toContainText(`on ${chosen}, op by op (the compiled step was turned off)`);
      // the probe's verdict on each GPU backend: a software one is never the automatic choice
      if (new RegExp(`${chosen} [\\d.]+ ms \\(software`).test(backendLine)) throw new Error(`a software GPU was picked: ${backendLine}`);
      const accuracy = Number(/training accuracy ([\d.]+) %/.exec((await summary.textContent()) ?? '')![1]);
      expect(accuracy).toBeGreaterThanOrEqual(99);
    });

    await test.step('training again with the compiled training step (the default): the same network, the same accuracy', async () => {
      await page.getByLabel('Compiled training step').check();
      await page.getByRole('button', { name: 'Train' }).click();
      const summary = page.getByTestId('trained-summary');
      await expect(summary).toContainText(
        'Trained 300 epochs with the compiled training step (2-4-2-1 tanh, tanh, sigmoid; Adam; binaryCrossentropy)',
        { timeout: 120_000 },
      );
      console.log(`[challenge] ${await summary.textContent()}`);
      await expect(summary).toContainText(`(seed ${GOOD_SEED})`);
      expect(Number(/training accuracy ([\d.]+) %/.exec((await summary.textContent()) ?? '')![1])).toBeGreaterThanOrEqual(99);
      await expect(page.getByTestId('train-progress')).toContainText('Epoch 300 ·');
      // a bad seed is refused with its message; an empty one draws a new one (that run's accuracy is the draw's)
      await page.getByLabel('Seed').fill('12.5');
      await page.getByRole('button', { name: 'Train' }).click();
      await expect(page.getByTestId('train-error')).toHaveText(
        'Seed: a whole number from 0 to 4294967295, or empty for a new one each run.',
      );
      await page.getByLabel('Seed').fill('');
      await page.getByRole('button', { name: 'Train' }).click();
      await expect(summary, 'the last run is cleared while training').toBeHidden();
      await expect(summary).toContainText('Trained 300 epochs with the compiled training step', { timeout: 120_000 });
      expect(/\(seed (\d+)\)/.exec((await summary.textContent()) ?? '')![1]).not.toBe(GOOD_SEED);
      // a seed typed in repeats a run exactly (and the model submitted below is the recorded seed's)
      const seeded = async () => {
        await page.getByLabel('Seed').fill(GOOD_SEED);
        await page.getByRole('button', { name: 'Train' }).click();
        await expect(summary, 'the last run is cleared while training').toBeHidden();
        await expect(summary).toContainText(`(seed ${GOOD_SEED})`, { timeout: 120_000 });
        return ((await summary.textContent()) ?? '').replace(/ in [\d.]+ s/, '').replace(/after [\d.]+ s/, '');
      };
      const first = await seeded();
      expect(await seeded()).toBe(first);
      await snap('trained');
    });

    await test.step('submitting: scored on the hidden test set, the server’s training accuracy next to the browser’s, on the board', async () => {
      await page.getByRole('button', { name: 'Submit this model' }).click();
      const entries = page.getByTestId('entries');
      await expect(entries.getByRole('row').nth(1)).toContainText(/scored(?! on the hidden)/, { timeout: 90_000 });
      const row = (await entries.getByRole('row').nth(1).textContent()) ?? '';
      const [publicScore, serverTrain, browserTrain] = [...row.matchAll(/([\d.]+) %/g)].map((m) => Number(m[1]));
      expect(publicScore).toBeGreaterThanOrEqual(95);
      expect(serverTrain).toBeGreaterThanOrEqual(98);
      expect(browserTrain).toBeGreaterThanOrEqual(99);
      expect(row, 'the entry records how it was trained').toContain('compiled');
      const board = page.getByTestId('leaderboard');
      const mine = board.getByRole('row').filter({ hasText: `${alias} (you)` });
      await expect(mine).toBeVisible();
      const boardScore = Number(/([\d.]+) %/.exec((await mine.textContent()) ?? '')![1]);
      expect(boardScore).toBeGreaterThanOrEqual(95);
      await expect(page.getByTestId('entries-left')).toContainText('2 of 3 entries left today');
      await snap('on the board');
    });

    await test.step('bad uploads are refused with their message, and nothing is stored', async () => {
      const api = page.request;
      const post = (data: unknown, raw?: string) =>
        api.post(
          `/api/challenges/${slug}/entries`,
          raw === undefined ? { data } : { data: Buffer.from(raw), headers: { 'Content-Type': 'application/json' } },
        );
      const message = async (response: Awaited<ReturnType<typeof post>>) =>
        ((await response.json()) as { error: { message: string } }).error.message;

      let response = await post(undefined, '{ not json');
      expect(response.status()).toBe(400);
      expect(await message(response)).toMatch(/^The request body is not valid JSON/);
      response = await post(undefined, '"a string"');
      expect(await message(response)).toBe('The body must be a JSON object: { model, provenance }.');

      const nan = logisticModel([1, 2, 0]);
      nan.weightData = Buffer.from(new Float32Array([1, Number.NaN, 0]).buffer).toString('base64');
      response = await post({ model: nan, provenance });
      expect(response.status()).toBe(400);
      expect(await message(response)).toMatch(
        /model.weightData: weight 0 \(dense_Dense1\/kernel\) holds NaN at index 1: every weight must be finite\./,
      );

      const conv = logisticModel([1, 2, 0]);
      conv.modelTopology.config.layers[0]!.class_name = 'Conv2D';
      response = await post({ model: conv, provenance });
      expect(await message(response)).toBe(
        'model layer 1 (Conv2D): Conv2D layers are not allowed in this challenge (allowed: Dense, Dropout).',
      );

      const wrongShape = logisticModel([1, 2, 0]);
      wrongShape.weightSpecs[0]!.shape = [1, 2];
      response = await post({ model: wrongShape, provenance });
      expect(await message(response)).toBe('model.weightSpecs.0 (dense_Dense1/kernel): shape [1, 2], the layers need [2, 1].');

      response = await post({ model: { ...logisticModel([1, 2, 0]), padding: 'x'.repeat(300 * 1024) }, provenance });
      expect(await message(response)).toMatch(/^The model is \d+ kB; this challenge accepts at most 256 kB\.$/);

      const entries = (await (await api.get(`/api/challenges/${slug}/entries`)).json()) as { entries: unknown[] };
      expect(entries.entries).toHaveLength(1);
    });

    let linearId = '';
    await test.step('a second, worse entry (by API) is marked final; a fourth entry today is refused', async () => {
      const api = page.request;
      const linear = await api.post(`/api/challenges/${slug}/entries`, { data: { model: logisticModel([1, -3, 0.5]), provenance } });
      expect(linear.status(), await linear.text()).toBe(202);
      linearId = ((await linear.json()) as { id: string }).id;
      await expect
        .poll(async () => ((await (await api.get(`/api/challenges/${slug}/entries/${linearId}`)).json()) as { status: string }).status, {
          timeout: 60_000,
        })
        .toBe('graded');
      const scored = (await (await api.get(`/api/challenges/${slug}/entries/${linearId}`)).json()) as {
        publicScore: number;
        trainScore: number;
        privateScore?: number;
      };
      expect(scored.publicScore).toBeLessThan(0.95);
      expect(scored.privateScore, 'no private score before the deadline').toBeUndefined();
      const third = await api.post(`/api/challenges/${slug}/entries`, { data: { model: logisticModel([1, -2, 0]), provenance } });
      expect(third.status()).toBe(202);
      const fourth = await api.post(`/api/challenges/${slug}/entries`, { data: { model: logisticModel([1, -2, 0]), provenance } });
      expect(fourth.status()).toBe(429);
      expect(((await fourth.json()) as { error: { message: string } }).error.message).toMatch(
        /^You have used all 3 entries for today; the next one can be made from /,
      );

      await page.reload();
      const row = page
        .getByTestId('entries')
        .getByRole('row')
        .filter({ has: page.locator(`text=${(scored.publicScore * 100).toFixed(1)} %`) })
        .first();
      await row.getByRole('checkbox').click();
      await expect(row.getByRole('checkbox')).toBeChecked();
      const board = (await (await api.get(`/api/challenges/${slug}/leaderboard`)).json()) as {
        rows: { name: string; privateScore?: number }[];
      };
      expect(
        board.rows.every((r) => r.privateScore === undefined),
        'students see no private score before the deadline',
      ).toBe(true);
      await snap('final pick');
    });

    await test.step('the instructor moves the deadline into the past in the site: the private board, real names and both splits', async () => {
      const context = await browser.newContext({ baseURL });
      const teacher = await context.newPage();
      await signIn(teacher, demo.instructor.email);
      await teacher.goto(`/exercises/${slug}`);
      await expect(teacher.getByRole('form', { name: 'Challenge settings' })).toBeVisible();
      await expect(teacher.getByTestId('leaderboard')).toContainText(student.name);
      const past = new Date(Date.now() - 60_000);
      const pad = (n: number) => String(n).padStart(2, '0');
      await teacher
        .getByLabel('Deadline (your time zone)')
        .fill(`${past.getFullYear()}-${pad(past.getMonth() + 1)}-${pad(past.getDate())}T${pad(past.getHours())}:${pad(past.getMinutes())}`);
      await teacher.getByRole('button', { name: 'Save settings' }).click();
      await expect(teacher.getByText('Saved: the deadline has passed, the private board is revealed.')).toBeVisible();
      await expect(teacher.getByRole('columnheader', { name: 'Private score' })).toBeVisible();
      await snap('instructor after the deadline');
      await context.close();
    });

    await test.step('after the reveal the student sees the private board; their final pick, not their best entry, counts', async () => {
      const api = page.request;
      const linear = (await (await api.get(`/api/challenges/${slug}/entries/${linearId}`)).json()) as { privateScore: number };
      expect(linear.privateScore).toBeGreaterThan(0);
      const board = (await (await api.get(`/api/challenges/${slug}/leaderboard`)).json()) as {
        revealed: boolean;
        rows: { name: string; privateScore?: number; publicScore: number; final?: boolean; baseline: boolean }[];
        reveal?: { top: unknown[]; test: { x: number[][] } };
      };
      expect(board.revealed).toBe(true);
      const mine = board.rows.find((r) => r.name === alias)!;
      expect(mine.final).toBe(true);
      expect(mine.privateScore).toBeCloseTo(linear.privateScore, 5);
      expect(mine.publicScore, 'the best public entry is still shown').toBeGreaterThanOrEqual(0.95);
      expect(board.rows.filter((r) => r.baseline)).toHaveLength(2);
      expect(board.reveal!.test.x.length).toBe(1000);

      await page.reload();
      await expect(page.getByRole('heading', { name: /Leaderboard \(private scores: final\)/ })).toBeVisible();
      await expect(page.getByRole('columnheader', { name: 'Private score' }).first()).toBeVisible();
      await expect(page.getByRole('img', { name: /Decision boundary of rank 1/ })).toBeVisible();
      const closed = await api.post(`/api/challenges/${slug}/entries`, { data: { model: logisticModel([1, -2, 0]), provenance } });
      expect(closed.status()).toBe(403);
      await snap('student after the reveal');
    });
  });

  test('no hidden test point is in any page, API answer or script before the reveal', async ({ page, browser, baseURL }) => {
    test.setTimeout(180_000);
    const circles = 'circles-challenge';
    const seen: string[] = [];
    page.on('response', async (response) => {
      if (/\.(m?js|json)(\?|$)|\/api\//.test(response.url()) || response.request().resourceType() === 'document')
        seen.push(await response.text().catch(() => ''));
    });
    await signUpStudent(page);
    await page.goto(`/exercises/${circles}`);
    await expect(page.getByRole('textbox', { name: 'Code editor' })).toBeAttached({ timeout: 30_000 });
    await expect(page.getByTestId('leaderboard')).toBeVisible();
    const answers: string[] = [];
    for (const path of [
      `/api/challenges/${circles}`,
      `/api/challenges/${circles}/leaderboard`,
      `/api/exercises/${circles}`,
      '/api/exercises',
    ]) {
      answers.push(await (await page.request.get(path)).text());
    }
    seen.push(...answers);
    const challenge = JSON.parse(answers[0]!) as { train: { x: number[][] } };
    expect(challenge.train.x).toHaveLength(300);

    // The reveal is the one moment test points leave the server: the private half, for the board's boundaries.
    const instructor = await instructorApi(browser, baseURL!);
    expect(
      (
        await instructor.put(`/api/challenges/${circles}/settings`, {
          data: { deadline: new Date(Date.now() - 1000).toISOString(), entriesPerDay: null },
        })
      ).status(),
    ).toBe(200);
    const board = (await (await instructor.get(`/api/challenges/${circles}/leaderboard`)).json()) as {
      reveal: { test: { x: number[][] } };
    };
    const hidden = board.reveal.test.x;
    expect(hidden).toHaveLength(1000);
    const everything = seen.join('\n');
    expect(everything.length).toBeGreaterThan(100_000);
    const leaked = hidden.filter((point) => everything.includes(String(point[0])) && everything.includes(String(point[1])));
    expect(leaked, 'test points found in what the student received').toEqual([]);
  });
});
