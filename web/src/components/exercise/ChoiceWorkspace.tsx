'use client';

import { useState, type FormEvent } from 'react';
import { type ChoiceOptionView, type ExerciseRules, type SubmissionSummary, submittedAnswers } from './types';
import { SubmissionHistory } from './SubmissionHistory';
import { SubmitPanel } from './SubmitPanel';
import { useSubmission } from './useSubmission';

export function ChoiceWorkspace({
  exercise,
  mode,
  options,
  rules,
  initialHistory,
}: {
  exercise: string;
  mode: 'single' | 'multiple';
  options: ChoiceOptionView[];
  rules: ExerciseRules;
  initialHistory: SubmissionSummary[];
}) {
  const { history, phase, error, latest, submit } = useSubmission(exercise, initialHistory);
  const [selected, setSelected] = useState<string[]>([]);
  const optionTexts = Object.fromEntries(options.map((o) => [o.id, o.textHtml]));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void submit({ answers: { selected } });
  }

  function toggle(id: string, checked: boolean) {
    setSelected((current) => (mode === 'single' ? [id] : checked ? [...current, id] : current.filter((x) => x !== id)));
  }

  return (
    <div className="space-y-8">
      <form onSubmit={onSubmit} className="card space-y-4" noValidate>
        <fieldset className="space-y-2">
          <legend className="mb-2 text-lg font-semibold">{mode === 'single' ? 'Choose one answer' : 'Choose all that apply'}</legend>
          {options.map((option) => (
            <div key={option.id} className="flex items-start gap-3 rounded-md border border-slate-200 p-3">
              <input
                id={`option-${option.id}`}
                type={mode === 'single' ? 'radio' : 'checkbox'}
                name="selected"
                value={option.id}
                checked={selected.includes(option.id)}
                onChange={(e) => toggle(option.id, e.currentTarget.checked)}
                className="mt-1 size-4 shrink-0"
              />
              <label htmlFor={`option-${option.id}`} className="prose-sm" dangerouslySetInnerHTML={{ __html: option.textHtml }} />
            </div>
          ))}
        </fieldset>
        <SubmitPanel rules={rules} history={history} phase={phase} error={error} latest={latest} optionTexts={optionTexts}>
          <button type="submit" className="btn btn-primary" disabled={phase !== 'idle' || selected.length === 0}>
            {phase === 'idle' ? 'Submit answer' : 'Grading…'}
          </button>
        </SubmitPanel>
      </form>
      <SubmissionHistory
        history={history}
        optionTexts={optionTexts}
        onRestore={(s) => {
          const value = submittedAnswers(s)?.selected;
          setSelected(Array.isArray(value) ? value : typeof value === 'string' ? [value] : []);
        }}
      />
    </div>
  );
}
