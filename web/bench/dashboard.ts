/**
 * The instructors' dashboard run of `npm run bench -w @deltalab/web` (also alone: `npx tsx … bench/dashboard.ts`):
 * a course of 300 students × 30 exercises × 20 graded submissions each (180,000), on the embedded database and, with
 * TEST_DATABASE_URL, on PostgreSQL (a temporary database). Prints the server time of the overview and of the
 * per-exercise figures (the services the pages and the API call, median of 5 after a warm-up), and how long a regrade
 * of one exercise for the whole class takes through the normal queue and the real grader (6,000 submissions), against
 * the targets (≤ 300 ms, ≤ 30 s). Also (issue 18) the roster's data, an import of a lecture's roster (as many new emails
 * as students) and a request's session check. Settings: DASHBOARD_STUDENTS, DASHBOARD_EXERCISES, DASHBOARD_SUBMISSIONS.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, listCourseExercises, rebuildGradeCells, type DbHandle } from '@deltalab/db';
import { analyzeTables, insertGradedSubmissionsBulk, insertStudentsBulk, type BulkGradedSubmission } from '@deltalab/db/test';
import { getExercise, variantSeed } from '@deltalab/exercises';
import { gradingPool, startGrading, stopGrading } from '../src/server/grading/startGrading';
import { getCurrentCourse } from '../src/server/services/courses/getCurrentCourse';
import { getCourseOverview } from '../src/server/services/dashboards/getCourseOverview';
import { getExerciseStats } from '../src/server/services/dashboards/getExerciseStats';
import { createRegrade } from '../src/server/services/regrades/createRegrade';
import { waitForRegradePreview } from '../src/server/services/regrades/regradePreview';
import { seed } from '../src/server/seed';
import { resolveSession } from '../src/server/auth/resolveSession';
import { getRoster } from '../src/server/services/people/roster';
import { importRoster } from '../src/server/services/people/rosterImport';

const students = Number(process.env.DASHBOARD_STUDENTS ?? 300);
const exerciseCount = Number(process.env.DASHBOARD_EXERCISES ?? 30);
const perPair = Number(process.env.DASHBOARD_SUBMISSIONS ?? 20);
const targets = { loadMs: 300, regradeS: 30, sessionMs: 5, importS: 10 };

/** A plausible grade of attempt `attempt` of a student: results shaped as the grader's, scores rising over attempts. */
function gradeFor(slug: string, kind: string, student: number, attempt: number) {
  const exercise = getExercise(slug);
  const r = (student * 7919 + attempt * 104729 + slug.length * 31) % 1000;
  const passed = attempt >= perPair - 2 || r < attempt * 40;
  if (kind === 'numeric' && exercise.kind === 'numeric') {
    const fields = exercise.fields.map((f, i) => {
      const status = passed
        ? 'correct'
        : i < r % exercise.fields.length
          ? 'correct'
          : i === r % exercise.fields.length
            ? 'wrong'
            : r % 3 === 0
              ? 'carried'
              : 'wrong';
      return {
        name: f.name,
        status,
        credit: status === 'correct' ? 1 : status === 'carried' ? 0.5 : 0,
        message: '',
        value: Math.round(r * 1000) / 1e6,
        ...(status === 'wrong' && r % 4 === 0 ? { diagnosis: { mistake: 'sign-flipped', message: 'The sign is flipped.' } } : {}),
      };
    });
    const score = fields.reduce((s, f) => s + f.credit, 0) / fields.length;
    return {
      score,
      passed,
      result: { kind, score, passed, fields },
      payload: { answers: Object.fromEntries(exercise.fields.map((f) => [f.name, String(Math.round(r) / 1000)])) },
    };
  }
  if (kind === 'code') {
    const cases = Array.from({ length: 10 }, (_, i) => ({ name: `case ${i + 1}`, hidden: i > 2, passed: passed || (r + i) % 3 !== 0 }));
    return {
      score: passed ? 1 : 0,
      passed,
      result: {
        kind,
        score: passed ? 1 : 0,
        passed,
        cases,
        ...(passed || r % 2 ? {} : { diagnosis: { mistake: 'bias-ignored', message: 'The bias is missing.' } }),
      },
      payload: { code: `export function f() { return ${r}; }` },
    };
  }
  const score = passed ? 1 : 0;
  return { score, passed, result: { kind, score, passed, options: [] }, payload: { answers: { selected: ['a'] } } };
}

