import { z } from 'zod';
import {
  deleteAssessment,
  deleteOverride,
  selectAssessmentBySlug,
  upsertCourseExercise,
  type AssessmentRow,
  type Database,
} from '@deltalab/db';
import type { CurrentCourse } from '../courses/getCurrentCourse';
import { SubmissionError } from '../submissions/submissionError';

async function staffAssessment(db: Database, course: CurrentCourse, slug: string): Promise<AssessmentRow> {
  const assessment = /^[a-z0-9-]{1,64}$/.test(slug) ? await selectAssessmentBySlug(db, course.id, slug) : undefined;
  if (!assessment) throw new SubmissionError('not-found', `No assessment '${slug.slice(0, 64)}' in ${course.title}.`);
  return assessment;
}

/** DELETE /api/instructor/assessments/:slug body: the slug again, so that no stray or malformed request deletes one. */
const deleteRequest = z.object({ confirm: z.string({ error: 'confirm: the assessment’s slug, to confirm' }).max(64) }).strict();

/**
 * Deletes an assessment with its slots, draws, instances and overrides, once the body names it (`{ confirm: slug }`). Its exercises stay in the course with every
 * submission and grade, as exercises in no assessment; an exam's are unpublished, so that its questions do not appear
 * to every student on the course page (publish them again in the course settings).
 */
export async function removeAssessment(
  db: Database,
  course: CurrentCourse,
  slug: string,
  body: unknown,
): Promise<{ deleted: string; exercises: string[]; unpublished: boolean }> {
  const assessment = await staffAssessment(db, course, slug);
  const parsed = deleteRequest.safeParse(body);
  if (!parsed.success || parsed.data.confirm !== assessment.slug)
    throw new SubmissionError(
      'invalid-request',
      `confirm: send { "confirm": "${assessment.slug}" } to delete '${assessment.title}': nothing was deleted.`,
      undefined,
      { confirm: `the slug, ${assessment.slug}` },
    );
  await deleteAssessment(db, course.id, assessment.id);
  const exam = assessment.type === 'exam';
  if (exam)
    for (const exerciseId of assessment.slots.flatMap((s) => s.exerciseIds))
      await upsertCourseExercise(db, { courseId: course.id, exerciseId, published: false });
  return { deleted: assessment.slug, exercises: assessment.slots.flatMap((s) => s.exerciseSlugs), unpublished: exam };
}

/** Deletes one override of an assessment (a student's or a section's): they are back to the assessment's own dates. */
export async function removeOverride(db: Database, course: CurrentCourse, slug: string, overrideId: string): Promise<{ deleted: string }> {
  const assessment = await staffAssessment(db, course, slug);
  const known = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(overrideId);
  if (!known || !(await deleteOverride(db, assessment.id, overrideId)))
    throw new SubmissionError('not-found', `No override '${overrideId.slice(0, 40)}' of '${assessment.title}': nothing was deleted.`);
  return { deleted: overrideId };
}
