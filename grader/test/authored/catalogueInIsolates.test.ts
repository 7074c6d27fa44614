import { afterAll, describe, expect, it } from 'vitest';
import {
  exerciseFolderFiles,
  hashFiles,
  instantiateVariant,
  loadExercises,
  solveVariant,
  variantParams,
  variantSeed,
  type Exercise,
  type VariantSelector,
} from '@deltalab/exercises';
import { AuthoredExercise } from '../../src/authored/authoredExercise';
import { compileExerciseFolder } from '../../src/authored/compileExerciseFolder';
import { instantiateExerciseFolder } from '../../src/authored/inspectExerciseFolder';
import { catalogueReference } from '../../src/reference/catalogueReference';
import { IsolatePool } from '../../src';

/**
 * Every catalogue exercise (challenges aside: they share a helper file outside their folder) imported as a
 * site-authored folder computes, in isolates, exactly what the host computes with the same code: the givens,
 * display(), the reference's values or the cases with their expected outputs, each named mistake's outputs, and the
 * student's view. This is what lets an instructor import an exported exercise, and what a single path for both would
 * rest on.
 */
const pool = new IsolatePool({ size: 2 });
afterAll(() => pool.close());

const exercises = loadExercises().filter((exercise) => exercise.kind !== 'challenge');

async function asAuthored(exercise: Exercise): Promise<AuthoredExercise> {
  const files = exerciseFolderFiles(exercise.dir);
  const folder = { hash: hashFiles(files), files };
  const compilation = await compileExerciseFolder(folder);
  if (!compilation.ok) throw new Error(compilation.problem.message);
  const load = await AuthoredExercise.load(compilation.compiled, folder, pool);
  if (!load.ok) throw new Error(load.problem.message);
  return load.authored;
}

describe.each(exercises.map((exercise) => [exercise.slug, exercise] as const))('%s in isolates', (slug, exercise) => {
  const variants: VariantSelector[] = ['canonical', variantSeed(slug, 'parity-1'), variantSeed(slug, 'parity-2')];

  it('describes the same definition (its data; its functions stay in the isolate)', async () => {
    const authored = await asAuthored(exercise);
    const data = (value: Exercise) => JSON.parse(JSON.stringify(value)) as unknown;
    expect(data(authored.exercise)).toEqual(data({ ...exercise, dir: authored.exercise.dir }));
    expect(() => authored.exercise.variants.display({})).toThrow(/only in the grader's sandbox/);
  });

  it.each(variants)('computes what the host computes for variant %s', async (variant) => {
    const authored = await asAuthored(exercise);
    const data = await authored.variant(variant);
    const params = variantParams(exercise, variant);
    expect(data.params).toEqual(params);
    expect(data.display).toEqual(exercise.variants.display(params));
    const host = catalogueReference(exercise);
    if (exercise.kind === 'numeric') {
      const solution = solveVariant(exercise, variant);
      expect(solution.kind === 'numeric' && data.values).toEqual(solution.kind === 'numeric' && solution.values);
      // a derivation from shifted upstream values: the same formula on both sides
      const requests = exercise.fields
        .filter((f) => f.derive)
        .map((f) => ({ field: f.name, upstream: Object.fromEntries(f.derive!.from.map((n) => [n, data.values![n]! * 1.1])) }));
      expect(await authored.derive(variant, requests)).toEqual(await host.derive(variant, requests));
    }
    if (exercise.kind === 'code') {
      const [mine, theirs] = [await authored.codeReference(variant), await host.codeReference(variant)];
      expect(mine.cases).toEqual(theirs.cases);
      mine.cases.forEach((_, i) => expect(mine.candidates(i)).toEqual(theirs.candidates(i)));
    }
    const compiled = await compileExerciseFolder({ hash: authored.exercise.contentHash, files: exerciseFolderFiles(exercise.dir) });
    if (!compiled.ok) throw new Error(compiled.problem.message);
    const view = await instantiateExerciseFolder(
      { hash: compiled.compiled.hash, files: exerciseFolderFiles(exercise.dir) },
      compiled.compiled,
      variant,
      {
        pool,
      },
    );
    expect(view.ok && view.variant).toEqual(instantiateVariant(exercise, variant));
  });
});
