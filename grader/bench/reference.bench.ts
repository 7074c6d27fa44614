/**
 * npm run bench:reference -w @deltalab/grader (part of `npm run bench`)
 *
 * The reference's time per grade (GradeResult.timings.referenceMs, and the whole grade's totalMs) for catalogue
 * exercises, whose code runs on the host, and for the same folders authored in the site, whose code runs in isolates
 * (a fresh context per job: tfjs run into it, the folder's script, then the calls). In-process, on one isolate, the
 * code a grading child runs. Per exercise and path:
 *   - miss: a variant graded for the first time (the reference computes it: on the host, or one isolate job);
 *   - hit: the same variant graded again (what the reference gave is cached by exercise version and variant);
 *   - class: a class at a deadline, each student grading their own variant 4 times (1 miss, 3 hits), per grade;
 *   - carried (numeric with derived fields): a wrong upstream value, so the grader recomputes downstream fields from
 *     it with the reference's formula (never cached: it depends on the answer).
 * The same script runs against the commit before issue 17 (authored folders then ran on the host), for the "before".
 */
import { exerciseFolderFiles, getExercise, hashFiles, solveVariant, variantParams, variantSeed, type Exercise } from '@deltalab/exercises';
import { gradeSubmission, IsolatePool, type GradeRequest, type GradeResult } from '../src';

const SLUGS = ['perceptron-forward', 'backprop-mazur', 'mlp-forward-code', 'mlp-backprop-code'];
const VARIANTS = Number(process.env.BENCH_VARIANTS ?? 40);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const ms = (value: number) => value.toFixed(2).padStart(7);

function authoredFolder(exercise: Exercise) {
  const files = exerciseFolderFiles(exercise.dir);
  files['definition.ts'] = files['definition.ts']!.replace(/slug: '[^']+'/, `slug: 'site-${exercise.slug}'`);
  return { hash: hashFiles(files), files };
}

/**
 * A right submission for the variant (the reference's own answers, or the solution). `wrongUpstream` slips, by 10 %,
 * the first field another field derives from: the grader then recomputes that field from the slip.
 */
function submission(exercise: Exercise, variant: number | 'canonical', wrongUpstream = false): GradeRequest['submission'] {
  if (exercise.kind === 'code') return { kind: 'code', code: exercise.solutionSource! };
  const solution = solveVariant(exercise, variant);
  const values = solution.kind === 'numeric' ? solution.values : {};
  const slipped = wrongUpstream ? exercise.fields.find((f) => f.derive)?.derive?.from[0] : undefined;
  const answers: Record<string, string> = Object.fromEntries(exercise.fields.map((f) => [f.name, String(values[f.name])]));
  if (slipped) {
    // The slip upstream, and what the reference's formula makes of it in the fields right below it.
    const upstream = { ...values, [slipped]: 1.1 * values[slipped]! };
    answers[slipped] = String(upstream[slipped]);
    const params = variantParams(exercise, variant);
    for (const field of exercise.fields)
      if (field.derive?.from.includes(slipped)) answers[field.name] = String(field.derive.compute(params, upstream));
  }
  return { kind: 'numeric', answers };
}

async function timed(pool: IsolatePool, request: GradeRequest): Promise<{ reference: number; total: number }> {
  const result: GradeResult = await gradeSubmission(request, { pool });
  if (result.error) throw new Error(`${request.exercise}: ${result.error.message}`);
  return { reference: result.timings.referenceMs ?? 0, total: result.timings.totalMs };
}

type Row = { slug: string; path: string; miss: number; hit: number; missTotal: number; hitTotal: number; carried?: number };

async function bench(pool: IsolatePool, exercise: Exercise, authored: boolean, round: number): Promise<Row> {
  const folder = authored ? authoredFolder(exercise) : undefined;
  const slug = authored ? `site-${exercise.slug}` : exercise.slug;
  const request = (variant: number | 'canonical', wrongUpstream = false): GradeRequest => ({
    exercise: slug,
    variant,
    submission: submission(exercise, variant, wrongUpstream),
    ...(folder ? { folder } : {}),
  });
  for (let i = 0; i < 3; i++) await timed(pool, request('canonical'));
  const miss: number[] = [];
  const missTotal: number[] = [];
  const hit: number[] = [];
  const hitTotal: number[] = [];
  const carried: number[] = [];
  const withDerive = exercise.kind === 'numeric' && exercise.fields.some((f) => f.derive);
  for (let i = 0; i < VARIANTS; i++) {
    const variant = variantSeed(exercise.slug, `bench-${round}-${i}`);
    const first = await timed(pool, request(variant));
    miss.push(first.reference);
    missTotal.push(first.total);
    const again = await timed(pool, request(variant));
    hit.push(again.reference);
    hitTotal.push(again.total);
    if (withDerive) {
      const result = await gradeSubmission(request(variant, true), { pool });
      if (!result.fields?.some((f) => f.status === 'carried')) throw new Error(`${slug}: the slip carried nothing`);
      carried.push(result.timings.totalMs);
    }
  }
  return {
    slug: exercise.slug,
    path: authored ? 'authored (isolates)' : 'catalogue (host)',
    miss: median(miss),
    hit: median(hit),
    missTotal: median(missTotal),
    hitTotal: median(hitTotal),
    ...(withDerive ? { carried: median(carried) } : {}),
  };
}

const pool = new IsolatePool({ size: 1 });
console.log(`reference time per grade, median of ${VARIANTS} variants (ms; in-process, one isolate)`);
console.log('exercise              path                  ref miss  ref hit  class/grade  total miss  total hit  carried');
const rows: Row[] = [];
for (const slug of SLUGS) {
  const exercise = getExercise(slug);
  for (const authored of [false, true]) {
    const row = await bench(pool, exercise, authored, rows.length);
    rows.push(row);
    const perGrade = (row.miss + 3 * row.hit) / 4;
    console.log(
      `${slug.padEnd(21)} ${row.path.padEnd(20)} ${ms(row.miss)}  ${ms(row.hit)}  ${ms(perGrade).padStart(11)}  ${ms(row.missTotal).padStart(10)}  ${ms(row.hitTotal).padStart(9)}  ${row.carried === undefined ? '      —' : ms(row.carried)}`,
    );
  }
}
console.log('\nauthored ÷ catalogue (reference time per grade, a class grading each variant 4 times):');
for (const slug of SLUGS) {
  const [catalogue, authored] = rows.filter((r) => r.slug === slug) as [Row, Row];
  const per = (r: Row) => (r.miss + 3 * r.hit) / 4;
  console.log(
    `  ${slug.padEnd(21)} ${(per(authored) / per(catalogue)).toFixed(1)}× (first grade of a variant ${(authored.miss / catalogue.miss).toFixed(1)}×)`,
  );
}
pool.close();
