'use client';

import { useRef, type FormEvent } from 'react';
import { DEFAULT_TOLERANCE, describeTolerance } from '@deltalab/exercises/rules';
import { type ExerciseRules, type NumericFieldView, type SubmissionSummary, submittedAnswers } from './types';
import { SubmissionHistory } from './SubmissionHistory';
import { SubmitPanel } from './SubmitPanel';
import { useSubmission } from './useSubmission';

export function NumericWorkspace({
  exercise,
  fields,
  rules,
  initialHistory,
}: {
  exercise: string;
  fields: NumericFieldView[];
  rules: ExerciseRules;
  initialHistory: SubmissionSummary[];
}) {
  const { history, phase, error, latest, submit } = useSubmission(exercise, initialHistory);
  const formRef = useRef<HTMLFormElement>(null);
  const fieldNames = Object.fromEntries(fields.map((f) => [f.name, f.name]));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const answers = Object.fromEntries(fields.map((f) => [f.name, String(form.get(f.name) ?? '').trim()]));
    void submit({ answers });
  }

  function restore(submission: SubmissionSummary) {
    const form = formRef.current;
    if (!form) return;
    for (const field of fields) {
      const input = form.elements.namedItem(field.name);
      const value = submittedAnswers(submission)?.[field.name];
      if (input instanceof HTMLInputElement) input.value = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
    }
    form.querySelector('input')?.focus();
  }

  const latestFields = new Map(
    ((latest?.result as { fields?: { name: string; status: string; message?: string }[] } | null)?.fields ?? []).map((f) => [f.name, f]),
  );

  return (
    <div className="space-y-8">
      <form ref={formRef} onSubmit={onSubmit} className="card space-y-4" aria-label="Your answers" noValidate>
        <h2 className="text-lg font-semibold">Your answers</h2>
        <p className="text-sm text-slate-600" data-testid="answer-rule">
          Type numbers like <code>0.082</code>, <code>8.2e-2</code> or <code>0,082</code>. {describeTolerance(DEFAULT_TOLERANCE)} A field
          that needs something else says so.
        </p>
        <div className="grid gap-4 sm:grid-cols-2">
          {fields.map((field) => {
            const feedback = latest?.status === 'graded' ? latestFields.get(field.name) : undefined;
            const hintId = field.hint || field.rule ? `${field.name}-hint` : undefined;
            const feedbackId = feedback ? `${field.name}-feedback` : undefined;
            return (
              <div key={field.name}>
                <label htmlFor={`field-${field.name}`} className="label flex items-baseline gap-2">
                  <span dangerouslySetInnerHTML={{ __html: field.labelHtml }} />
                  <code className="text-xs font-normal text-slate-500">{field.name}</code>
                </label>
                <div className="flex items-center gap-2">
                  <input
                    id={`field-${field.name}`}
                    name={field.name}
                    inputMode="decimal"
                    autoComplete="off"
                    spellCheck={false}
                    className="input font-mono"
                    aria-describedby={[hintId, feedbackId].filter(Boolean).join(' ') || undefined}
                    aria-invalid={feedback && feedback.status !== 'correct' && feedback.status !== 'carried' ? true : undefined}
                  />
                  {field.unit && <span className="text-sm text-slate-600">{field.unit}</span>}
                </div>
                {hintId && (
                  <p id={hintId} className="mt-1 text-xs text-slate-600">
                    {[field.rule, field.hint].filter(Boolean).join(' ')}
                  </p>
                )}
                {feedback && (
                  <p
                    id={feedbackId}
                    className={`mt-1 text-xs ${feedback.status === 'correct' ? 'text-green-800' : feedback.status === 'carried' ? 'text-amber-800' : 'text-red-700'}`}
                  >
                    <strong className="uppercase">{feedback.status}</strong>
                    {feedback.message ? ` — ${feedback.message}` : ''}
                  </p>
                )}
              </div>
            );
          })}
        </div>
        <SubmitPanel rules={rules} history={history} phase={phase} error={error} latest={latest} fieldLabels={fieldNames}>
          <button type="submit" className="btn btn-primary" disabled={phase !== 'idle'}>
            {phase === 'idle' ? 'Submit answers' : 'Grading…'}
          </button>
        </SubmitPanel>
      </form>
      <SubmissionHistory history={history} onRestore={restore} fieldLabels={fieldNames} />
    </div>
  );
}
