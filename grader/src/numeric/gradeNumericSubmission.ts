import type { NumericExercise, VariantSelector } from '@deltalab/exercises';
import type { FieldResult } from '../protocol';
import type { ExerciseReference } from '../reference/exerciseReference';
import { gradeNumericFields } from './gradeNumericFields';

/**
 * Grades the answers of number fields against the reference's values (expression fields: gradeExpressionField). Error carried forward needs the reference's formula on the
 * student's own upstream values; which ones is known only while grading, and an authored exercise computes them in
 * its isolate (asynchronously). So: grade once noting the recomputations asked for, have the reference compute them
 * all at once, and grade again with them. Grading is pure and cheap; the second pass runs only when a wrong field
 * could carry.
 */
export async function gradeNumericSubmission(
  reference: ExerciseReference,
  exercise: NumericExercise,
  variant: VariantSelector,
  values: Record<string, number>,
  answers: Record<string, string | number>,
): Promise<FieldResult[]> {
  const fields = exercise.fields.flatMap((field) => (field.kind === 'expression' ? [] : [field]));
  const input = { fields, reference: values, answers, carriedCredit: exercise.carriedCredit };
  const requests: { field: string; upstream: Record<string, number> }[] = [];
  const first = gradeNumericFields({
    ...input,
    derived: (field, upstream) => {
      requests.push({ field, upstream });
      return undefined;
    },
  });
  if (requests.length === 0) return first;
  const computed = await reference.derive(variant, requests);
  const byField = new Map(requests.map((request, i) => [request.field, computed[i] ?? undefined]));
  return gradeNumericFields({ ...input, derived: (field) => byField.get(field) ?? undefined });
}
