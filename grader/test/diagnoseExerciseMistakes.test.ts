import { loadExercises, type Exercise } from '@deltalab/exercises';
import { describe, expect, it } from 'vitest';
import { diagnoseCase, summarizeDiagnoses } from '../src/code/diagnoseCases';
import { compareWithTolerance } from '../src/compare';
import { catalogueReference } from '../src/reference/catalogueReference';

const allFinite = (value: unknown): boolean =>
  typeof value === 'number'
    ? Number.isFinite(value)
    : Array.isArray(value)
      ? value.every(allFinite)
      : typeof value === 'object' && value !== null
        ? Object.values(value).every(allFinite)
        : true;

const codeExercises = loadExercises().filter((e): e is Exercise & { kind: 'code' } => e.kind === 'code');
const rows = codeExercises.flatMap((exercise) =>
  exercise.mistakes.map((mistake) => [exercise.slug, mistake.id, exercise, mistake] as const),
);

describe.each(rows)('%s: a result that commits %s', (_slug, id, exercise, mistake) => {
  it('is diagnosed as that mistake', async () => {
    const reference = await catalogueReference(exercise).codeReference('canonical');
    const entry = mistake.entry ?? exercise.entries[0]!.name;
    const diagnoses = [];
    let failing = 0;
    for (const [index, testCase] of reference.cases.entries()) {
      if (testCase.entry !== entry) continue;
      const actual = mistake.solve(...structuredClone(testCase.args));
      // e.g. Wᵀ on a non-square layer reads past a row: NaN, which the sandbox rejects before any comparison
      if (!allFinite(actual)) continue;
      if (compareWithTolerance(actual, testCase.expected, exercise.tolerance).equal) continue; // the mistake does not show here
      failing++;
      const diagnosis = diagnoseCase(reference.candidates(index), testCase, actual, exercise.tolerance);
      // another named mistake may coincide with this one on a case; it must at least be a named one
      expect(diagnosis?.mistake).toBeDefined();
      diagnoses.push(diagnosis);
    }
    expect(failing, 'the mistake never changes a result: the cases cannot detect it').toBeGreaterThan(0);
    expect(summarizeDiagnoses(diagnoses, failing)?.mistake).toBe(id);
  });
});
