import { afterAll, beforeAll, expect, it } from 'vitest';
import { exerciseFolderFiles, getExercise, hashFiles } from '@deltalab/exercises';
import { gradeContained, GradingProcessPool, type GradeRequest, type GradeResult } from '../../src';
import arrayPrototype from '../abuse/authored/attacks/array-prototype-pollution';
import helperModules from '../abuse/authored/attacks/helper-module-mutation';
import mathRandom from '../abuse/authored/attacks/math-random';
import objectPrototype from '../abuse/authored/attacks/object-prototype-pollution';
import tfFlags from '../abuse/authored/attacks/tf-env-flags';
import tfBackend from '../abuse/authored/attacks/tf-set-backend';
import type { AuthoredAttack } from '../abuse/authored/attack';
import { folderOf } from '../abuse/authored/baseFolders';

/**
 * Integrity between courses: an authored exercise that tampers with what exercises share (tfjs's flags and backend,
 * the shared helper modules, Math.random, the grader's caches, built-in prototypes) is validated, previewed and graded,
 * then a catalogue exercise is graded just after IN THE SAME CHILD (one child, one isolate, no spare: the pid is
 * checked) and must come out exactly as it did before any tampering. So must another authored exercise.
 */
let pool: GradingProcessPool;
beforeAll(async () => {
  pool = new GradingProcessPool({ children: 1, spares: 0, isolatesPerChild: 1, log: () => {} });
  await pool.ready();
});
afterAll(() => pool.close());

const stable = (result: GradeResult) => ({ ...result, timings: undefined });
async function grade(request: GradeRequest) {
  const grade = await gradeContained(pool, request);
  if (grade.kind !== 'graded') throw new Error(`${request.exercise}: ${grade.kind}`);
  return stable(grade.result);
}

/** A catalogue numeric, a catalogue code (tfjs reference, shuffled cases) and another authored exercise, by a student. */
const others = (): GradeRequest[] => [
  { exercise: 'binary-cross-entropy', variant: 4242, submission: { kind: 'numeric', answers: { bce: '0.5', dbce_df1: '1.2' } } },
  {
    exercise: 'mlp-backprop-code',
    variant: 'canonical',
    submission: { kind: 'code', code: getExercise('mlp-backprop-code').knownWrongSource! },
  },
  { exercise: 'site-neuron', variant: 77, folder: folderOf('numeric'), submission: { kind: 'numeric', answers: { z: '0.3', a: '0.6' } } },
];

async function gradeOthers() {
  const results = [];
  for (const request of others()) results.push(await grade(request));
  return results;
}

const tampering: [string, AuthoredAttack][] = [
  ['tfjs flags', tfFlags],
  ['the tfjs backend', tfBackend],
  ['the shared helper modules', helperModules],
  ['Math.random', mathRandom],
  ['Object.prototype', objectPrototype],
  ['Array.prototype, JSON, Math', arrayPrototype],
];

it.each(tampering)('an exercise that tampers with %s changes nothing graded after it in the same child', async (_what, attack) => {
  const before = await gradeOthers();
  const [pid] = pool.childPids();
  const folder = folderOf(attack.base, attack.files);
  await pool.author({ kind: 'validate', folder });
  await pool.author({ kind: 'instantiate', folder, variant: 'canonical' });
  await pool.author({ kind: 'instantiate', folder, variant: 99 });
  await gradeContained(pool, {
    exercise: 'site-neuron',
    variant: 5,
    folder,
    submission: { kind: 'numeric', answers: { z: '1', a: '0.7' } },
  });
  expect(await gradeOthers()).toEqual(before);
  expect(pool.childPids()).toEqual([pid]);
});

it("the grader's caches: an authored exercise under a catalogue exercise's slug does not change that exercise's references", async () => {
  const catalogue = getExercise('mlp-forward-code');
  const request: GradeRequest = {
    exercise: catalogue.slug,
    variant: 'canonical',
    submission: { kind: 'code', code: catalogue.solutionSource! },
  };
  const before = await grade(request);
  expect(before).toMatchObject({ passed: true });
  // Same slug, a reference that answers zeros, graded first on the same variant: its cases must not become the catalogue's.
  const files = exerciseFolderFiles(catalogue.dir);
  files['reference.ts'] = files['reference.ts']!.replace(
    /export const reference[^]*$/,
    'export const reference = { forward: (x: number[]) => x.map(() => 0) };\n',
  );
  const impostor = { hash: hashFiles(files), files };
  const poisoned = await grade({
    ...request,
    folder: impostor,
    submission: { kind: 'code', code: 'export function forward(x: number[]) { return x.map(() => 0); }' },
  });
  expect(poisoned).toMatchObject({ passed: true, exerciseVersion: impostor.hash });
  expect(await grade(request)).toEqual(before);
  expect(
    await grade({ ...request, submission: { kind: 'code', code: 'export function forward(x: number[]) { return x.map(() => 0); }' } }),
  ).toMatchObject({
    passed: false,
  });
});
