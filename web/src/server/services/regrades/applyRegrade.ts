import { z } from 'zod';
import { applyRegrade, listRegradeItems, selectOptionalRegrade, type Database } from '@deltalab/db';
import type { CurrentCourse } from '../courses/getCurrentCourse';
import { SubmissionError } from '../submissions/submissionError';
import { changeReason } from './regradePreview';
import { afterCourseGradesChanged } from '../../lti/gradePassback';

const applyRegradeRequest = z.object({ neverLower: z.boolean({ error: 'neverLower: true (keep a higher old score) or false' }) }).strict();

/**
 * Applies a graded regrade: the new grades replace the submissions' (a lower one keeps the old score with
 * `neverLower`), each changed submission's history records who, when, from what, to what and why. Once only.
 */
export async function applyRegradeFor(
  db: Database,
  course: CurrentCourse,
  appliedBy: string,
  regradeId: string,
  body: unknown,
): Promise<{ changed: number }> {
  const parsed = applyRegradeRequest.safeParse(body);
  if (!parsed.success) throw new SubmissionError('invalid-request', parsed.error.issues[0]?.message ?? 'invalid request');
  const regrade = await selectOptionalRegrade(db, regradeId);
  if (!regrade || regrade.courseId !== course.id) throw new SubmissionError('not-found', `No regrade ${regradeId} in ${course.title}.`);
  const reasons: Record<string, string> = {};
  for (const item of await listRegradeItems(db, regradeId)) {
    const why = item.status === 'graded' ? changeReason(item) : '';
    if (why) reasons[item.itemId] = why;
  }
  const outcome = await applyRegrade(db, { regradeId, neverLower: parsed.data.neverLower, appliedBy, reasons });
  if (!outcome.ok) {
    throw new SubmissionError(
      outcome.reason === 'not-found' ? 'not-found' : 'conflict',
      outcome.reason === 'already-applied'
        ? 'This regrade was applied already.'
        : outcome.reason === 'not-ready'
          ? 'This regrade is still grading: apply it once every submission is graded.'
          : `No regrade ${regradeId}.`,
    );
  }
  // LTI grade passback (issue 20): the scores a regrade changed go to the LMS.
  if (outcome.changed > 0) void afterCourseGradesChanged(db, course.id);
  return { changed: outcome.changed };
}
