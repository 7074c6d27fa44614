/**
 * `npm run bench:load` (root) — the grading pipeline end to end, through the real built site, at the rates a class
 * produces at a deadline. For each setup it starts the site as `npm start` does on a fresh database, signs N students
 * up through the sign-up page's server action, submits over HTTP as the exercise page does (`POST
 * /api/submissions?wait=2`, answered with the grade when it is recorded within 2 s, else followed with `GET
 * /api/submissions/:id?wait=25` held until it is), then prints per phase:
 * submit→graded p50/p95/p99, graded per second, errors, lost submissions (stored but never graded), and CPU per
 * submission (the site's processes, with PostgreSQL's where it runs). Each setup runs LOAD_REPEAT times (default 3),
 * each time on a fresh site, and the median and spread of each phase's figures close it (loadReport.ts).
 *
 * Setups: `embedded` (PGlite, grading in the web server's children); with TEST_DATABASE_URL also `pg1` and `pg2`
 * (PostgreSQL, the web only enqueues, 1 or 2 `grader:worker` processes grade). Phases: `lone` (one submission at a
 * time), `warm` (15 s at LOAD_RATE from 20 students of its own: a server at a deadline has been running, so its code
 * is compiled and warm; reported, for the figures of a cold start), `rate` (code and numeric answers at LOAD_RATE per
 * second for LOAD_SECONDS, from the N students, whose variants the server meets for the first time), `burst` (LOAD_BURST code
 * submissions posted as fast as the site takes them, graded meanwhile), `drain` (LOAD_BURST code submissions stored
 * while grading is paused, then graded after a restart or once the workers start), and with LOAD_BOMBS=1 `bombs` (the
 * rate phase with a heap-exhausting submission every 5 s; the site must stay up and grade them 0). LOAD_BREAKDOWN=1
 * first prints where one submission's time goes, stage by stage (loadBreakdown.ts).
 *
 * Settings (env): LOAD_SETUPS=embedded,pg1,pg2  LOAD_PHASES=lone,rate,burst  LOAD_REPEAT=3  LOAD_RATE=50  LOAD_SECONDS=60
 * LOAD_BURST=2000  LOAD_STUDENTS=100  LOAD_BREAKDOWN=1  LOAD_CPU_PROFILE=<dir> (a V8 CPU profile of the web server)
 * LOAD_TIMELINE=<dir> (each submission's send time and latency, per phase)  LOAD_KEEP_DATA=1 (keep the database for a
 * look afterwards). The per-student submission limit is lifted (SUBMISSION_RATE_LIMIT=100000/60): 100 students
 * submitting 3,000 times in a minute is the load of a much larger class.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import {
  codePayload,
  follow,
  heapBomb,
  numericPayload,
  pick,
  signUpStudents,
  submit,
  type Accepted,
  type Outcome,
  type Payload,
  type Student,
} from './loadClient';
import { breakdown, difference, readParts } from './loadBreakdown';
import { reportRepeats, reportRun, type PhaseFigures, type PhaseResult } from './loadReport';
import { startSite, webDir, type Site } from './loadSite';
import { cpuMeter } from './processCpu';

const numberSetting = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const listSetting = (name: string, fallback: string[]) =>
  process.env[name] ? process.env[name]!.split(',').map((s) => s.trim()) : fallback;
const settings = {
  rate: numberSetting('LOAD_RATE', 50),
  seconds: numberSetting('LOAD_SECONDS', 60),
  burst: numberSetting('LOAD_BURST', 2000),
  students: numberSetting('LOAD_STUDENTS', 100),
  repeat: numberSetting('LOAD_REPEAT', 3),
  phases: listSetting('LOAD_PHASES', ['lone', 'warm', 'rate', 'burst', 'drain', ...(process.env.LOAD_BOMBS === '1' ? ['bombs'] : [])]),
  setups: listSetting('LOAD_SETUPS', process.env.TEST_DATABASE_URL ? ['embedded', 'pg1', 'pg2'] : ['embedded']),
};

// ---------- phases ----------

async function measure(site: Site, body: () => Promise<{ outcomes: Outcome[]; postedPerSecond?: number }>): Promise<PhaseResult> {
  const siteCpu = cpuMeter(site.sitePids);
  const databaseCpu = site.databasePids().length > 0 ? cpuMeter(site.databasePids) : null;
  // With LOAD_BREAKDOWN=1 each phase also splits its CPU by thread and process (PGlite's thread among the others).
  const parts = process.env.LOAD_BREAKDOWN === '1' ? readParts(site) : null;
  const started = performance.now();
  const { outcomes, postedPerSecond } = await body();
  if (parts) {
    const spent = [...difference(readParts(site), parts)].filter(([, ms]) => ms > 0);
    console.log(`    CPU per submission, ms: ${spent.map(([part, ms]) => `${part} ${(ms / outcomes.length).toFixed(2)}`).join(', ')}`);
  }
  return {
    outcomes,
    wallSeconds: (performance.now() - started) / 1000,
    siteCpuSeconds: siteCpu().cpuSeconds,
    databaseCpuSeconds: databaseCpu ? databaseCpu().cpuSeconds : null,
    ...(postedPerSecond !== undefined ? { postedPerSecond } : {}),
  };
}

async function lonePhase(site: Site, students: Student[]) {
  return measure(site, async () => {
    const outcomes: Outcome[] = [];
    for (let i = 0; i < 30; i++) {
      outcomes.push(await submit(site, pick(students), i % 3 === 2 ? numericPayload() : codePayload()).outcome);
      await new Promise((r) => setTimeout(r, 100));
    }
    return { outcomes };
  });
}

/** Open-loop arrivals: submission i leaves at i / rate seconds, whatever the site's answers so far. */
async function ratePhase(site: Site, students: Student[], options: { bombEverySeconds?: number; seconds?: number } = {}) {
  return measure(site, async () => {
    const total = Math.round(settings.rate * (options.seconds ?? settings.seconds));
    const started = performance.now();
    const pending: Promise<Outcome>[] = [];
    let nextBomb = options.bombEverySeconds ?? Infinity;
    for (let i = 0; i < total; i++) {
      const due = started + (i * 1000) / settings.rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const elapsed = (performance.now() - started) / 1000;
      const payload =
        elapsed >= nextBomb
          ? ((nextBomb += options.bombEverySeconds!), codePayload(heapBomb))
          : i % 4 === 3
            ? numericPayload()
            : codePayload();
      pending.push(submit(site, pick(students), payload).outcome);
    }
    return { outcomes: await Promise.all(pending) };
  });
}

