import { selectCourseExerciseBySlug, type CourseExerciseRow, type Database } from '@deltalab/db';
import { findExercise, instantiateVariant, solveVariant, type Exercise, type StudentVariant } from '@deltalab/exercises';
import { resolvePreview, type PreviewTarget, type ResolvedPreview } from './previewVariant';

/** What the reference gives for the previewed variant, for the instructor's eyes only. */
export type ReferenceAnswers =
  | { kind: 'numeric'; values: { name: string; label: string; value: number }[] }
  | { kind: 'choice'; correct: string[] }
  | { kind: 'code'; solutionSource: string | null }
  | { kind: 'challenge' };

export interface ExercisePreview {
  preview: ResolvedPreview;
  courseExercise: CourseExerciseRow;
  exercise: Exercise;
  /** Exactly what a student on this variant is shown. */
  variant: StudentVariant;
  reference: ReferenceAnswers;
}

export type ExercisePreviewResult =
  | { ok: true; value: ExercisePreview }
  | { ok: false; reason: 'not-instructor' | 'unknown-student' | 'unknown-exercise'; message: string };

/** An instructor's view of an exercise page on any variant (published or not), with the reference answers. */
export async function getExercisePreview(
  db: Database,
  viewerId: string,
  slug: string,
  target: PreviewTarget,
): Promise<ExercisePreviewResult> {
  const resolved = await resolvePreview(db, viewerId, slug, target);
  if (!resolved.ok) return resolved;
  const { preview } = resolved;
  // The catalogue first: a slug it lacks (a typo, or bytes no slug can hold) never reaches the database.
  const exercise = findExercise(slug);
  const courseExercise = exercise && (await selectCourseExerciseBySlug(db, preview.course.id, slug));
  if (!courseExercise || !exercise) {
    return { ok: false, reason: 'unknown-exercise', message: `Unknown exercise '${slug}' in ${preview.course.title}.` };
  }
  return {
    ok: true,
    value: {
      preview,
      courseExercise,
      exercise,
      variant: instantiateVariant(exercise, preview.variant),
      reference: referenceAnswers(exercise, preview),
    },
  };
}

function referenceAnswers(exercise: Exercise, preview: ResolvedPreview): ReferenceAnswers {
  switch (exercise.kind) {
    case 'numeric': {
      const solution = solveVariant(exercise, preview.variant);
      const values = solution.kind === 'numeric' ? solution.values : {};
      return {
        kind: 'numeric',
        values: exercise.fields.map((f) => ({ name: f.name, label: f.label, value: values[f.name] ?? Number.NaN })),
      };
    }
    case 'choice':
      return { kind: 'choice', correct: exercise.options.filter((o) => o.correct).map((o) => o.id) };
    case 'code':
      return { kind: 'code', solutionSource: exercise.solutionSource ?? null };
    case 'challenge':
      return { kind: 'challenge' };
  }
}
