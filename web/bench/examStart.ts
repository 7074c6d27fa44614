/**
 * Issue 19's start benchmark (alone: `npx tsx --no-node-snapshot --conditions=react-server bench/examStart.ts`; part of
 * `npm run bench -w @deltalab/web`): 300 students start the demo quiz within one minute (arrivals spread over 60 s,
 * each start the service the route calls: the honor code, the instance, the pool's draw), on the embedded database
 * and, with TEST_DATABASE_URL, on PostgreSQL (a temporary database). Prints p50 and p95 against the target p50 ≤ 200 ms.
 * Settings: EXAM_STUDENTS (300), EXAM_WINDOW_S (60).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, type DbHandle } from '@deltalab/db';
import { insertStudentsBulk } from '@deltalab/db/test';
import { seed } from '../src/server/seed';
import { getCurrentCourse } from '../src/server/services/courses/getCurrentCourse';
import { startAssessment } from '../src/server/services/assessments/startAssessment';
import { demoQuiz } from '../src/server/services/assessments/topicHomework';

const students = Number(process.env.EXAM_STUDENTS ?? 300);
const windowMs = Number(process.env.EXAM_WINDOW_S ?? 60) * 1000;
const targetP50Ms = 200;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

async function examStartBench(handle: DbHandle, label: string): Promise<boolean> {
  const { courseId } = await seed(handle.db);
  const users = Array.from({ length: students }, (_, i) => ({
    id: randomUUID(),
    email: `exam-${i}-${randomUUID().slice(0, 8)}@bench.test`,
    name: `S${i}`,
  }));
  await insertStudentsBulk(handle.db, courseId, users);
  const courses = await Promise.all(users.map(async (u) => (await getCurrentCourse(handle.db, u.id))!));
  const times: number[] = [];
  const begin = Date.now();
  await Promise.all(
    users.map(async (u, i) => {
      await new Promise((r) => setTimeout(r, (i / students) * windowMs));
      const t0 = performance.now();
      await startAssessment(handle.db, courses[i]!, u.id, demoQuiz.slug, { honorCode: true }, new Date());
      times.push(performance.now() - t0);
    }),
  );
  times.sort((a, b) => a - b);
  const p50 = percentile(times, 0.5);
  console.log(
    `[exam start, ${label}] ${students} students in ${((Date.now() - begin) / 1000).toFixed(0)} s: p50 ${p50.toFixed(1)} ms, p95 ${percentile(times, 0.95).toFixed(1)} ms (target p50 ≤ ${targetP50Ms} ms)`,
  );
  return p50 <= targetP50Ms;
}

/** Both drivers; false when a p50 misses its target. */
export async function runExamStartBench(): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'deltalab-exam-bench-'));
  const results: boolean[] = [];
  try {
    const pglite = await createDb({ dataDir: dir });
    try {
      results.push(await examStartBench(pglite, 'PGlite'));
    } finally {
      await pglite.close();
    }
    const url = process.env.TEST_DATABASE_URL;
    if (url) {
      const admin = await createDb({ url, maxConnections: 1, migrate: false });
      const name = `deltalab_exam_bench_${randomUUID().replaceAll('-', '').slice(0, 10)}`;
      await admin.executeSql(`create database ${name}`);
      const target = new URL(url);
      target.pathname = `/${name}`;
      const pg = await createDb({ url: target.toString(), maxConnections: 10 });
      try {
        results.push(await examStartBench(pg, 'PostgreSQL'));
      } finally {
        await pg.close();
        await admin.executeSql(`drop database ${name}`);
        await admin.close();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results.every((ok) => ok);
}

if (import.meta.url === `file://${process.argv[1]}` && !(await runExamStartBench())) process.exitCode = 1;
