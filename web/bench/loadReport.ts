/**
 * The load benchmark's figures (load.ts): one line per phase and run, then, over LOAD_REPEAT runs, the median and the
 * spread of each figure that decides a target. A figure whose runs differ by more than 2× says so: the median of a
 * noisy measure is no better than its best run.
 */
import type { Outcome } from './loadClient';

export type PhaseResult = {
  outcomes: Outcome[];
  wallSeconds: number;
  /** CPU of the site's processes (web server, grading workers, their grading children and esbuild), and of PostgreSQL. */
  siteCpuSeconds: number;
  databaseCpuSeconds: number | null;
  postedPerSecond?: number;
};

export type PhaseFigures = {
  p50: number;
  p99: number;
  /** Graded per second: by the server's clock from the first grade to the last for a drain, else by the followers'. */
  gradedPerSecond: number;
  /** Site CPU (and PostgreSQL's, when measured) per submission, ms. */
  cpuMsPerSubmission: number;
  errors: number;
  lost: number;
};

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const fmt = (ms: number) => (Number.isNaN(ms) ? '   -' : ms.toFixed(0).padStart(5));

/**
 * A drain by the server's own clock (each submission's gradedAt): how long after the resume grading began (a restart,
 * the workers' start-up) and the rate from the first grade recorded to the last. Followers' timing does not enter.
 */
function drainFigures(outcomes: Outcome[], resumedAt: number): { rate: number; firstAfterS: number } | null {
  const graded = outcomes.flatMap((o) => (o.gradedAt === undefined ? [] : [o.gradedAt])).sort((a, b) => a - b);
  if (graded.length < 2) return null;
  const resumedEpoch = performance.timeOrigin + resumedAt;
  return {
    rate: graded.length / ((graded[graded.length - 1]! - graded[0]!) / 1000),
    firstAfterS: (graded[0]! - resumedEpoch) / 1000,
  };
}

/** Prints one run of a phase; returns its figures. */
export function reportRun(setup: string, phase: string, result: PhaseResult, isBomb: (o: Outcome) => boolean): PhaseFigures {
  const graded = result.outcomes.filter((o) => o.finishedAt !== undefined && !isBomb(o));
  const latencies = graded.map((o) => o.finishedAt! - o.submittedAt).sort((a, b) => a - b);
  const errors = result.outcomes.filter((o) => o.error !== undefined || o.status === 'failed');
  const lost = result.outcomes.filter((o) => o.status === 'lost');
  const reconnects = result.outcomes.reduce((sum, o) => sum + (o.reconnects ?? 0), 0);
  const finished = result.outcomes.filter((o) => o.finishedAt !== undefined);
  const first = Math.min(...result.outcomes.map((o) => o.submittedAt));
  const last = Math.max(...finished.map((o) => o.finishedAt!));
  const drain = phase === 'drain' ? drainFigures(result.outcomes, first) : null;
  const gradedPerSecond = drain ? drain.rate : finished.length / ((last - first) / 1000);
  const cpuSeconds = result.siteCpuSeconds + (result.databaseCpuSeconds ?? 0);
  const cpuMsPerSubmission = (cpuSeconds * 1000) / result.outcomes.length;
  const bombs = result.outcomes.filter(isBomb);
  const cores = (seconds: number) => (seconds / result.wallSeconds).toFixed(2);
  const parts = [
    `${setup.padEnd(9)} ${phase.padEnd(6)} n=${String(result.outcomes.length).padStart(4)}`,
    `submit→graded p50 ${fmt(percentile(latencies, 50))} ms  p95 ${fmt(percentile(latencies, 95))}  p99 ${fmt(percentile(latencies, 99))}  max ${fmt(latencies[latencies.length - 1] ?? NaN)}`,
    drain
      ? `graded/s ${drain.rate.toFixed(0)} by the server's clock (first graded ${drain.firstAfterS.toFixed(1)} s after the resume)`
      : `graded/s ${gradedPerSecond.toFixed(0).padStart(4)}`,
    ...(result.postedPerSecond ? [`(posted/s ${result.postedPerSecond.toFixed(0)})`] : []),
    `errors ${errors.length}  lost ${lost.length}`,
    ...(reconnects > 0 ? [`follow reconnects ${reconnects}`] : []),
    `CPU ${cpuMsPerSubmission.toFixed(1)} ms/submission (site ${cores(result.siteCpuSeconds)} cores${result.databaseCpuSeconds !== null ? `, PostgreSQL ${cores(result.databaseCpuSeconds)}` : ''})`,
    ...(bombs.length > 0
      ? [`heap bombs ${bombs.length}, graded 0: ${bombs.filter((o) => o.status === 'graded' && o.score === 0).length}`]
      : []),
  ];
  console.log(`  ${parts.join('  ')}`);
  for (const error of errors.slice(0, 3)) console.log(`      error: ${error.error ?? `status ${error.status}`}`);
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    gradedPerSecond,
    cpuMsPerSubmission,
    errors: errors.length,
    lost: lost.length,
  };
}

/** The median of the runs and their spread; "moved N×" when the largest is more than twice the smallest. */
function summary(values: number[], unit: string, digits = 0): string {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return '-';
  const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
  const [min, max] = [sorted[0]!, sorted[sorted.length - 1]!];
  if (sorted.length === 1) return `${median.toFixed(digits)} ${unit}`;
  const moved = min > 0 && max / min > 2 ? `, moved ${(max / min).toFixed(1)}× between runs` : '';
  return `${median.toFixed(digits)} ${unit} (${min.toFixed(digits)}–${max.toFixed(digits)}${moved})`;
}

/** After every run of a setup: per phase, the median and spread of p50, p99, graded/s and CPU per submission. */
export function reportRepeats(setup: string, runs: Map<string, PhaseFigures[]>): void {
  const count = Math.max(...[...runs.values()].map((r) => r.length));
  console.log(`  ${setup}: median of ${count} run(s) (lowest–highest)`);
  for (const [phase, figures] of runs) {
    const of = (key: keyof PhaseFigures) => figures.map((f) => f[key]);
    const rate = phase === 'drain' || phase === 'burst' ? `  graded/s ${summary(of('gradedPerSecond'), '/s')}` : '';
    console.log(
      `    ${phase.padEnd(6)} p50 ${summary(of('p50'), 'ms')}  p99 ${summary(of('p99'), 'ms')}${rate}  CPU/submission ${summary(of('cpuMsPerSubmission'), 'ms', 1)}`,
    );
  }
}
