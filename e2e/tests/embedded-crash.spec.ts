import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { apiSignIn, demo, expect, test } from '../fixtures';
import { repoRoot, startServer } from '../server';

/**
 * Issue 12: `kill -9` of the embedded server in the middle of a burst of submissions. Every submission it
 * acknowledged (202) is there after the next start, and gets graded; nothing else is there.
 */
const solution = readFileSync(join(repoRoot, 'exercises', 'content', 'forward-pass', 'mlp-forward-code', 'solution.ts'), 'utf8');

async function followUntilGraded(api: APIRequestContext, id: string): Promise<{ status: string; score: number | null }> {
  for (let i = 0; i < 10; i++) {
    const response = await api.get(`/api/submissions/${id}?wait=20`, { timeout: 40_000 });
    expect(response.status(), `submission ${id} after the crash`).toBe(200);
    const submission = (await response.json()) as { status: string; score: number | null };
    if (submission.status === 'graded' || submission.status === 'failed') return submission;
  }
  throw new Error(`submission ${id} was not graded after the restart`);
}

test('kill -9 of the embedded server during a burst: every acknowledged submission is there after the restart, and graded', async ({
  playwright,
}) => {
  test.setTimeout(240_000);
  const server = await startServer('embedded-crash', undefined, { SUBMISSION_RATE_LIMIT: '1000/60' });
  try {
    const api = await playwright.request.newContext({ baseURL: server.baseURL });
    await apiSignIn(api, demo.student.email);
    const acknowledged: string[] = [];
    let failedInFlight = 0;
    let killed: Promise<void> | null = null;
    // 8 clients submitting as fast as the site answers; the server is killed once 40 are acknowledged.
    await Promise.all(
      Array.from({ length: 8 }, async (_, client) => {
        for (let i = 0; !killed; i++) {
          try {
            const response = await api.post('/api/submissions', {
              data: { exercise: 'mlp-forward-code', code: `${solution}\n// ${client}-${i}` },
            });
            if (response.status() === 202) acknowledged.push(((await response.json()) as { id: string }).id);
            else throw new Error(`HTTP ${response.status()}: ${await response.text()}`);
          } catch (error) {
            if (!killed) throw error;
            failedInFlight++; // the connection died with the server: not acknowledged, may or may not be stored
          }
          if (acknowledged.length >= 40 && !killed) killed = server.restart({}, 'kill');
        }
      }),
    );
    await killed;
    console.log(`[embedded-crash] ${acknowledged.length} acknowledged before kill -9, ${failedInFlight} requests cut off`);
    // The restarted server (same data directory) has every acknowledged one, and grades them all.
    await apiSignIn(api, demo.student.email);
    const graded = await Promise.all(acknowledged.map((id) => followUntilGraded(api, id)));
    expect(graded.filter((g) => g.status !== 'graded' || g.score !== 1)).toEqual([]);
    await api.dispose();
  } finally {
    await server.stop();
  }
});
