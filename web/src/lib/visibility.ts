import type { SubmissionVisibility } from '@deltalab/db';
import type { CaseResult, OptionResult } from '@deltalab/grader';

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

/** A choice option's feedback as a viewer sees it: its correct flag and explanation go while the answers are held back. */
export type ShownOption = Pick<OptionResult, 'id' | 'selected'> &
  Partial<Pick<OptionResult, 'correct' | 'explanation'>> & {
    /** The explanation rendered (Markdown + KaTeX) by the server. */
    explanationHtml?: string;
  };

/** The parts of a grader result that can hold correct answers. */
export type AnswerParts = { cases?: CaseResult[]; options?: ShownOption[] };

/** A grader result without the correct answers: no expected values of cases, no correct flags or explanations of options. */
export function withoutAnswers<R extends AnswerParts>(result: R): Omit<R, 'cases' | 'options'> & AnswerParts {
  const { cases, options, ...rest } = result;
  return {
    ...rest,
    ...(cases ? { cases: cases.map(({ expected: _expected, ...kept }) => kept) } : {}),
    ...(options
      ? { options: options.map(({ correct: _correct, explanation: _explanation, explanationHtml: _html, ...kept }) => kept) }
      : {}),
  };
}
