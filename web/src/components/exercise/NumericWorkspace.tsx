'use client';

import { useRef, useState, type FormEvent } from 'react';
import { DEFAULT_TOLERANCE, describeTolerance } from '@deltalab/exercises/rules';
import { type ExerciseRules, type NumericFieldView, type SubmissionSummary, submittedAnswers } from './types';
import { NumericField } from './NumericField';
import { ExpressionField } from './ExpressionField';
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
  // A restored submission re-creates the expression inputs with its text (their state is their own).
  const [restored, setRestored] = useState<{ count: number; answers: Record<string, unknown> }>({ count: 0, answers: {} });
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
    setRestored({ count: restored.count + 1, answers: submittedAnswers(submission) ?? {} });
    form.querySelector('input')?.focus();
  }

  const latestFields = new Map((latest?.result?.fields ?? []).map((f) => [f.name, f]));

  return (
    <div className="space-y-8">
      <form ref={formRef} onSubmit={onSubmit} className="card space-y-4" aria-label="Your answers" noValidate>
        <h2 className="text-lg font-semibold">Your answers</h2>
        {fields.some((f) => !f.expression) && (
          <p className="text-sm text-slate-600" data-testid="answer-rule">
            Type numbers like <code>0.082</code>, <code>8.2e-2</code> or <code>0,082</code>. {describeTolerance(DEFAULT_TOLERANCE)} A field
            that needs something else says so.
          </p>
        )}
        <div className="grid gap-4 sm:grid-cols-2">
          {fields.map((field) =>
            field.expression ? (
              <ExpressionField
                key={`${field.name}-${restored.count}`}
                field={{ ...field, expression: field.expression }}
                feedback={latest?.status === 'graded' ? latestFields.get(field.name) : undefined}
                initialText={String(restored.answers[field.name] ?? '')}
              />
            ) : (
              <NumericField
                key={field.name}
                field={field}
                feedback={latest?.status === 'graded' ? latestFields.get(field.name) : undefined}
              />
            ),
          )}
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
