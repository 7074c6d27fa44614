'use client';

import { formatDateTime } from '@/lib/format';
import { usePreviewTarget } from './PreviewContext';
import { type SubmissionSummary, submittedAnswers, submittedCode } from './types';
import { SubmissionResult } from './SubmissionResult';

const statusLabels = { queued: 'Queued', running: 'Running', graded: 'Graded', failed: 'Failed' } as const;

/** Through the site's one formatter (a fixed locale: a browser's odd default locale cannot break the page). */
function formatTime(iso: string) {
  return formatDateTime(iso);
}

/** Every submission of this student for the exercise, newest first, with what was sent and a Restore button. */
export function SubmissionHistory({
  history,
  onRestore,
  fieldLabels,
  optionTexts,
}: {
  history: SubmissionSummary[];
  onRestore?: (submission: SubmissionSummary) => void;
  fieldLabels?: Record<string, string>;
  optionTexts?: Record<string, string>;
}) {
  const preview = usePreviewTarget() !== null;
  return (
    <section aria-labelledby="history-heading" className="space-y-3">
      <h2 id="history-heading" className="text-lg font-semibold">
        {preview ? 'Preview checks (this page only, not stored)' : 'Your submissions'}
      </h2>
      {history.length === 0 ? (
        <p className="text-sm text-slate-600">{preview ? 'Nothing checked yet.' : 'No submissions yet.'}</p>
      ) : (
        <ol className="space-y-2" aria-label="Submission history">
          {history.map((s, index) => (
            <li key={s.id} className="rounded-lg border border-slate-200 bg-white">
              <details>
                <summary className="flex cursor-pointer flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 text-sm">
                  <span className="font-medium">#{s.attempt > 0 ? s.attempt : history.length - index}</span>
                  <span className="text-slate-600">{formatTime(s.createdAt)}</span>
                  <span>{statusLabels[s.status]}</span>
                  <span>{s.score == null ? '' : `${Math.round(s.score * 100)}%`}</span>
                  {s.late && <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs text-red-800">late</span>}
                  {!s.countsAsAttempt && !preview && <span className="text-xs text-slate-500">(did not use an attempt)</span>}
                  {s.regrades?.map((r) => (
                    <span key={r.appliedAt} className="rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">
                      regraded {formatTime(r.appliedAt)}: {r.fromScore == null ? '—' : `${Math.round(r.fromScore * 100)}%`} →{' '}
                      {r.toScore == null ? '—' : `${Math.round(r.toScore * 100)}%`} ({r.reason})
                    </span>
                  ))}
                </summary>
                <div className="space-y-3 border-t border-slate-200 px-4 py-3">
                  <SubmissionResult submission={s} fieldLabels={fieldLabels} optionTexts={optionTexts} />
                  <div>
                    <h3 className="mb-1 text-xs font-semibold uppercase text-slate-500">As submitted</h3>
                    {submittedCode(s) !== undefined ? (
                      <pre className="max-h-64 overflow-auto rounded bg-slate-900 p-3 text-xs text-slate-100">
                        <code>{submittedCode(s)}</code>
                      </pre>
                    ) : (
                      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-0.5 font-mono text-xs">
                        {Object.entries(submittedAnswers(s) ?? {}).map(([name, value]) => (
                          <div key={name} className="contents">
                            <dt>{fieldLabels?.[name] ?? name}</dt>
                            <dd>{Array.isArray(value) ? value.join(', ') : value === '' ? '—' : String(value)}</dd>
                          </div>
                        ))}
                      </dl>
                    )}
                  </div>
                  {onRestore && (
                    <button type="button" className="btn btn-secondary" onClick={() => onRestore(s)}>
                      Restore this {submittedCode(s) !== undefined ? 'code' : 'answer'}
                    </button>
                  )}
                </div>
              </details>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
