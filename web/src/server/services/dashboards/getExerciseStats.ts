import {
  discriminationInputs,
  type StudentFilter,
  exerciseSubmissionFacts,
  selectCourseExerciseBySlug,
  type Database,
  type ExerciseSubmissionFacts,
} from '@deltalab/db';
import type { CurrentCourse } from '../courses/getCurrentCourse';
import { SubmissionError } from '../submissions/submissionError';

export interface ExerciseStats {
  exercise: { slug: string; title: string; kind: string };
  submissions: number;
  studentsAttempted: number;
  studentsSolved: number;
  /** Solved / attempted, 0..1 (null: nobody attempted). */
  successRate: number | null;
  /** Students by the number of attempts they used: { attempts, students }. */
  attemptsDistribution: { attempts: number; students: number }[];
  /** Among students who solved it: the attempt that first passed, and minutes from their first submission to it. */
  medianAttemptsToSolve: number | null;
  medianMinutesToSolve: number | null;
  /** Ten bins of width 0.1 (the last includes 1): students by best score, and by their first graded score. */
  scoreHistogram: number[];
  firstScoreHistogram: number[];
  /**
   * Discrimination as PrairieLearn's question statistics give it: the correlation (×100) between students' best score
   * here and their total on the course's other exercises; null with fewer than 5 students or no spread.
   */
  discrimination: number | null;
  /** Code: the cases failed most often, by the share of attempting students who failed them at least once. */
  failingCases: { name: string; students: number; share: number }[];
  /** The diagnoses given most often ("37 % forgot the activation derivative"), by share of attempting students. */
  diagnoses: { mistake: string; message: string; students: number; share: number }[];
  /** Numeric only. */
  numeric?: {
    /** Per field: how many graded submissions had it as their first field not correct (or carried). */
    firstWrongField: { field: string; submissions: number; share: number }[];
    /** Share of graded submissions with at least one field given carried-forward credit, and per field. */
    carriedShare: number;
    carriedByField: { field: string; submissions: number }[];
    /** The most common wrong values per field, grouped by the known mistake they match (null: none). */
    wrongValues: { field: string; mistake: string | null; value: number; submissions: number }[];
    /** Expression fields: the most common wrong expressions (as the grader read them), known mistakes first. */
    wrongExpressions: { field: string; mistake: string | null; expression: string; submissions: number }[];
  };
}

/** The per-exercise figures for the course's real students (GET /api/instructor/exercises/:slug/stats). */
export async function getExerciseStats(
  db: Database,
  course: CurrentCourse,
  slug: string,
  filter: StudentFilter = {},
): Promise<ExerciseStats> {
  const row = await selectCourseExerciseBySlug(db, course.id, slug);
  if (!row) throw new SubmissionError('unknown-exercise', `Unknown exercise '${slug}' in ${course.title}.`);
  const [facts, totals] = await Promise.all([
    exerciseSubmissionFacts(db, course.id, row.exerciseId, filter),
    discriminationInputs(db, course.id, row.exerciseId, filter),
  ]);
  return computeStats({ slug: row.slug, title: row.title, kind: row.kind }, facts, totals);
}

type PerStudent = {
  attempts: number;
  best: number | null;
  first: number | null;
  firstAt: Date;
  solvedAt: Date | null;
  solvedAttempt: number | null;
  cases: Set<string>;
  mistakes: Set<string>;
};

function computeStats(
  exercise: ExerciseStats['exercise'],
  facts: ExerciseSubmissionFacts[],
  totals: { userId: string; here: number; rest: number }[],
): ExerciseStats {
  const students = new Map<string, PerStudent>();
  const messages = new Map<string, string>();
  for (const f of facts) {
    let s = students.get(f.userId);
    if (!s) {
      s = {
        attempts: 0,
        best: null,
        first: null,
        firstAt: f.createdAt,
        solvedAt: null,
        solvedAttempt: null,
        cases: new Set(),
        mistakes: new Set(),
      };
      students.set(f.userId, s);
    }
    s.attempts = Math.max(s.attempts, f.attempt);
    if (f.status !== 'graded') continue;
    const score = f.score ?? 0;
    s.best = s.best === null ? score : Math.max(s.best, score);
    if (s.first === null) s.first = score;
    if (f.passed && !s.solvedAt) {
      s.solvedAt = f.createdAt;
      s.solvedAttempt = f.attempt;
    }
    for (const name of f.failedCases ?? []) s.cases.add(name);
    const mistakes = [f.mistake, ...(f.fields ?? []).map((field) => field[3])].filter((m): m is string => !!m);
    for (const m of mistakes) s.mistakes.add(m);
    if (f.mistake && f.mistakeMessage) messages.set(f.mistake, f.mistakeMessage);
  }
  const all = [...students.values()];
  const solvers = all.filter((s) => s.solvedAt);
  const attempted = all.length;
  const share = (n: number) => (attempted === 0 ? 0 : round(n / attempted));

  const attemptsCounts = new Map<number, number>();
  for (const s of all) attemptsCounts.set(s.attempts, (attemptsCounts.get(s.attempts) ?? 0) + 1);

  const caseCounts = countSets(all.map((s) => s.cases));
  const mistakeCounts = countSets(all.map((s) => s.mistakes));

  const stats: ExerciseStats = {
    exercise,
    submissions: facts.length,
    studentsAttempted: attempted,
    studentsSolved: solvers.length,
    successRate: attempted === 0 ? null : round(solvers.length / attempted),
    attemptsDistribution: [...attemptsCounts.entries()].sort(([a], [b]) => a - b).map(([attempts, n]) => ({ attempts, students: n })),
    medianAttemptsToSolve: median(solvers.map((s) => s.solvedAttempt!)),
    medianMinutesToSolve: roundOrNull(median(solvers.map((s) => (s.solvedAt!.getTime() - s.firstAt.getTime()) / 60_000))),
    scoreHistogram: histogram(all.map((s) => s.best).filter((v): v is number => v !== null)),
    firstScoreHistogram: histogram(all.map((s) => s.first).filter((v): v is number => v !== null)),
    discrimination: discrimination(totals),
    failingCases: top(caseCounts).map(([name, n]) => ({ name, students: n, share: share(n) })),
    diagnoses: top(mistakeCounts).map(([mistake, n]) => ({
      mistake,
      message: messages.get(mistake) ?? describeMistake(mistake),
      students: n,
      share: share(n),
    })),
  };
  if (exercise.kind === 'numeric') stats.numeric = numericFigures(facts);
  return stats;
}

