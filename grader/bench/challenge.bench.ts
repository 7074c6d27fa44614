/**
 * npm run bench:challenge -w @deltalab/grader (also part of `npm run bench -w @deltalab/grader`)
 *
 * The server's side of a challenge entry at the size: a 100k-parameter model (2-220-220-220-1, tanh) on 10k
 * test points (plus the 300 training points and the 48×48 boundary grid, as every entry is scored): the upload's
 * validation (zod, shapes, base64, every weight finite) and the evaluation with tfjs, on cpu (what the grading child
 * uses) and wasm. Then the same through a real grading child (the moons challenge with a 20k-parameter model, its
 * limit): what an entry costs end to end in the process pool. Figures only.
 */
import {
  checkModelUpload,
  evaluateChallengeModel,
  getExercise,
  prepareEvaluationBackend,
  useReferenceBackend,
  type ReferenceBackend,
} from '@deltalab/exercises';
import { gradeContained, GradingProcessPool } from '../src';

const RUNS = 10;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** A random dense tanh network in the upload format. */
function randomModel(widths: number[]) {
  const layers = [];
  const specs = [];
  const values: number[] = [];
  for (let i = 1; i < widths.length; i++) {
    const name = `dense_Dense${i}`;
    const last = i === widths.length - 1;
    layers.push({
      class_name: 'Dense',
      config: {
        units: widths[i],
        activation: last ? 'sigmoid' : 'tanh',
        use_bias: true,
        name,
        ...(i === 1 ? { batch_input_shape: [null, 2] } : {}),
      },
    });
    specs.push(
      { name: `${name}/kernel`, shape: [widths[i - 1]!, widths[i]!], dtype: 'float32' },
      { name: `${name}/bias`, shape: [widths[i]!], dtype: 'float32' },
    );
    const scale = 1 / Math.sqrt(widths[i - 1]!);
    for (let k = 0; k < widths[i - 1]! * widths[i]! + widths[i]!; k++) values.push((Math.random() * 2 - 1) * scale);
  }
  return {
    modelTopology: { class_name: 'Sequential', config: { name: 'bench', layers } },
    weightSpecs: specs,
    weightData: Buffer.from(new Float32Array(values).buffer).toString('base64'),
  };
}

const widths = [2, 220, 220, 220, 1];
const upload = randomModel(widths);
const big = { slug: 'bench-100k', dataset: { name: 'moons' as const, train: 300, test: 10_000, noise: 0.1, seed: 99 } };
const rules = {
  model: { layers: ['Dense' as const], activations: ['tanh' as const, 'sigmoid' as const], maxParams: 200_000, maxUploadKb: 4096 },
  classes: 2,
};

// Each backend alone first (evaluation not yet prepared: it runs on the active backend), then as the grader runs it.
for (const backend of ['cpu', 'wasm', 'grader'] as (ReferenceBackend | 'grader')[]) {
  if (backend === 'grader') {
    await useReferenceBackend('cpu');
    await prepareEvaluationBackend();
  } else await useReferenceBackend(backend);
  const validate: number[] = [];
  const evaluate: number[] = [];
  let params = 0;
  for (let run = 0; run < RUNS + 1; run++) {
    let started = performance.now();
    const check = checkModelUpload(upload, rules);
    if (!check.ok) throw new Error(check.message);
    const validated = performance.now() - started;
    started = performance.now();
    evaluateChallengeModel(big, check.model);
    const evaluated = performance.now() - started;
    params = check.model.params;
    if (run > 0) {
      validate.push(validated);
      evaluate.push(evaluated);
    }
  }
  validate.sort((a, b) => a - b);
  evaluate.sort((a, b) => a - b);
  console.log(
    `${backend === 'grader' ? 'as the grader runs it (cpu active, evaluation on wasm)' : backend} ${params} params, 10,000 test points (+300 train, 2,304 grid): validate p50 ${percentile(validate, 50).toFixed(1)} ms, evaluate p50 ${percentile(evaluate, 50).toFixed(1)} ms / max ${evaluate.at(-1)!.toFixed(1)} ms`,
  );
}

// End to end through a grading child: the real challenge, the largest model it accepts.
const moons = getExercise('moons-challenge');
if (moons.kind !== 'challenge') throw new Error('moons-challenge is not a challenge');
const pool = new GradingProcessPool({ children: 1, spares: 0, log: () => {} });
try {
  await pool.ready();
  const model = randomModel([2, 138, 138, 1]); // 19,735 parameters
  const totals: number[] = [];
  const evaluates: number[] = [];
  for (let run = 0; run < RUNS + 1; run++) {
    const started = performance.now();
    const grade = await gradeContained(pool, { exercise: 'moons-challenge', submission: { kind: 'model', model } });
    if (grade.kind !== 'graded') throw new Error(JSON.stringify(grade));
    if (grade.result.error) console.log(grade.result.error.message);
    if (run > 0) {
      totals.push(performance.now() - started);
      evaluates.push(grade.result.timings.evaluateMs ?? NaN);
    }
  }
  totals.sort((a, b) => a - b);
  evaluates.sort((a, b) => a - b);
  console.log(
    `grading child, moons-challenge, 19,735 params on 2,300 points + grid: entry p50 ${percentile(totals, 50).toFixed(1)} ms end to end (IPC included), of which validation + evaluation p50 ${percentile(evaluates, 50).toFixed(1)} ms`,
  );
} finally {
  await pool.close();
}
