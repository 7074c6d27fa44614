import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { apiSignIn, demo, expect, test } from '../fixtures';
import { repoRoot, startServer } from '../server';

/**
 * Issue 12: PostgreSQL restarts while a class submits. Requests meanwhile answer 503 with Retry-After and a message,
 * never 500; the site recovers by itself; every acknowledged (202) submission is graded. On a PostgreSQL cluster of
 * the test's own (.ci/postgres.sh), since it is restarted.
 */
const solution = readFileSync(join(repoRoot, 'exercises', 'content', 'forward-pass', 'mlp-forward-code', 'solution.ts'), 'utf8');
const postgresScript = join(repoRoot, '.ci', 'postgres.sh');

async function followUntilGraded(api: APIRequestContext, id: string, deadline: number): Promise<{ status: string; score: number | null }> {
  for (;;) {
    const response = await api.get(`/api/submissions/${id}?wait=20`, { timeout: 40_000 });
    if (response.status() === 200) {
      const submission = (await response.json()) as { status: string; score: number | null };
      if (submission.status === 'graded' || submission.status === 'failed') return submission;
    }
    if (Date.now() > deadline) throw new Error(`submission ${id} was not graded in time`);
  }
}

test('PostgreSQL restarts during a run of submissions: 503 with Retry-After meanwhile, then every acknowledged one is graded', async ({
  playwright,
}) => {
  test.setTimeout(300_000);
  const exports = execFileSync('bash', [postgresScript], { encoding: 'utf8' });
  const url = /TEST_DATABASE_URL=(\S+)/.exec(exports)![1]!;
  const pgDir = /DELTALAB_PG_DIR=(\S+)/.exec(exports)![1]!;
  const server = await startServer('postgres-restart', { kind: 'postgres', url }, { SUBMISSION_RATE_LIMIT: '1000/60' });
  try {
    const api = await playwright.request.newContext({ baseURL: server.baseURL });
    await apiSignIn(api, demo.student.email);
    const acknowledged: string[] = [];
    const unavailable: { retryAfter: string | undefined; message: string }[] = [];
    const other: string[] = [];
    let restarted: Promise<void> | null = null;
    let slowest = 0;
    const started = Date.now();
    while (Date.now() - started < 20_000) {
      if (!restarted && Date.now() - started > 4_000) {
        // In the background: the submissions go on while it is down for 3 s.
        restarted = promisify(execFile)('bash', [postgresScript, 'restart', pgDir, '3']).then(() => undefined);
      }
      const sent = Date.now();
      const response = await api.post('/api/submissions', {
        data: { exercise: 'mlp-forward-code', code: `${solution}\n// ${acknowledged.length}` },
        timeout: 60_000,
      });
      slowest = Math.max(slowest, Date.now() - sent);
      if (response.status() === 202) acknowledged.push(((await response.json()) as { id: string }).id);
      else if (response.status() === 503) {
        unavailable.push({
          retryAfter: response.headers()['retry-after'],
          message: ((await response.json()) as { error: { message: string } }).error.message,
        });
      } else other.push(`${response.status()} ${await response.text()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await restarted;
    console.log(
      `[postgres-restart] ${acknowledged.length} acknowledged, ${unavailable.length} answered 503, ${other.length} other; slowest answer ${slowest} ms`,
    );
    expect(other, 'nothing but 202 and 503').toEqual([]);
    expect(unavailable.length, 'the restart was met').toBeGreaterThan(0);
    for (const refusal of unavailable) {
      expect(refusal.retryAfter).toBe('5');
      expect(refusal.message).toBe('The database is not answering (it may be restarting). Nothing was stored; try again in 5 seconds.');
    }
    expect(acknowledged.length).toBeGreaterThan(20);
    // Recovered within seconds, not postgres.js's default reconnect backoff of up to 20 s.
    expect(slowest).toBeLessThan(10_000);
    // Jobs in a worker's hands when the connection dropped come back when their lease expires (60 s).
    const deadline = Date.now() + 150_000;
    const graded = await Promise.all(acknowledged.map((id) => followUntilGraded(api, id, deadline)));
    expect(
      graded.every((g) => g.status === 'graded' && g.score === 1),
      JSON.stringify(graded.filter((g) => g.score !== 1)),
    ).toBe(true);
    await api.dispose();
  } finally {
    await server.stop();
    execFileSync('bash', [postgresScript, 'stop', pgDir], { stdio: 'ignore' });
  }
});