export async function seedClass(handle: DbHandle) {
  const db = handle.db;
  const seeded = await seed(db);
  const exercises = (await listCourseExercises(db, seeded.courseId)).filter((e) => e.kind !== 'challenge').slice(0, exerciseCount);
  const userRows = Array.from({ length: students }, (_, i) => ({
    id: randomUUID(),
    email: `dash-${i + 1}@deltalab.test`,
    name: `Dashboard Student ${String(i + 1).padStart(3, '0')}`,
  }));
  await insertStudentsBulk(db, seeded.courseId, userRows);
  const start = Date.parse('2031-01-05T09:00:00Z');
  for (const exercise of exercises) {
    const rows: BulkGradedSubmission[] = [];
    for (const [s, user] of userRows.entries()) {
      const seedText = String(variantSeed(exercise.slug, user.id));
      for (let attempt = 1; attempt <= perPair; attempt++) {
        const grade = gradeFor(exercise.slug, exercise.kind, s, attempt);
        const at = new Date(start + (s % 40) * 3_600_000 * 6 + attempt * 600_000 + exercises.indexOf(exercise) * 86_400_000).toISOString();
        rows.push({
          user_id: user.id,
          attempt,
          variant_seed: seedText,
          score: grade.score,
          passed: grade.passed,
          result: grade.result,
          payload: grade.payload,
          at,
        });
      }
    }
    await insertGradedSubmissionsBulk(
      db,
      { courseId: seeded.courseId, exerciseId: exercise.exerciseId, versionId: exercise.currentVersionId!, kind: exercise.kind },
      rows,
    );
  }
  // Stored without the grading statement: their dashboard cells are computed once, as the migration does for old rows.
  await rebuildGradeCells(db, seeded.courseId);
  await analyzeTables(db);
  return { courseId: seeded.courseId, instructorId: seeded.userIds['instructor@deltalab.test']!, exercises };
}

async function median(run: () => Promise<unknown>, times = 5): Promise<number> {
  await run();
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b)[Math.floor(times / 2)]!;
}

const verdict = (ok: boolean) => (ok ? 'OK' : 'OVER TARGET');

