// Prints how long the tfjs references take per variant (the grader's first grade of a variant pays this once;
// it caches per exercise version and variant). Not a test: figures only.
import { loadExercises, solveVariant, useReferenceBackend, referenceBackends } from '../src/index';

const variants = Array.from({ length: 20 }, (_, i) => i + 1);
const rows: string[] = [];
for (const backend of referenceBackends) {
  await useReferenceBackend(backend);
  for (const exercise of loadExercises()) {
    solveVariant(exercise, 'canonical'); // warm-up: kernels, code paths
    const times = variants.map((v) => {
      const t0 = performance.now();
      solveVariant(exercise, v);
      return performance.now() - t0;
    });
    times.sort((a, b) => a - b);
    const p50 = times[Math.floor(times.length / 2)]!;
    const max = times[times.length - 1]!;
    rows.push(
      `${backend.padEnd(5)} ${exercise.slug.padEnd(32)} ${exercise.kind.padEnd(8)} p50 ${p50.toFixed(2).padStart(7)} ms   max ${max.toFixed(2).padStart(7)} ms`,
    );
  }
}
console.log('solveVariant per variant (20 seeded variants each)\n' + rows.join('\n'));
