/**
 * npm run bench -w @deltalab/grader
 *
 * For mlp-forward-code and mlp-backprop-code (every visible + hidden case of the canonical variant), grading
 * the exercise's own solution.ts:
 *   - latency p50/p99 of one gradeSubmission, one at a time (sandbox: compile cache hit, fresh context, all cases)
 *   - grades per second with the pool on 2 isolates and several grades in flight
 *   - ratio of sandboxed grading time to the same work done directly in the host: the same compiled student
 *     module, instantiated fresh per grade, called on pristine copies of every case and compared with the
 *     reference (measured interleaved with the sandboxed grades); and, for reference, to the bare calls alone.
 * Targets (issue 4): p50 ≤ 5 ms, p99 ≤ 20 ms, ≥ 200 grades/s, ratio ≤ 5×.
 */
import { cpus } from 'node:os';
import { getExercise, solveVariant, type Exercise } from '@deltalab/exercises';
import * as esbuild from 'esbuild';
import { closeSharedPool, compareWithTolerance, gradeSubmission, IsolatePool } from '../src';

const SLUGS = ['mlp-forward-code', 'mlp-backprop-code'];
const LATENCY_RUNS = 400;
const THROUGHPUT_SECONDS = 4;
const IN_FLIGHT = 8;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');

async function hostModule(source: string): Promise<(...args: unknown[]) => Record<string, (...args: unknown[]) => unknown>> {
  const { code } = await esbuild.transform(source, { loader: 'ts', format: 'cjs', target: 'es2022' });
  // A factory: each call evaluates the module body afresh, like the sandbox's fresh context per grade.
  return new Function('module', 'exports', `${code}\nreturn module.exports;`) as never;
}

async function benchExercise(slug: string, pool: IsolatePool) {
  const exercise = getExercise(slug) as Exercise & { kind: 'code' };
  const code = exercise.solutionSource!;
  const request = { exercise: slug, variant: 'canonical' as const, submission: { kind: 'code' as const, code } };
  const solution = solveVariant(exercise, 'canonical');
  if (solution.kind !== 'code') throw new Error('not code');
  const cases = solution.cases;

  const factory = await hostModule(code);
  /** The same work in the host: the compiled module evaluated afresh, every case on pristine copies, compared. */
  const gradeDirectly = () => {
    const t = performance.now();
    const mod = factory({ exports: {} }, {});
    let callsMs = 0;
    for (const c of cases) {
      const args = structuredClone(c.args) as unknown[];
      const tc = performance.now();
      const actual = mod[c.entry]!(...args);
      callsMs += performance.now() - tc;
      if (!compareWithTolerance(structuredClone(actual), c.expected, exercise.tolerance).equal) throw new Error('direct run failed');
    }
    return { ms: performance.now() - t, callsMs };
  };

  // warm up: tfjs reference cache, esbuild, isolates, and the host's JIT for the direct path
  for (let i = 0; i < 30; i++) {
    const r = await gradeSubmission(request, { pool });
    if (!r.passed) throw new Error(`${slug}: the solution does not pass: ${JSON.stringify(r.error ?? r.cases?.find((c) => !c.passed))}`);
    gradeDirectly();
  }

  // Sandboxed and direct grades interleaved, one of each per round: on a noisy machine both see the same moments,
  // so their ratio does not depend on when each phase happened to run.
  const latencies: number[] = [];
  const directGrade: number[] = [];
  const directCalls: number[] = [];
  for (let i = 0; i < LATENCY_RUNS; i++) {
    const t = performance.now();
    await gradeSubmission(request, { pool });
    latencies.push(performance.now() - t);
    const direct = gradeDirectly();
    directGrade.push(direct.ms);
    directCalls.push(direct.callsMs);
  }
  latencies.sort((a, b) => a - b);
  directGrade.sort((a, b) => a - b);
  directCalls.sort((a, b) => a - b);

  let done = 0;
  const until = performance.now() + THROUGHPUT_SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (performance.now() < until) {
        await gradeSubmission(request, { pool });
        done++;
      }
    }),
  );
  const gradesPerSecond = done / ((performance.now() - started) / 1000);

  const p50 = percentile(latencies, 50);
  const p99 = percentile(latencies, 99);
  const ratio = p50 / percentile(directGrade, 50);
  const bareRatio = p50 / Math.max(percentile(directCalls, 50), 0.001);
  console.log(`\n${slug}: ${cases.length} cases (${cases.filter((c) => c.hidden).length} hidden), pool of 2 isolates`);
  console.log(`  latency p50 ${fmt(p50)}  (target ≤ 5 ms: ${verdict(p50 <= 5)})`);
  console.log(`  latency p99 ${fmt(p99)}  (target ≤ 20 ms: ${verdict(p99 <= 20)})`);
  console.log(
    `  throughput ${gradesPerSecond.toFixed(0)} grades/s with ${IN_FLIGHT} in flight  (target ≥ 200: ${verdict(gradesPerSecond >= 200)})`,
  );
  console.log(
    `  direct in host: grade p50 ${fmt(percentile(directGrade, 50))}, function calls alone p50 ${fmt(percentile(directCalls, 50))}`,
  );
  console.log(`  ratio sandboxed / direct grade ${ratio.toFixed(1)}×  (target ≤ 5×: ${verdict(ratio <= 5)})`);
  console.log(
    `  ratio sandboxed / bare calls ${bareRatio.toFixed(0)}×  (informative: the fixed per-grade cost of a fresh context dominates tiny cases)`,
  );
  return { p50, p99, gradesPerSecond, ratio };
}

console.log(`grader bench on ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}`);
const pool = new IsolatePool({ size: 2 });
const results = [];
for (const slug of SLUGS) results.push(await benchExercise(slug, pool));
pool.close();
closeSharedPool();
const allMet = results.every((r) => r.p50 <= 5 && r.p99 <= 20 && r.gradesPerSecond >= 200 && r.ratio <= 5);
console.log(
  `\nall targets ${allMet ? 'met' : 'NOT all met'}; isolates created ${pool.stats.created}, retired ${pool.stats.retired}, jobs ${pool.stats.jobs}`,
);
process.exit(0);
