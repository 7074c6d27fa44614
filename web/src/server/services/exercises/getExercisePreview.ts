import { selectCourseExerciseBySlug, type CourseExerciseRow, type Database } from '@deltalab/db';
import { isExerciseSlug, type Exercise, type StudentVariant } from '@deltalab/exercises';
import type { FolderReference } from '@deltalab/grader';
import { referenceOf, resolveExercise, studentVariantOf } from '@/server/exercises/resolveExercise';
import { resolvePreview, type PreviewTarget, type ResolvedPreview } from './previewVariant';

/** What the reference gives for the previewed variant, for the instructor's eyes only. */
export type ReferenceAnswers = FolderReference;

interface ExercisePreview {
  preview: ResolvedPreview;
  courseExercise: CourseExerciseRow;
  exercise: Exercise;
  /** Exactly what a student on this variant is shown. */
  variant: StudentVariant;
  reference: ReferenceAnswers;
}

export type ExercisePreviewResult =
  { ok: true; value: ExercisePreview } | { ok: false; reason: 'not-instructor' | 'unknown-student' | 'unknown-exercise'; message: string };

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
  // Text no slug can be (a typo is fine; bytes like NUL are not) never reaches the database.
  const courseExercise = isExerciseSlug(slug) ? await selectCourseExerciseBySlug(db, preview.course.id, slug) : undefined;
  const found = courseExercise ? await resolveExercise(db, courseExercise) : null;
  if (!courseExercise || !found) {
    return { ok: false, reason: 'unknown-exercise', message: `Unknown exercise '${slug}' in ${preview.course.title}.` };
  }
  return {
    ok: true,
    value: {
      preview,
      courseExercise,
      exercise: found.exercise,
      variant: await studentVariantOf(found, preview.variant),
      reference: await referenceOf(found, preview.variant),
    },
  };
}
