import type { Submission as StoredSubmission, SubmissionPayload } from '@deltalab/db';
import type { GradeRequest, Submission as GraderSubmission } from '@deltalab/grader';

/** The grader's request for a stored submission (its variant seed and payload as stored). */
export function toGradeRequest(submission: StoredSubmission, exerciseSlug: string): GradeRequest {
  const variant = submission.variantSeed === 'canonical' ? ('canonical' as const) : Number(submission.variantSeed);
  const graded = toGraderSubmission(submission.kind, submission.payload);
  if (!graded) throw new Error(`submission ${submission.id} has a payload the grader does not take (kind ${submission.kind})`);
  return { exercise: exerciseSlug, variant, submission: graded };
}

/** A validated payload (see validatePayload) as the grader takes it; null for a payload the grader does not grade. */
export function toGraderSubmission(kind: string, payload: SubmissionPayload): GraderSubmission | null {
  if ('code' in payload) return { kind: 'code', code: payload.code };
  if ('answers' in payload) {
    if (kind === 'choice') {
      const selected = payload.answers.selected;
      return { kind: 'choice', selected: Array.isArray(selected) ? selected : selected ? [String(selected)] : [] };
    }
    const answers: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(payload.answers)) answers[name] = Array.isArray(value) ? value.join(' ') : value;
    return { kind: 'numeric', answers };
  }
  return null;
}
