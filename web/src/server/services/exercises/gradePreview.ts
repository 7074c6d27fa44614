import { z } from 'zod';
import type { Database } from '@deltalab/db';
import { gradeContained, type GradeResult } from '@deltalab/grader';
import { toGraderSubmission } from '@/server/grading/gradingAdapter';
import { gradingPool } from '@/server/grading/startGrading';
import { resolveExercise } from '@/server/exercises/resolveExercise';
import { selectCourseExerciseBySlug } from '@deltalab/db';
import { getCurrentCourse } from '../courses/getCurrentCourse';
import { actorIn } from '@/server/auth/courseAccess';
import { can, refusal } from '@/server/auth/permissions';
import { SubmissionError } from '../submissions/submissionError';
import { submissionRequest, validatePayload } from '../submissions/validatePayload';
import { withRenderedExplanations, type ResultView } from '../submissions/getSubmission';
import { previewTargetSchema, resolvePreview } from './previewVariant';

/** POST /api/preview body: a submission (as POST /api/submissions takes it) plus which variant to grade it on. */
const previewGradeRequest = z
  .object({
    ...submissionRequest.shape,
    variant: z.unknown().optional(),
    student: z.unknown().optional(),
  })
  .strict();

export interface PreviewGrade {
  exercise: string;
  variant: GradeResult['variant'];
  score: number;
  passed: boolean;
  result: ResultView;
}

function invalid(error: z.ZodError): SubmissionError {
  const issue = error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return new SubmissionError('invalid-request', `${where}${issue?.message ?? 'invalid request body'}`);
}

/**
 * Staff (exercise.preview) check answers or code against any variant: validated like a submission, graded at once in this
 * process's grading children (not through the queue), and nothing is stored — no submission, no attempt, no rate
 * limit.
 */
export async function gradePreview(db: Database, viewerId: string, body: unknown): Promise<PreviewGrade> {
  // Students are refused whatever they send.
  const course = await getCurrentCourse(db, viewerId);
  const actor = actorIn(null, course);
  if (!can(actor, 'exercise.preview')) throw new SubmissionError('forbidden', refusal(actor, 'exercise.preview', course?.title));
  const parsed = previewGradeRequest.safeParse(body);
  if (!parsed.success) throw invalid(parsed.error);
  const { variant: variantInput, student, ...request } = parsed.data;
  const target = previewTargetSchema.safeParse({ variant: variantInput, student });
  if (!target.success) throw invalid(target.error);

  const resolved = await resolvePreview(db, viewerId, request.exercise, target.data);
  if (!resolved.ok) {
    throw new SubmissionError(resolved.reason === 'not-instructor' ? 'forbidden' : 'not-found', resolved.message);
  }
  const courseExercise = await selectCourseExerciseBySlug(db, resolved.preview.course.id, request.exercise);
  const found = courseExercise ? await resolveExercise(db, courseExercise) : null;
  if (!found) throw new SubmissionError('unknown-exercise', `Unknown exercise '${request.exercise}'.`);
  const { exercise, folder } = found;
  if (exercise.kind === 'challenge') {
    throw new SubmissionError('wrong-payload', `'${exercise.slug}' is a challenge: it is not graded from answers or code.`);
  }
  const submission = toGraderSubmission(exercise.kind, validatePayload(exercise, request));
  if (!submission) throw new SubmissionError('wrong-payload', `'${exercise.slug}' cannot be graded from this payload.`);

  // In a grading child process like any submission: an instructor's heap bomb takes down a child, not the site.
  const grade = await gradeContained(gradingPool(), {
    exercise: exercise.slug,
    variant: resolved.preview.variant,
    submission,
    ...(folder ? { folder } : {}),
  });
  if (grade.kind === 'refused') throw new SubmissionError('wrong-payload', grade.message);
  const result: GradeResult = grade.result;
  return {
    exercise: exercise.slug,
    variant: result.variant,
    score: result.score,
    passed: result.passed,
    result: withRenderedExplanations(result),
  };
}