async function burstPhase(site: Site, students: Student[]) {
  return measure(site, async () => {
    const pending: Promise<Outcome>[] = [];
    const started = performance.now();
    let posted = 0;
    let next = 0;
    // 64 clients posting back to back; each submission is then followed on its own.
    await Promise.all(
      Array.from({ length: 64 }, async () => {
        while (next < settings.burst) {
          next++;
          // As an API client posting as fast as it can: not waiting for grades (the page's POST waits up to 2 s).
          const submitted = submit(site, pick(students), codePayload(), { wait: 0 });
          pending.push(submitted.outcome);
          // The next post from this client once this one is accepted (its follow goes on in the background).
          await submitted.accepted;
          posted++;
        }
      }),
    );
    const postedPerSecond = posted / ((performance.now() - started) / 1000);
    return { outcomes: await Promise.all(pending), postedPerSecond };
  });
}

/**
 * A backlog drains: LOAD_BURST code submissions stored while grading is paused (as after an outage, or a regrade),
 * then grading resumes (embedded: the server restarts, and recovers them; PostgreSQL: the workers start). Each is
 * followed from then on, as pages reconnecting would; latency counts from the resume, start-up included.
 */
async function drainPhase(site: Site, students: Student[]) {
  await site.pauseGrading();
  const stored: Array<{ student: Student; payload: Payload; accepted: Accepted }> = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 64 }, async () => {
      while (next < settings.burst) {
        next++;
        const student = pick(students);
        const payload = codePayload();
        const response = await fetch(`${site.base}/api/submissions`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Cookie: student.jar.header() },
          body: JSON.stringify(payload),
        });
        stored.push({ student, payload, accepted: { status: response.status, body: (await response.json()) as Accepted['body'] } });
      }
    }),
  );
  return measure(site, async () => {
    const resumedAt = performance.now();
    await site.resumeGrading();
    const outcomes = await Promise.all(
      stored.map(({ student, payload, accepted }) => follow(site, student, { payload, submittedAt: resumedAt }, Promise.resolve(accepted))),
    );
    return { outcomes };
  });
}

