'use client';

import type { ReactNode } from 'react';
import { formatDateTime } from '@/lib/format';
import { describeLatePolicy } from '@/lib/latePolicy';
import { usePreviewTarget } from './PreviewContext';
import type { ExerciseRules, SubmissionSummary } from './types';
import { SubmissionResult } from './SubmissionResult';
import type { SubmissionPhase } from './useSubmission';
import { useNow } from '@/components/useNow';

/** Attempts / due date line, the refusal message, and the live status of the latest submission. */
export function SubmitPanel({
  rules,
  history,
  phase,
  error,
  latest,
  fieldLabels,
  optionTexts,
  children,
}: {
  rules: ExerciseRules;
  history: SubmissionSummary[];
  phase: SubmissionPhase;
  error: string;
  latest: SubmissionSummary | null;
  fieldLabels?: Record<string, string>;
  optionTexts?: Record<string, string>;
  children?: ReactNode;
}) {
  const preview = usePreviewTarget();
  const used = history.filter((s) => s.countsAsAttempt && s.status !== 'failed').length;
  const attemptsLeft = rules.maxAttempts === null ? null : Math.max(0, rules.maxAttempts - used);
  const now = useNow();
  const pastDue = rules.dueAt !== null && new Date(rules.dueAt).getTime() < now;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        {children}
        {preview ? (
          <p className="text-sm text-slate-600" data-testid="attempts">
            Preview: graded on this variant at once; nothing is stored and no attempt is used.
          </p>
        ) : (
          <p className="text-sm text-slate-600" data-testid="attempts">
            {rules.maxAttempts === null
              ? `${used} ${used === 1 ? 'attempt' : 'attempts'} used (no limit)`
              : `${used} of ${rules.maxAttempts} attempts used`}
            {attemptsLeft === 0 ? ' — no attempts left' : ''}
            {rules.pointsDecayPerAttempt > 0 && (
              <span className="block text-xs">
                Each attempt after the first is worth {Math.round(rules.pointsDecayPerAttempt * 100)}% less
                {used > 0 ? ` (your next: ${Math.round(Math.max(0, 1 - rules.pointsDecayPerAttempt * used) * 100)}% of the points)` : ''}.
              </span>
            )}
          </p>
        )}
      </div>
      {rules.dueAt !== null && (
        <p className={`text-sm ${pastDue && !preview ? 'text-red-800' : 'text-slate-600'}`} data-testid="late-policy">
          {pastDue ? `The due date (${formatDateTime(rules.dueAt, rules.timeZone)}) has passed. ` : ''}
          {describeLatePolicy(rules)}
        </p>
      )}
      {error && (
        <p role="alert" data-testid="form-error" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      <div role="status" aria-live="polite" className="min-h-6" data-testid="submission-status">
        {phase === 'sending' && <p className="text-sm text-slate-700">Submitting…</p>}
        {phase !== 'sending' && latest && (
          <div className="card">
            <h3 className="mb-2 text-sm font-semibold">
              Latest submission: <span data-testid="latest-status">{latest.status}</span>
            </h3>
            <SubmissionResult submission={latest} fieldLabels={fieldLabels} optionTexts={optionTexts} />
          </div>
        )}
      </div>
    </div>
  );
}
