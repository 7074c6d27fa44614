import type { ChoiceExercise } from '@deltalab/exercises';
import type { OptionResult } from './protocol';

export type ChoiceGrade = { score: number; passed: boolean; options: OptionResult[]; message?: string };

/**
 * Single choice: right or wrong. Multiple choice: each correct option ticked earns a share, each wrong
 * option ticked takes one away (never below 0), so ticking everything scores 0.
 */
export function gradeChoice(exercise: ChoiceExercise, selected: string[]): ChoiceGrade {
  const chosen = new Set(selected);
  const unknown = selected.filter((id) => !exercise.options.some((o) => o.id === id));
  const options = exercise.options.map((o) => ({ id: o.id, selected: chosen.has(o.id), correct: o.correct, explanation: o.explanation }));
  const correctIds = exercise.options.filter((o) => o.correct).map((o) => o.id);
  const hits = correctIds.filter((id) => chosen.has(id)).length;
  const falseTicks = exercise.options.filter((o) => !o.correct && chosen.has(o.id)).length;
  const exact = hits === correctIds.length && falseTicks === 0 && unknown.length === 0;
  const score =
    exercise.mode === 'single'
      ? exact && chosen.size === 1
        ? 1
        : 0
      : Math.max(0, (hits - falseTicks - unknown.length) / Math.max(1, correctIds.length));
  return {
    score,
    passed: exact,
    options,
    ...(unknown.length > 0 ? { message: `Unknown option${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}.` } : {}),
  };
}
