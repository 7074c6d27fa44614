import type { SubmissionVisibility } from '@deltalab/db';

export type VisibleParts = { score: boolean; feedback: boolean; answers: boolean };

/**
 * What a student may see of their graded submission now, by the course's settings for the exercise: each part
 * immediately, after the due date (with no due date: immediately), or never.
 */
export function visibleParts(visibility: SubmissionVisibility | null | undefined, now = new Date()): VisibleParts {
  if (!visibility) return { score: true, feedback: true, answers: true };
  const open = (timing: SubmissionVisibility['showScore']) =>
    timing === 'immediately' || (timing === 'after-due' && (visibility.dueAt === null || now.getTime() >= visibility.dueAt.getTime()));
  return { score: open(visibility.showScore), feedback: open(visibility.showFeedback), answers: open(visibility.showAnswers) };
}

/** A grader result without the correct answers: no expected values of cases, no correct flags or explanations of options. */
export function withoutAnswers(result: unknown): unknown {
  if (!result || typeof result !== 'object') return result;
  const r = result as { cases?: Record<string, unknown>[]; options?: Record<string, unknown>[] };
  return {
    ...r,
    ...(r.cases ? { cases: r.cases.map(({ expected: _expected, ...rest }) => rest) } : {}),
    ...(r.options
      ? { options: r.options.map(({ correct: _correct, explanation: _explanation, explanationHtml: _html, ...rest }) => rest) }
      : {}),
  };
}
