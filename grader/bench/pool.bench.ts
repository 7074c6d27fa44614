/**
 * npm run bench:pool -w @deltalab/grader (also part of `npm run bench -w @deltalab/grader`)
 *
 * Grading alone, through the grading child processes as the site grades (GradingProcessPool with its defaults: 2
 * children of 2 isolates and a spare), with nothing else on the machine: no database, no queue, no web server. Each
 * submission is mlp-forward-code's solution made unique by a comment (as every student's code is: no compile cache
 * hits), for 100 students' variants.
 *   - backlog: BENCH_POOL_JOBS submissions from 100 new students, handed over as the queue hands them (at most twice the
 *     pool's capacity in hand): the most a drain can reach on this machine, whatever the database and the site cost;
 *   - 50/s: one every 20 ms for 10 s from the same students, a class at a deadline: CPU per grade when every process
 *     sleeps between grades.
 * Per phase: grades per second, and CPU per grade of the children and of this process (the supervisor: compiling the
 * code, the messages), from /proc. Figures only (Linux).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { getExercise } from '@deltalab/exercises';
import { GradingProcessPool, type ChildGrade } from '../src';

const JOBS = Number(process.env.BENCH_POOL_JOBS ?? 2000);
const STUDENTS = 100;
const solution = getExercise('mlp-forward-code').solutionSource!;

/** CPU milliseconds of a process (all its threads) from /proc, or 0 once it is gone. */
function processCpuMs(pid: number): number {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) / 100) * 1000;
  } catch {
    return 0;
  }
}

/** This process's children (the grading children and the shells that exec'd them), by /proc. */
function childPids(): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => {
      try {
        const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return Number(text.slice(text.lastIndexOf(')') + 2).split(' ')[1]) === process.pid;
      } catch {
        return false;
      }
    });
}

let submissions = 0;
let variantBase = 1_000;
/** The next student's unique submission. Each backlog phase's students are new: their variants are met for the first time. */
function nextRequest(student: number) {
  return {
    exercise: 'mlp-forward-code',
    variant: variantBase + student,
    submission: { kind: 'code' as const, code: `${solution}\n// submission ${++submissions}\n` },
  };
}

async function phase(pool: GradingProcessPool, name: string, run: (grade: () => Promise<ChildGrade>) => Promise<number>) {
  const children = childPids();
  const before = { children: children.map(processCpuMs), self: process.cpuUsage() };
  let failed = 0;
  const grade = () =>
    pool.grade(nextRequest(Math.floor(Math.random() * STUDENTS))).then((outcome) => {
      // The solution must pass every time: a bench whose grades went wrong measures nothing.
      if (outcome.kind !== 'graded' || !outcome.result.passed) failed++;
      return outcome;
    });
  const started = performance.now();
  const graded = await run(grade);
  const seconds = (performance.now() - started) / 1000;
  const childrenMs = children.reduce((sum, pid, i) => sum + processCpuMs(pid) - before.children[i]!, 0);
  const self = process.cpuUsage(before.self);
  const selfMs = (self.user + self.system) / 1000;
  console.log(
    `${name.padEnd(8)} ${String(graded).padStart(5)} grades  ${(graded / seconds).toFixed(0).padStart(4)}/s  CPU per grade: children ${(childrenMs / graded).toFixed(2)} ms, supervisor ${(selfMs / graded).toFixed(2)} ms, both ${((childrenMs + selfMs) / graded).toFixed(2)} ms${failed ? `  NOT PASSED: ${failed}` : ''}`,
  );
  if (failed) process.exitCode = 1;
}

const pool = new GradingProcessPool({ log: () => {} });
await pool.ready();
// The children's first grades compile and optimise the grader: not what a running site pays.
await Promise.all(Array.from({ length: 40 }, (_, i) => pool.grade(nextRequest(i % STUDENTS))));

console.log(
  `grading through ${pool.size} children of ${pool.isolatesPerChild} isolates (mlp-forward-code, unique submissions, ${STUDENTS} students)`,
);
for (let round = 0; round < 2; round++) {
  variantBase += STUDENTS;
  await phase(pool, 'backlog', async (grade) => {
    let handed = 0;
    const window = 2 * pool.capacity;
    await Promise.all(
      Array.from({ length: window }, async () => {
        while (handed < JOBS) {
          handed++;
          await grade();
        }
      }),
    );
    return JOBS;
  });
  await phase(pool, '50/s', async (grade) => {
    const pending: Promise<unknown>[] = [];
    const started = performance.now();
    for (let i = 0; i < 500; i++) {
      const wait = started + i * 20 - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      pending.push(grade());
    }
    await Promise.all(pending);
    return pending.length;
  });
}
await pool.close();
