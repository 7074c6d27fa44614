import type { ResultView } from '@/server/services/submissions/getSubmission';
import { CaseResultList, FieldFeedbackList, OptionFeedbackList } from './FeedbackLists';
import type { SubmissionSummary } from './types';

/** Per-field / per-case / per-option feedback of a graded submission, whatever kind it is. */
export function SubmissionResult({
  submission,
  fieldLabels,
  optionTexts,
}: {
  submission: SubmissionSummary;
  fieldLabels?: Record<string, string>;
  /** Choice: option id → its text as HTML, so feedback names options the way the student saw them. */
  optionTexts?: Record<string, string>;
}) {
  if (submission.status === 'queued') return <p className="text-sm text-slate-700">Queued for grading…</p>;
  if (submission.status === 'running') return <p className="text-sm text-slate-700">Grading…</p>;
  if (submission.status === 'failed') {
    return (
      <p className="text-sm text-red-800">
        Grading failed on our side{submission.failureMessage ? `: ${submission.failureMessage}` : ''}. This did not use an attempt; please
        submit again.
      </p>
    );
  }
  const result: Partial<ResultView> = submission.result ?? {};
  const diagnosis = result.diagnosis?.message;
  return (
    <div className="space-y-3 text-sm">
      <ScoreLine submission={submission} gradedScore={typeof result.score === 'number' ? result.score : null} />
      {result.error?.message && (
        <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-red-800">
          {result.error.kind ? <strong className="mr-1">{result.error.kind}:</strong> : null}
          <span className="whitespace-pre-wrap">{result.error.message}</span>
        </p>
      )}
      {diagnosis && (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-amber-900" data-testid="diagnosis">
          <strong>Diagnosis:</strong> {diagnosis}
        </p>
      )}
      {result.fields?.length ? <FieldFeedbackList fields={result.fields} fieldLabels={fieldLabels} /> : null}
      {result.cases?.length ? <CaseResultList cases={result.cases} /> : null}
      {result.options?.length ? <OptionFeedbackList options={result.options} optionTexts={optionTexts} /> : null}
    </div>
  );
}

/** The recorded score; when the course's attempt decay or late penalty changed the grader's, says which and by how much. */
function ScoreLine({ submission, gradedScore }: { submission: SubmissionSummary; gradedScore: number | null }) {
  const adjusted =
    gradedScore !== null && submission.score != null && Math.abs(gradedScore - submission.score) > 0.005
      ? [submission.attempt > 1 ? `attempt ${submission.attempt}` : null, submission.late ? 'late' : null].filter(Boolean).join(', ') ||
        'adjusted'
      : null;
  return (
    <p className="font-medium">
      Score: {submission.score == null ? '—' : `${Math.round(submission.score * 100)}%`}
      {submission.passed ? ' — passed' : ''}
      {submission.late && <span className="ml-2 rounded bg-red-100 px-1.5 py-0.5 text-xs text-red-800">late</span>}
      {adjusted && (
        <span className="block text-xs font-normal text-slate-600" data-testid="score-adjusted">
          The grader gave {Math.round(gradedScore! * 100)}%; the course’s rules ({adjusted}) make it {Math.round(submission.score! * 100)}
          %.
        </span>
      )}
    </p>
  );
}
