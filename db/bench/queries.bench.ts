// Query latency at course scale: one course, 300 students, 10 exercises, 5 submissions each (15,000 rows).
// Prints p50/p95 per query on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set (in a temporary database).
// `npm run bench -w @deltalab/db`. Figures only; nothing here asserts a time.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import {
  challengeBoard,
  challengeEntries,
  courseGradebook,
  createDb,
  leaderboard,
  listSubmissionsForStudent,
  memoryDataDir,
  recordGradingOutcomes,
  studentExerciseSummaries,
  submissions,
  type Database,
  type DbHandle,
} from '../src/index';
import { vacuumTablesWithDeadRows } from '../src/pglite/deadRowVacuum';
import { makeCourse, makeCourseExercise, makeEnrolledUser, type MadeExercise } from '../src/test/factories';
import { createTestDb } from '../src/test/testDb';

const students = 300;
const exerciseCount = 10;
const submissionsEach = 5;
const runs = 100;

async function seed(db: Database) {
  const course = await makeCourse(db);
  const exercises: MadeExercise[] = [];
  for (let i = 0; i < exerciseCount; i++) exercises.push(await makeCourseExercise(db, course.id, { position: i }));
  const users: string[] = [];
  for (let i = 0; i < students; i++) users.push((await makeEnrolledUser(db, course.id)).id);
  let rows: (typeof submissions.$inferInsert)[] = [];
  const flush = async () => {
    if (rows.length) await db.insert(submissions).values(rows);
    rows = [];
  };
  for (const userId of users) {
    for (const exercise of exercises) {
      for (let attempt = 1; attempt <= submissionsEach; attempt++) {
        const score = Math.random();
        rows.push({
          userId,
          courseId: course.id,
          exerciseId: exercise.exerciseId,
          exerciseVersionId: exercise.versionId,
          kind: 'code',
          payload: { code: `export function f() { return ${attempt}; }` },
          attempt,
          status: attempt === submissionsEach ? 'queued' : 'graded',
          score: attempt === submissionsEach ? null : score,
          passed: score > 0.9,
          gradedAt: new Date(Date.now() - (submissionsEach - attempt) * 60_000),
          createdAt: new Date(Date.now() - (submissionsEach - attempt) * 60_000),
        });
      }
    }
    if (rows.length >= 1000) await flush();
  }
  await flush();
  await db.execute(sql`analyze`);
  return { course, exercises, users };
}

/** A challenge's board at class scale: every student with `entriesEach` scored entries (some marked final). */
const entriesEach = 20;
async function seedChallenge(db: Database, courseId: string, users: string[]) {
  const exercise = await makeCourseExercise(db, courseId, { kind: 'challenge', topic: 'challenges' });
  for (const userId of users) {
    const ids: string[] = [];
    const rows: (typeof submissions.$inferInsert)[] = [];
    for (let i = 0; i < entriesEach; i++) {
      const id = randomUUID();
      ids.push(id);
      rows.push({
        id,
        userId,
        courseId,
        exerciseId: exercise.exerciseId,
        exerciseVersionId: exercise.versionId,
        kind: 'challenge',
        payload: {
          model: { weightData: 'AAAA' },
          provenance: { code: '', backend: 'cpu', epochs: 1, seed: 1, trainingMs: 1, trainAccuracy: 1, curve: [] },
        },
        attempt: i + 1,
        status: 'graded',
        score: 1,
        passed: true,
        gradedAt: new Date(Date.now() - (entriesEach - i) * 60_000),
        createdAt: new Date(Date.now() - (entriesEach - i) * 60_000),
      });
    }
    await db.insert(submissions).values(rows);
    await db.insert(challengeEntries).values(
      ids.map((submissionId, i) => ({
        submissionId,
        userId,
        courseId,
        exerciseId: exercise.exerciseId,
        params: 25 + Math.floor(Math.random() * 3000),
        uploadBytes: 1000,
        backend: 'wasm',
        epochs: 300,
        seed: i,
        publicScore: 0.8 + 0.2 * Math.random(),
        privateScore: 0.8 + 0.2 * Math.random(),
        trainScore: 1,
        boundary: '01'.repeat(1152),
        final: i < 2 && Math.random() < 0.5,
        createdAt: new Date(Date.now() - (entriesEach - i) * 60_000),
      })),
    );
  }
  await db.execute(sql`analyze`);
  return exercise;
}

async function time(label: string, run: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 5; i++) await run(i); // warm-up (prepared statements, caches)
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run(i);
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!.toFixed(2);
  console.log(`  ${label.padEnd(58)} p50 ${at(0.5).padStart(7)} ms   p95 ${at(0.95).padStart(7)} ms`);
}

