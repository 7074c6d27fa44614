import { expect, it } from 'vitest';
import { DEFAULT_TOLERANCE, describeTolerance } from '../src/rules';
import { getExercise, instantiateVariant, loadExercises } from '../src/index';

const numeric = loadExercises().filter((e) => e.kind === 'numeric');

it('a field checked to other than 3 significant figures says so in its student view, in the rule’s own sentence', () => {
  for (const exercise of numeric) {
    const view = instantiateVariant(exercise, 'canonical');
    exercise.fields.forEach((field, i) => {
      if (field.kind === 'expression') {
        expect(view.fields![i]!.rule, `${exercise.slug} ${field.name}`).toMatch(
          /^An expression in .* checked against the reference at \d+ random points\.$/,
        );
        return;
      }
      const sentence = describeTolerance(field.tolerance ?? DEFAULT_TOLERANCE);
      const expected = sentence === describeTolerance(DEFAULT_TOLERANCE) ? undefined : sentence;
      expect(view.fields![i]!.rule, `${exercise.slug} ${field.name}`).toBe(expected);
    });
  }
});

it('w1_new asks for 6 figures, and no author hint restates a figure count the rule sentence already gives', () => {
  const mazur = instantiateVariant(getExercise('backprop-mazur'), 'canonical');
  expect(mazur.fields!.find((f) => f.name === 'w1_new')!.rule).toBe(
    'Give 6 significant figures: correct means within half a unit of the 6th figure.',
  );
  for (const exercise of numeric) {
    for (const field of exercise.fields)
      expect(field.hint ?? '', `${exercise.slug} ${field.name}`).not.toMatch(/significant figure|decimal place/i);
  }
});
