import type { SubmissionSummary } from './types';

interface FieldEntry {
  name: string;
  status: string;
  message?: string;
  carriedFrom?: string[];
}
interface CaseEntry {
  name: string;
  passed: boolean;
  message?: string;
  hidden?: boolean;
}
interface OptionEntry {
  id: string;
  selected?: boolean;
  correct?: boolean;
  explanation?: string;
  explanationHtml?: string;
}

const fieldStyles: Record<string, string> = {
  correct: 'text-green-800 bg-green-50 border-green-200',
  carried: 'text-amber-900 bg-amber-50 border-amber-200',
  wrong: 'text-red-800 bg-red-50 border-red-200',
  invalid: 'text-red-800 bg-red-50 border-red-200',
  missing: 'text-slate-700 bg-slate-50 border-slate-200',
};

function asArray<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

function diagnosisText(value: unknown): string | null {
  if (!value) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && 'message' in value && typeof (value as { message: unknown }).message === 'string') {
    return (value as { message: string }).message;
  }
  return null;
}

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
  const result = (submission.result ?? {}) as Record<string, unknown>;
  const fields = asArray<FieldEntry>(result.fields);
  const cases = asArray<CaseEntry>(result.cases);
  const options = asArray<OptionEntry>(result.options);
  const error = result.error as { kind?: string; message?: string } | undefined;
  const diagnosis = diagnosisText(result.diagnosis);
  // The stored score is the grader's after the course's attempt decay and late penalty: say so when they differ.
  const gradedScore = typeof result.score === 'number' ? result.score : null;
  const adjusted =
    gradedScore !== null && submission.score != null && Math.abs(gradedScore - submission.score) > 0.005
      ? [submission.attempt > 1 ? `attempt ${submission.attempt}` : null, submission.late ? 'late' : null].filter(Boolean).join(', ') ||
        'adjusted'
      : null;
  return (
    <div className="space-y-3 text-sm">
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
      {error?.message && (
        <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-red-800">
          {error.kind ? <strong className="mr-1">{error.kind}:</strong> : null}
          <span className="whitespace-pre-wrap">{error.message}</span>
        </p>
      )}
      {diagnosis && (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-amber-900" data-testid="diagnosis">
          <strong>Diagnosis:</strong> {diagnosis}
        </p>
      )}
      {fields.length > 0 && (
        <ul className="space-y-1" aria-label="Feedback per field">
          {fields.map((field) => (
            <li
              key={field.name}
              className={`rounded-md border px-3 py-1.5 ${fieldStyles[field.status] ?? fieldStyles.missing}`}
              data-field={field.name}
              data-status={field.status}
            >
              <span className="font-mono text-xs">{fieldLabels?.[field.name] ?? field.name}</span>{' '}
              <strong className="uppercase">{field.status}</strong>
              {field.status === 'carried' && field.carriedFrom?.length ? ` (carried from ${field.carriedFrom.join(', ')})` : ''}
              {field.message ? ` — ${field.message}` : ''}
            </li>
          ))}
        </ul>
      )}
      {cases.length > 0 && (
        <ul className="space-y-1" aria-label="Results per test case">
          {cases.map((c, i) => (
            <li key={`${c.name}-${i}`} className={`rounded-md border px-3 py-1.5 ${c.passed ? fieldStyles.correct : fieldStyles.wrong}`}>
              <strong>{c.passed ? 'PASS' : 'FAIL'}</strong> {c.hidden ? '(hidden) ' : ''}
              {c.name}
              {c.message && !c.passed ? <span className="block whitespace-pre-wrap text-xs">{c.message}</span> : null}
            </li>
          ))}
        </ul>
      )}
      {options.length > 0 && (
        <ul className="space-y-1" aria-label="Explanations per option">
          {options.map((o) => (
            <li
              key={o.id}
              data-option={o.id}
              className={`space-y-0.5 rounded-md border px-3 py-1.5 ${o.correct ? fieldStyles.correct : o.selected ? fieldStyles.wrong : fieldStyles.missing}`}
            >
              {optionTexts?.[o.id] ? (
                <p className="font-semibold" dangerouslySetInnerHTML={{ __html: optionTexts[o.id]! }} />
              ) : (
                <p className="font-mono font-semibold">{o.id}</p>
              )}
              <p>
                <strong>
                  {o.selected ? 'Your choice' : 'Not chosen'} — {o.correct ? 'a correct option.' : 'not correct.'}
                </strong>{' '}
                {o.explanationHtml ? <span dangerouslySetInnerHTML={{ __html: o.explanationHtml }} /> : o.explanation}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
