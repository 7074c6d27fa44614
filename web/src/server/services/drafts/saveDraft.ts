import { z } from 'zod';
import { saveDraft as saveDraftRow, selectCourseExerciseBySlug, type Database } from '@deltalab/db';
import { actorIn } from '@/server/auth/courseAccess';
import { can, refusal } from '@/server/auth/permissions';
import { getCurrentCourse } from '../courses/getCurrentCourse';
import { SubmissionError } from '../submissions/submissionError';

const draftInput = z.object({
  exercise: z.string().trim().min(1).max(100),
  code: z.string().max(200 * 1024, 'A draft is at most 200 kB'),
});

export type SaveDraftResult = { ok: true; savedAt: string } | { ok: false; message: string };

/**
 * Autosave of the editor's code for the student's current course exercise: for someone who may submit there (a dropped
 * student or an archived course is refused with a SubmissionError, a bad draft with a message).
 */
export async function saveDraft(db: Database, userId: string, input: unknown): Promise<SaveDraftResult> {
  const course = await getCurrentCourse(db, userId);
  if (!course) throw new SubmissionError('not-enrolled', 'You are not enrolled in a course: join one with its join code on /course first.');
  const actor = actorIn(null, course);
  if (!can(actor, 'submission.create')) throw new SubmissionError('forbidden', refusal(actor, 'submission.create', course.title));
  const parsed = draftInput.safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? 'Invalid draft' };
  const row = await selectCourseExerciseBySlug(db, course.id, parsed.data.exercise);
  if (!row) return { ok: false, message: `Unknown exercise '${parsed.data.exercise}'.` };
  const draft = await saveDraftRow(db, userId, row.exerciseId, parsed.data.code);
  return { ok: true, savedAt: draft.updatedAt.toISOString() };
}