// ---------- runs ----------

/** One run of a setup: a fresh site, its students, every phase in turn. */
async function runSetup(setup: string, runs: Map<string, PhaseFigures[]>): Promise<boolean> {
  const workers = setup === 'pg1' ? 1 : setup === 'pg2' ? 2 : 0;
  const site = await startSite(setup, workers);
  let failed = false;
  try {
    const students = await signUpStudents(site, settings.students);
    // Students of their own for the warm-up: the measured phases still meet every variant of theirs for the first time.
    const warmUpStudents = settings.phases.includes('warm') ? await signUpStudents(site, 20) : [];
    for (const phase of settings.phases) {
      const result =
        phase === 'lone'
          ? await lonePhase(site, students)
          : phase === 'warm'
            ? await ratePhase(site, warmUpStudents, { seconds: 15 })
            : phase === 'rate'
              ? await ratePhase(site, students)
              : phase === 'burst'
                ? await burstPhase(site, students)
                : phase === 'drain'
                  ? await drainPhase(site, students)
                  : await ratePhase(site, students, { bombEverySeconds: 5 });
      const figures = reportRun(setup, phase, result, (o) => 'code' in o.payload && o.payload.code === heapBomb);
      runs.set(phase, [...(runs.get(phase) ?? []), figures]);
      // LOAD_TIMELINE=<dir>: each submission's send time and latency, for finding stalls.
      if (process.env.LOAD_TIMELINE) {
        const first = Math.min(...result.outcomes.map((o) => o.submittedAt));
        const lines = result.outcomes.map(
          (o) => `${(o.submittedAt - first).toFixed(0)}\t${o.finishedAt === undefined ? 'NA' : (o.finishedAt - o.submittedAt).toFixed(0)}`,
        );
        writeFileSync(join(process.env.LOAD_TIMELINE, `${setup}-${phase}.tsv`), `sentMs\tlatencyMs\n${lines.join('\n')}\n`);
      }
      failed ||= figures.errors > 0 || figures.lost > 0;
    }
  } finally {
    await site.stop();
  }
  return failed;
}

async function main() {
  if (!existsSync(join(webDir, '.next', 'BUILD_ID'))) {
    console.error('No build: run `npm run build -w @deltalab/web` first.');
    process.exit(2);
  }
  console.log(
    `Load benchmark: setups ${settings.setups.join(', ')}; phases ${settings.phases.join(', ')}; ${settings.repeat} run(s) each; rate ${settings.rate}/s for ${settings.seconds} s; burst ${settings.burst}; ${settings.students} students; ${cpus().length} cores`,
  );
  let failed = false;
  for (const setup of settings.setups) {
    if (setup !== 'embedded' && !process.env.TEST_DATABASE_URL) throw new Error(`setup ${setup} needs TEST_DATABASE_URL`);
    if (process.env.LOAD_BREAKDOWN === '1') await breakdown(setup, setup === 'pg1' ? 1 : setup === 'pg2' ? 2 : 0);
    const runs = new Map<string, PhaseFigures[]>();
    for (let run = 1; run <= settings.repeat; run++) {
      if (settings.repeat > 1) console.log(`  ${setup}, run ${run} of ${settings.repeat}`);
      failed = (await runSetup(setup, runs)) || failed;
    }
    if (runs.size > 0) reportRepeats(setup, runs);
  }
  if (failed) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
