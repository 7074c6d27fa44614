import { z } from 'zod';
import { selectAssessmentBySlug, type DbHandle } from '@deltalab/db';
import type { CurrentCourse } from '../courses/getCurrentCourse';
import { createRegrade } from '../regrades/createRegrade';
import { SubmissionError } from '../submissions/submissionError';

/** POST /api/instructor/assessments/:slug/regrade body: the whole assessment, or one student's work in it. */
const regradeAssessmentRequest = z
  .object({
    scope: z.union([z.literal('assessment'), z.object({ student: z.string().min(1).max(320) }).strict()], {
      error: 'scope: "assessment" (every graded submission of its exercises) or { "student": "<email or user id>" }',
    }),
  })
  .strict();

/**
 * Regrades an assessment: one regrade per exercise of its slots (pools: every exercise of the pool), each against the
 * exercise's current version and previewed and applied as any regrade (/instructor/regrades). Nothing a student sees
 * changes until each is applied.
 */
export async function regradeAssessment(
  handle: DbHandle,
  course: CurrentCourse,
  requestedBy: string,
  slug: string,
  body: unknown,
): Promise<{ regrades: { exercise: string; regradeId: string; items: number }[] }> {
  const assessment = /^[a-z0-9-]{1,64}$/.test(slug) ? await selectAssessmentBySlug(handle.db, course.id, slug) : undefined;
  if (!assessment) throw new SubmissionError('not-found', `No assessment '${slug.slice(0, 64)}' in ${course.title}.`);
  const parsed = regradeAssessmentRequest.safeParse(body);
  if (!parsed.success) throw new SubmissionError('invalid-request', parsed.error.issues[0]!.message);
  const scope = parsed.data.scope === 'assessment' ? 'exercise' : parsed.data.scope;
  const regrades = [];
  for (const exercise of assessment.slots.flatMap((s) => s.exerciseSlugs)) {
    const made = await createRegrade(handle, course, requestedBy, { exercise, scope });
    regrades.push({ exercise, ...made });
  }
  return { regrades };
}