async function bench(name: string, handle: DbHandle) {
  const db = handle.db;
  const seedStart = performance.now();
  const { course, exercises, users } = await seed(db);
  console.log(
    `${name}: seeded ${students * exerciseCount * submissionsEach} submissions in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
  );
  const pick = <T>(list: T[], i: number) => list[i % list.length]!;
  await time('studentExerciseSummaries (course home)', (i) => studentExerciseSummaries(db, pick(users, i * 7), course.id));
  await time('leaderboard (course, exercise)', (i) => leaderboard(db, course.id, pick(exercises, i).exerciseId));
  await time('listSubmissionsForStudent (history)', (i) =>
    listSubmissionsForStudent(db, pick(users, i * 3), pick(exercises, i).exerciseId),
  );
  await time('courseGradebook (instructor dashboard, 3000 cells)', () => courseGradebook(db, course.id));
  const challengeStart = performance.now();
  const challenge = await seedChallenge(db, course.id, users);
  console.log(
    `  (seeded ${students} students × ${entriesEach} challenge entries in ${((performance.now() - challengeStart) / 1000).toFixed(1)} s)`,
  );
  await time(`challengeBoard (${students} students × ${entriesEach} entries)`, () => challengeBoard(db, course.id, challenge.exerciseId));
  // For comparison: the same best-score query ordered with desc() (DESC NULLS FIRST), which the index does not match.
  await time('  leaderboard inner query with mismatched desc() ordering', (i) =>
    db
      .selectDistinctOn([submissions.userId], { userId: submissions.userId, score: submissions.score })
      .from(submissions)
      .where(
        and(
          eq(submissions.courseId, course.id),
          eq(submissions.exerciseId, pick(exercises, i).exerciseId),
          sql`${submissions.status} = 'graded'`,
        ),
      )
      .orderBy(submissions.userId, desc(submissions.score), submissions.gradedAt),
  );
  await time('  leaderboard inner query with matching ordering', (i) =>
    db
      .selectDistinctOn([submissions.userId], { userId: submissions.userId, score: submissions.score })
      .from(submissions)
      .where(
        and(
          eq(submissions.courseId, course.id),
          eq(submissions.exerciseId, pick(exercises, i).exerciseId),
          sql`${submissions.status} = 'graded'`,
        ),
      )
      .orderBy(submissions.userId, sql`${submissions.score} desc nulls last`, submissions.gradedAt),
  );
}

const pglite = await createTestDb();
try {
  await bench('PGlite (in memory)', pglite);
} finally {
  await pglite.close();
}

/**
 * Recording a grade as a class's submissions accumulate, on PGlite: each submission stored running, then its grade
 * recorded (the statement timed), as the site does one by one. Single-user Postgres has no autovacuum; the site's
 * timer (src/pglite/deadRowVacuum.ts) vacuums every 10 s, about every 500 submissions at 50 per second, as here.
 */
async function benchRecording(vacuumEvery: number | null) {
  // Its own timer off: this loop vacuums where the timer would at 50 submissions per second, or never.
  const handle = await createDb({ dataDir: memoryDataDir, vacuumIntervalMs: null });
  try {
    const db = handle.db;
    const course = await makeCourse(db);
    const exercise = await makeCourseExercise(db, course.id);
    const users: string[] = [];
    for (let i = 0; i < 50; i++) users.push((await makeEnrolledUser(db, course.id)).id);
    const p50s: string[] = [];
    for (let block = 0; block < recordingBlocks; block++) {
      const ms: number[] = [];
      for (let i = 0; i < 1000; i++) {
        const [row] = await db
          .insert(submissions)
          .values({
            userId: users[i % users.length]!,
            courseId: course.id,
            exerciseId: exercise.exerciseId,
            exerciseVersionId: exercise.versionId,
            kind: 'code',
            payload: { code: `export function f(x) { return x * ${i}; }\n`.repeat(10) },
            attempt: block * 1000 + i + 1,
            status: 'running',
          })
          .returning({ id: submissions.id });
        const start = performance.now();
        await recordGradingOutcomes(db, [
          { submissionId: row!.id, status: 'graded', score: 1, passed: true, result: { cases: [] }, graderVersion: 'bench', timings: null },
        ]);
        ms.push(performance.now() - start);
        if (vacuumEvery && (block * 1000 + i + 1) % vacuumEvery === 0) await vacuumTablesWithDeadRows(handle.executeSql);
      }
      ms.sort((a, b) => a - b);
      p50s.push(ms[500]!.toFixed(2));
    }
    const label = vacuumEvery ? `vacuumed every ${vacuumEvery} (the site's timer)` : 'never vacuumed';
    console.log(`  recordGradingOutcomes, p50 per 1,000 stored, ${label.padEnd(40)} ${p50s.join('  ')} ms`);
  } finally {
    await handle.close();
  }
}
const recordingBlocks = 5;
console.log(`PGlite: recording one grade after each of ${recordingBlocks * 1000} submissions`);
await benchRecording(null);
await benchRecording(500);

const url = process.env.TEST_DATABASE_URL?.trim();
if (!url) {
  console.log('PostgreSQL: skipped (set TEST_DATABASE_URL, e.g. eval "$(bash .ci/postgres.sh)")');
} else {
  const admin = await createDb({ url, migrate: false, maxConnections: 1 });
  const name = `deltalab_bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  await admin.executeSql(`create database ${name}`);
  const benchUrl = new URL(url);
  benchUrl.pathname = `/${name}`;
  const handle = await createDb({ url: benchUrl.toString() });
  try {
    await bench(`PostgreSQL (${benchUrl.host})`, handle);
  } finally {
    await handle.close();
    await admin.executeSql(`drop database if exists ${name}`);
    await admin.close();
  }
}
