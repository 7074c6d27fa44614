import type { Submission } from '@deltalab/db';
import type { GradeRequest } from '@deltalab/grader';

/** The grader's request for a stored submission (its variant seed and payload as stored). */
export function toGradeRequest(submission: Submission, exerciseSlug: string): GradeRequest {
  const variant = submission.variantSeed === 'canonical' ? ('canonical' as const) : Number(submission.variantSeed);
  const payload = submission.payload;
  if ('code' in payload) return { exercise: exerciseSlug, variant, submission: { kind: 'code', code: payload.code } };
  if ('answers' in payload) {
    if (submission.kind === 'choice') {
      const selected = payload.answers.selected;
      return {
        exercise: exerciseSlug,
        variant,
        submission: { kind: 'choice', selected: Array.isArray(selected) ? selected : selected ? [selected] : [] },
      };
    }
    const answers: Record<string, string> = {};
    for (const [name, value] of Object.entries(payload.answers)) answers[name] = Array.isArray(value) ? value.join(' ') : value;
    return { exercise: exerciseSlug, variant, submission: { kind: 'numeric', answers } };
  }
  throw new Error(`submission ${submission.id} has a payload the grader does not take (kind ${submission.kind})`);
}