async function runOn(label: string, handle: DbHandle): Promise<boolean> {
  const seedStarted = performance.now();
  const { instructorId, exercises } = await seedClass(handle);
  const total = students * exercises.length * perPair;
  console.log(
    `\n${label}: seeded ${students} students × ${exercises.length} exercises × ${perPair} submissions = ${total.toLocaleString('en')} in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
  );
  const course = (await getCurrentCourse(handle.db, instructorId))!;
  const overviewMs = await median(() => getCourseOverview(handle.db, course));
  const numeric = exercises.find((e) => e.kind === 'numeric')!;
  const code = exercises.find((e) => e.kind === 'code')!;
  const numericMs = await median(() => getExerciseStats(handle.db, course, numeric.slug));
  const codeMs = await median(() => getExerciseStats(handle.db, course, code.slug));
  const perExerciseMs = Math.max(numericMs, codeMs);
  console.log(
    `  overview (students × exercises, progress)   ${overviewMs.toFixed(0).padStart(6)} ms   target ≤ ${targets.loadMs} ms   ${verdict(overviewMs <= targets.loadMs)}`,
  );
  console.log(`  per-exercise figures (${numeric.slug}: ${numericMs.toFixed(0)} ms, ${code.slug}: ${codeMs.toFixed(0)} ms)`);
  console.log(
    `  per-exercise figures, the slower             ${perExerciseMs.toFixed(0).padStart(6)} ms   target ≤ ${targets.loadMs} ms   ${verdict(perExerciseMs <= targets.loadMs)}`,
  );

  // Issue 18: the roster page's data at this size, a roster import of a lecture, and the session's one read.
  const rosterMs = await median(() => getRoster(handle.db, course));
  console.log(
    `  roster (students, last activity, totals)      ${rosterMs.toFixed(0).padStart(6)} ms   target ≤ ${targets.loadMs} ms   ${verdict(rosterMs <= targets.loadMs)}`,
  );
  const csv = (offset: number) =>
    [
      'email,name,section',
      ...Array.from({ length: students }, (_, i) => `import-${offset + i}@deltalab.test,Imported ${i},Lab ${i % 4}`),
    ].join('\n');
  const importStarted = performance.now();
  const imported = await importRoster(handle.db, course, { id: instructorId, name: 'Bench' }, csv(0), 'http://localhost:3000');
  const importS = (performance.now() - importStarted) / 1000;
  const againStarted = performance.now();
  await importRoster(handle.db, course, { id: instructorId, name: 'Bench' }, csv(0), 'http://localhost:3000');
  const againS = (performance.now() - againStarted) / 1000;
  console.log(
    `  roster import, ${imported.invited} new emails (all or nothing)    ${importS.toFixed(1).padStart(6)} s    target ≤ ${targets.importS} s     ${verdict(importS <= targets.importS)}  (again, all pending: ${againS.toFixed(1)} s)`,
  );
  const token = { sub: instructorId, sv: 0 };
  const sessionMs = await median(async () => {
    for (let i = 0; i < 100; i++) if (!(await resolveSession(handle.db, token))) throw new Error('no session');
  });
  console.log(
    `  a request's session check (one read)         ${(sessionMs / 100).toFixed(2).padStart(6)} ms   target ≤ ${targets.sessionMs} ms     ${verdict(sessionMs / 100 <= targets.sessionMs)}`,
  );

  await startGrading(handle, { workers: true, fresh: false });
  await gradingPool().ready();
  const regradeStarted = performance.now();
  const { regradeId, items } = await createRegrade(handle, course, instructorId, { exercise: numeric.slug, scope: 'exercise' });
  const preview = await waitForRegradePreview(handle.db, course, regradeId, 600);
  const regradeS = (performance.now() - regradeStarted) / 1000;
  await stopGrading();
  console.log(
    `  regrade of ${numeric.slug} for the class (${items} submissions, ${preview.graded} graded, ${preview.failed} failed, through the queue)`,
  );
  console.log(
    `  regrade, whole class                         ${regradeS.toFixed(1).padStart(6)} s    target ≤ ${targets.regradeS} s     ${verdict(preview.status === 'ready' && regradeS <= targets.regradeS)}`,
  );
  return (
    overviewMs <= targets.loadMs &&
    perExerciseMs <= targets.loadMs &&
    rosterMs <= targets.loadMs &&
    importS <= targets.importS &&
    sessionMs / 100 <= targets.sessionMs &&
    regradeS <= targets.regradeS &&
    preview.status === 'ready'
  );
}

export async function dashboardBench(): Promise<boolean> {
  console.log(`\nDashboards: ${students} students × ${exerciseCount} exercises × ${perPair} submissions`);
  let ok = true;
  const dataDir = mkdtempSync(join(tmpdir(), 'deltalab-dashboard-bench-'));
  try {
    const handle = await createDb({ dataDir });
    try {
      ok = (await runOn('Embedded (PGlite)', handle)) && ok;
    } finally {
      await handle.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const url = process.env.TEST_DATABASE_URL?.trim();
  if (!url) {
    console.log('\nPostgreSQL: skipped (set TEST_DATABASE_URL, e.g. eval "$(bash .ci/postgres.sh)")');
    return ok;
  }
  const admin = await createDb({ url, maxConnections: 1, migrate: false });
  const name = `deltalab_dashboard_${randomUUID().replaceAll('-', '').slice(0, 10)}`;
  await admin.executeSql(`create database ${name}`);
  try {
    const target = new URL(url);
    target.pathname = `/${name}`;
    const handle = await createDb({ url: target.toString(), maxConnections: 8 });
    try {
      ok = (await runOn('PostgreSQL', handle)) && ok;
    } finally {
      await handle.close();
    }
  } finally {
    await admin.executeSql(`drop database if exists ${name} with (force)`);
    await admin.close();
  }
  return ok;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  dashboardBench().then(
    (ok) => process.exit(ok ? 0 : 1),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