function numericFigures(facts: ExerciseSubmissionFacts[]): NonNullable<ExerciseStats['numeric']> {
  const graded = facts.filter((f) => f.status === 'graded' && f.fields);
  const firstWrong = new Map<string, number>();
  const carried = new Map<string, number>();
  const wrongValues = new Map<string, { field: string; mistake: string | null; value: number; submissions: number }>();
  const wrongExpressions = new Map<string, { field: string; mistake: string | null; expression: string; submissions: number }>();
  let withCarried = 0;
  for (const f of graded) {
    const fields = f.fields!;
    const first = fields.find(([, status]) => status !== 'correct' && status !== 'carried');
    if (first) firstWrong.set(first[0], (firstWrong.get(first[0]) ?? 0) + 1);
    let anyCarried = false;
    for (const [name, status, value, mistake, expression] of fields) {
      if (status === 'carried') {
        anyCarried = true;
        carried.set(name, (carried.get(name) ?? 0) + 1);
      }
      if (status === 'wrong' && typeof expression === 'string') {
        const key = `${name}|${mistake ?? ''}|${expression}`;
        const entry = wrongExpressions.get(key) ?? { field: name, mistake: mistake ?? null, expression, submissions: 0 };
        entry.submissions++;
        wrongExpressions.set(key, entry);
      }
      if (status === 'wrong' && typeof value === 'number') {
        const shown = Number(value.toPrecision(4));
        const key = `${name}|${mistake ?? ''}|${shown}`;
        const entry = wrongValues.get(key) ?? { field: name, mistake: mistake ?? null, value: shown, submissions: 0 };
        entry.submissions++;
        wrongValues.set(key, entry);
      }
    }
    if (anyCarried) withCarried++;
  }
  const n = graded.length;
  return {
    firstWrongField: [...firstWrong.entries()]
      .sort(([, a], [, b]) => b - a)
      .map(([field, count]) => ({ field, submissions: count, share: n === 0 ? 0 : round(count / n) })),
    carriedShare: n === 0 ? 0 : round(withCarried / n),
    carriedByField: [...carried.entries()].sort(([, a], [, b]) => b - a).map(([field, count]) => ({ field, submissions: count })),
    // Known mistakes first, then the most frequent values.
    wrongValues: [...wrongValues.values()]
      .sort((a, b) => Number(b.mistake !== null) - Number(a.mistake !== null) || b.submissions - a.submissions)
      .slice(0, 20),
    wrongExpressions: [...wrongExpressions.values()]
      .sort((a, b) => Number(b.mistake !== null) - Number(a.mistake !== null) || b.submissions - a.submissions)
      .slice(0, 20),
  };
}

/** Pearson correlation × 100 of the best score here with the total on the other exercises, over students who tried it. */
function discrimination(totals: { here: number; rest: number }[]): number | null {
  const pairs = totals.map((t) => [t.here, t.rest] as const);
  if (pairs.length < 5) return null;
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const mx = mean(pairs.map(([x]) => x));
  const my = mean(pairs.map(([, y]) => y));
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const [x, y] of pairs) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  }
  if (sxx === 0 || syy === 0) return null;
  return Math.round(((100 * sxy) / Math.sqrt(sxx * syy)) * 10) / 10;
}

function countSets(sets: Set<string>[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const set of sets) for (const item of set) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

function top(counts: Map<string, number>, limit = 10): [string, number][] {
  return [...counts.entries()].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).slice(0, limit);
}

function histogram(values: number[]): number[] {
  const bins = Array.from({ length: 10 }, () => 0);
  for (const v of values) bins[Math.min(9, Math.max(0, Math.floor(v * 10)))]!++;
  return bins;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function describeMistake(mistake: string): string {
  return mistake.replaceAll('-', ' ');
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function roundOrNull(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}
