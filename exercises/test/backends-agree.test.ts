import { expect, it } from 'vitest';
import { loadExercises, solveVariant, useReferenceBackend, type VariantSolution } from '../src/index';
import { DEFAULT_TOLERANCE, isWithinTolerance } from '../src/rules';
import { DEFAULT_EXPRESSION_TOLERANCE, withinExpressionTolerance } from '../src/expressions';
import { firstMismatch } from './helpers';

it('the cpu and wasm backends give the same reference answers (within each exercise’s tolerance)', async () => {
  const variants = ['canonical' as const, 11, 12];
  const exercises = loadExercises();
  await useReferenceBackend('cpu');
  const cpu = exercises.map((e) => variants.map((v) => solveVariant(e, v)));
  await useReferenceBackend('wasm');
  const wasm = exercises.map((e) => variants.map((v) => solveVariant(e, v)));
  exercises.forEach((exercise, i) => {
    variants.forEach((variant, j) => {
      const a = wasm[i]![j]! as VariantSolution;
      const b = cpu[i]![j]! as VariantSolution;
      const where = `${exercise.slug} / ${String(variant)}`;
      if (exercise.kind === 'numeric' && a.kind === 'numeric' && b.kind === 'numeric') {
        for (const field of exercise.fields) {
          if (field.kind === 'expression') {
            // The same points on both backends (drawn from the variant's seed), and values that agree there.
            const [x, y] = [a.expressions[field.name]!, b.expressions[field.name]!];
            expect(x.points, `${where} ${field.name} points`).toEqual(y.points);
            const agreement = field.agreement ?? DEFAULT_EXPRESSION_TOLERANCE;
            expect(
              x.values.every((v, k) => withinExpressionTolerance(v, y.values[k]!, agreement)),
              `${where} ${field.name}`,
            ).toBe(true);
            continue;
          }
          expect(
            isWithinTolerance(a.values[field.name]!, b.values[field.name]!, field.tolerance ?? DEFAULT_TOLERANCE),
            `${where} ${field.name}`,
          ).toBe(true);
        }
      } else if (exercise.kind === 'code') {
        expect(firstMismatch(a, b, exercise.tolerance), where).toBeNull();
      } else {
        expect(a, where).toEqual(b);
      }
    });
  });
});
