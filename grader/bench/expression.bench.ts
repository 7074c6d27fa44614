/**
 * Part of `npm run bench -w @deltalab/grader`: the cost of checking one expression answer in the grader.
 *   - the check alone (gradeExpressionField: parse, allow-list walk, our evaluator at the reference's points, the
 *     comparison, and for a wrong answer every mistake expression at the same points), on a mix of correct, wrong and
 *     unreadable answers for every expression exercise;
 *   - the whole gradeSubmission of such an exercise for a fresh variant each time (solveVariant's tfjs reference at
 *     every sample point included).
 * Target (issue 21): one expression check p50 ≤ 5 ms.
 */
import { cpus } from 'node:os';
import { loadExercises, solveVariant, useReferenceBackend, type ExpressionField } from '@deltalab/exercises';
import { gradeSubmission } from '../src';
import { gradeExpressionField } from '../src/numeric/gradeExpressionField';

const RUNS = 2000;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

await useReferenceBackend('cpu');
const targets = loadExercises().flatMap((exercise) =>
  exercise.kind === 'numeric'
    ? exercise.fields.filter((f): f is ExpressionField => f.kind === 'expression').map((field) => ({ exercise, field }))
    : [],
);
console.log(
  `\nexpression checks on ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}: ${targets.length} fields`,
);

const checks: number[] = [];
for (const { exercise, field } of targets) {
  const solution = solveVariant(exercise, 'canonical');
  if (solution.kind !== 'numeric') throw new Error('numeric expected');
  const reference = solution.expressions[field.name]!;
  // Correct, each known mistake (wrong: every mistake is evaluated), and an unreadable answer.
  const answers = [field.answer, ...(field.mistakes ?? []).map((m) => m.expression), `${field.answer} +* 2`, `(${field.answer})*1.5`];
  for (let i = 0; i < RUNS / targets.length; i++) {
    for (const answer of answers) {
      const started = performance.now();
      gradeExpressionField({ field, reference, answer });
      checks.push(performance.now() - started);
    }
  }
}
checks.sort((a, b) => a - b);
const p50 = percentile(checks, 50);
console.log(
  `  one expression check: p50 ${p50.toFixed(3)} ms, p99 ${percentile(checks, 99).toFixed(3)} ms over ${checks.length}` +
    ` (target p50 ≤ 5 ms: ${p50 <= 5 ? 'met' : 'NOT met'})`,
);

for (const { exercise, field } of targets) {
  const totals: number[] = [];
  const references: number[] = [];
  for (let seed = 1; seed <= 60; seed++) {
    const result = await gradeSubmission({
      exercise: exercise.slug,
      variant: seed,
      submission: { kind: 'numeric', answers: { [field.name]: field.answer } },
    });
    if (!result.passed) throw new Error(`${exercise.slug} seed ${seed}: the model answer did not pass`);
    if (seed > 10) {
      totals.push(result.timings.totalMs);
      references.push(result.timings.referenceMs ?? 0);
    }
  }
  totals.sort((a, b) => a - b);
  references.sort((a, b) => a - b);
  console.log(
    `  ${exercise.slug.padEnd(44)} whole grade p50 ${percentile(totals, 50).toFixed(2)} ms` +
      ` (of which the tfjs reference at ${field.points ?? 12} points ${percentile(references, 50).toFixed(2)} ms)`,
  );
}
if (p50 > 5) process.exitCode = 1;
