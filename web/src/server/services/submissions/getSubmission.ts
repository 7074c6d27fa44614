import { z } from 'zod';
import { standingIn } from '@/server/auth/courseAccess';
import { courseCan } from '@/server/auth/permissions';
import { currentCourseOf } from '../courses/getCurrentCourse';
import {
  selectCourseById,
  selectEnrollment,
  selectOptionalSubmissionWithVisibility,
  type Database,
  type Submission,
  type SubmissionVisibility,
} from '@deltalab/db';
import { storedGradeResult, type StoredGradeResult } from '@/server/grading/storedResult';
import { visibleParts, withoutAnswers, type AnswerParts, type VisibleParts } from '@/lib/visibility';
import { renderMarkdown } from '@/lib/renderMarkdown';
import { SubmissionError } from './submissionError';

const submissionId = z.uuid({ error: 'A submission id is a UUID' });

/** A submission, for its owner or its course's staff; anyone else gets "not found" or "forbidden". */
export async function getSubmissionForViewer(
  db: Database,
  viewerId: string,
  id: string,
): Promise<Submission & { visibility?: SubmissionVisibility | null }> {
  const submission = await selectOptionalSubmissionWithVisibility(db, parseSubmissionId(id));
  return assertViewerMaySee(db, viewerId, id, submission);
}

/** A submission id from a URL: a UUID, or a 400 naming what was sent. */
export function parseSubmissionId(id: string): string {
  const parsed = submissionId.safeParse(id);
  if (!parsed.success)
    throw new SubmissionError(
      'invalid-request',
      `'${id.length > 64 ? `${id.slice(0, 64)}…` : id}' is not a submission id (expected a UUID).`,
    );
  return parsed.data;
}

/** Its owner and its course's staff (course.submissions.view) may see a submission; anyone else gets "not found" or "forbidden". */
export async function assertViewerMaySee<S extends Pick<Submission, 'userId' | 'courseId'>>(
  db: Database,
  viewerId: string,
  id: string,
  submission: S | undefined,
): Promise<S> {
  if (!submission) throw new SubmissionError('not-found', `No submission ${id}.`);
  if (submission.userId === viewerId) return submission;
  const found = await selectCourseById(db, submission.courseId);
  const enrollment = await selectEnrollment(db, viewerId, submission.courseId);
  const standing = enrollment ? standingIn(currentCourseOf(found, enrollment)) : null;
  if (courseCan(standing, 'course.submissions.view')) return submission;
  throw new SubmissionError('forbidden', 'This submission belongs to another student.');
}

/**
 * What the API and the page show of a submission. `visibility` (the course's settings for the exercise) applies to
 * its student: a score, feedback or correct answers the course holds back (until the due date, or for good) are left
 * out. Instructors see everything.
 */
export function submissionView(submission: Submission, visibility?: SubmissionVisibility | null) {
  const parts = visibleParts(visibility);
  return {
    id: submission.id,
    exerciseId: submission.exerciseId,
    status: submission.status,
    score: parts.score ? submission.score : null,
    passed: parts.score ? submission.passed : null,
    result: resultView(storedGradeResult(submission.result), parts),
    hidden: { score: !parts.score, feedback: !parts.feedback, answers: !parts.answers },
    failureMessage: submission.failureMessage,
    late: submission.late,
    attempt: submission.attempt,
    countsAsAttempt: submission.countsAsAttempt,
    payload: submission.payload,
    createdAt: submission.createdAt.toISOString(),
    gradedAt: submission.gradedAt?.toISOString() ?? null,
    regrades: (submission.regrades ?? []).map(({ appliedAt, fromScore, toScore, reason }) =>
      parts.score
        ? { appliedAt, fromScore, toScore, reason }
        : { appliedAt, fromScore: null, toScore: null, reason: parts.feedback ? reason : 'regraded' },
    ),
  };
}

export type SubmissionView = ReturnType<typeof submissionView>;

/** POST /api/submissions's answer (202): the stored submission, graded next from the queue. */
export type SubmissionAccepted = Pick<SubmissionView, 'id' | 'status' | 'attempt' | 'late'>;

/**
 * The grader's result as a viewer sees it (the exercise page, the submission API, an instructor's preview grade): what
 * the course holds back from its student is left out.
 */
export type ResultView = Omit<StoredGradeResult, 'score' | 'passed' | 'cases' | 'options'> &
  Partial<Pick<StoredGradeResult, 'score' | 'passed'>> &
  AnswerParts;

function resultView(stored: StoredGradeResult | null, parts: VisibleParts): ResultView | null {
  if (!stored || !parts.feedback) return null;
  const shown = parts.answers ? stored : withoutAnswers(stored);
  return withRenderedExplanations(parts.score ? shown : { ...shown, score: undefined, passed: undefined });
}

/** Choice explanations are Markdown + KaTeX: rendered here so the browser needs neither library. */
export function withRenderedExplanations<R extends AnswerParts>(result: R): R {
  if (!result.options) return result;
  const options = result.options.map((option) => ({
    ...option,
    ...(typeof option.explanation === 'string' ? { explanationHtml: renderMarkdown(option.explanation, { inline: true }) } : {}),
  }));
  return { ...result, options };
}
