import path from 'node:path';
import { expect, it } from 'vitest';
import {
  exercisesContentDir,
  hiddenCases,
  loadExercises,
  solveVariant,
  visibleCases,
  type CodeExercise,
  type Exercise,
} from '../src/index';
import { describeEachBackend, firstMismatch } from './helpers';

type CodeKind = Exercise & CodeExercise;
const codeExercises = loadExercises().filter((e): e is CodeKind => e.kind === 'code');
const seeds = ['canonical' as const, 1, 2, 3];

async function entryOf(exercise: CodeKind, file: 'solution.ts' | 'known-wrong.ts', entry: string) {
  const module = (await import(path.join(exercisesContentDir(), exercise.dir, file))) as Record<string, (...args: unknown[]) => unknown>;
  const fn = module[entry];
  if (typeof fn !== 'function') throw new Error(`${exercise.dir}/${file} does not export ${entry}`);
  return fn;
}

describeEachBackend('code exercises', () => {
  for (const exercise of codeExercises) {
    it(`${exercise.slug}: the float64 solution.ts matches the tfjs reference on every case`, async () => {
      for (const seed of seeds) {
        const { cases } = solveVariant(exercise, seed) as { cases: ReturnType<typeof hiddenCases> };
        expect(cases.length).toBeGreaterThan(10);
        for (const c of cases) {
          const solve = await entryOf(exercise, 'solution.ts', c.entry);
          const mismatch = firstMismatch(solve(...structuredClone(c.args)), c.expected, exercise.tolerance);
          expect(mismatch, `${String(seed)} / ${c.name}`).toBeNull();
        }
      }
    });

    it(`${exercise.slug}: known-wrong.ts fails every case and matches its mistake (${exercise.knownWrongMistake})`, async () => {
      const mistake = exercise.mistakes.find((m) => m.id === exercise.knownWrongMistake);
      expect(mistake).toBeDefined();
      for (const seed of seeds) {
        for (const c of [...visibleCases(exercise, seed), ...hiddenCases(exercise, seed)]) {
          const wrong = await entryOf(exercise, 'known-wrong.ts', c.entry);
          const output = wrong(...structuredClone(c.args));
          expect(firstMismatch(output, c.expected, exercise.tolerance), `${String(seed)} / ${c.name} should fail`).not.toBeNull();
          expect(firstMismatch(output, mistake!.solve(...structuredClone(c.args)), exercise.tolerance), c.name).toBeNull();
        }
      }
    });

    it(`${exercise.slug}: every named mistake is wrong on some case`, () => {
      const cases = hiddenCases(exercise, 'canonical');
      for (const mistake of exercise.mistakes) {
        const wrongSomewhere = cases.some(
          (c) => firstMismatch(mistake.solve(...structuredClone(c.args)), c.expected, exercise.tolerance) !== null,
        );
        expect(wrongSomewhere, mistake.id).toBe(true);
      }
    });
  }
});

it('hidden cases are deterministic per seed and differ between seeds', () => {
  for (const exercise of codeExercises) {
    const a = exercise.cases.hidden(exercise.variants.canonical, { ...createCaseRng(5) });
    const b = exercise.cases.hidden(exercise.variants.canonical, { ...createCaseRng(5) });
    expect(a).toEqual(b);
    expect(hiddenCases(exercise, 1).map((c) => c.args)).not.toEqual(hiddenCases(exercise, 2).map((c) => c.args));
  }
});

import { createRng as createCaseRng } from '../src/random';
