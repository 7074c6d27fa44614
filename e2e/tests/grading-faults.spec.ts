import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { expect, signUpStudent, test } from '../fixtures';
import { repoRoot, startServer } from '../server';

/**
 * Student code that exhausts V8's heap takes down a grading child process, never the site (issue 8): through the
 * real built server, its grading children and its queue, on the embedded database and on PostgreSQL.
 */
const mapBomb = 'export function forward() { const m = new Map<number, number>(); for (let i = 0; ; i++) m.set(i, i); }';
const keysBomb = "export function forward() { const o: any = {}; for (let i = 0; i < 1e8; i++) o['k' + i] = i; return [1]; }";
const solution = readFileSync(join(repoRoot, 'exercises', 'content', 'forward-pass', 'mlp-forward-code', 'solution.ts'), 'utf8');

type Followed = {
  status: string;
  score: number | null;
  passed: boolean | null;
  result: { error?: { kind: string; message: string } } | null;
};

async function submit(api: APIRequestContext, code: string): Promise<string> {
  const response = await api.post('/api/submissions', { data: { exercise: 'mlp-forward-code', code } });
  expect(response.status(), await response.text()).toBe(202);
  return ((await response.json()) as { id: string }).id;
}

/** Follows a submission as the exercise page does: held requests until it is graded. */
async function follow(api: APIRequestContext, id: string): Promise<Followed> {
  for (let i = 0; i < 12; i++) {
    const response = await api.get(`/api/submissions/${id}?wait=25`, { timeout: 40_000 });
    expect(response.status()).toBe(200);
    const submission = (await response.json()) as Followed;
    if (submission.status === 'graded' || submission.status === 'failed') return submission;
  }
  throw new Error(`submission ${id} was not graded`);
}

function processAlive(pid: number | undefined): boolean {
  try {
    return pid !== undefined && process.kill(pid, 0);
  } catch {
    return false;
  }
}

test('heap-exhausting code is graded 0 while the site keeps serving, also when it was queued before a restart', async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const database =
    testInfo.project.name === 'postgres' ? { kind: 'postgres' as const, url: process.env.TEST_DATABASE_URL! } : { kind: 'pglite' as const };
  // Grading paused, as a server that went down before grading: the submission is stored and stays queued.
  const server = await startServer(`faults-${testInfo.project.name}-${testInfo.workerIndex}`, database, {
    DELTALAB_INPROCESS_WORKERS: '0',
  });
  const context = await browser.newContext({ baseURL: server.baseURL });
  try {
    const page = await context.newPage();
    await signUpStudent(page, 'Heap Bomber');
    const api = page.request;
    const queued = await submit(api, mapBomb);
    expect(((await (await api.get(`/api/submissions/${queued}`)).json()) as Followed).status).toBe('queued');

    // The server starts again with grading: it finds the bomb queued and grades it first thing.
    await server.restart();
    const pid = server.pid();
    const graded = follow(api, queued);
    // Meanwhile the site serves.
    for (let i = 0; i < 5; i++) expect((await api.get('/api/exercises')).status()).toBe(200);
    const bomb = await graded;
    expect(bomb).toMatchObject({ status: 'graded', score: 0, passed: false });
    // The memory limit; on a machine too loaded to fill 64 MB within the 2 s time limit (CI's 2 cores while the
    // server starts and warms its children), the time limit: never internal, never a crash of the site.
    expect([bomb.result?.error?.kind, bomb.result?.error?.message]).toEqual(
      bomb.result?.error?.kind === 'timeout'
        ? ['timeout', expect.stringMatching(/time limit/)]
        : ['memory', expect.stringMatching(/64 MB/)],
    );

    // Another one while the site runs, and a correct submission just after it.
    const live = await submit(api, keysBomb);
    const correct = await submit(api, solution);
    const [liveGraded, correctGraded] = await Promise.all([follow(api, live), follow(api, correct)]);
    expect(liveGraded).toMatchObject({ status: 'graded', score: 0, passed: false });
    expect(liveGraded.result?.error?.message).toMatch(/64 MB|time limit/);
    expect(correctGraded).toMatchObject({ status: 'graded', score: 1, passed: true });
    expect(server.pid()).toBe(pid);
    expect(processAlive(pid)).toBe(true);

    // The student sees why, in the page's history.
    await page.goto('/exercises/mlp-forward-code');
    const history = page.getByRole('list', { name: 'Submission history' });
    await expect(history.getByRole('listitem')).toHaveCount(3);
    await history.getByRole('listitem').last().locator('summary').click();
    await expect(history.getByRole('listitem').last()).toContainText(/memory:.*64 MB|timeout:.*time limit/);
    await page.screenshot({
      path: join(repoRoot, 'e2e', 'artifacts', 'screens', `grading-faults-${testInfo.project.name}.png`),
      fullPage: true,
    });
  } finally {
    await context.close();
    await server.stop();
  }
});
