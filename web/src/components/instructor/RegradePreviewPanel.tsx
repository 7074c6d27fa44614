'use client';

import type { RegradePreview } from '@/server/services/regrades/regradePreview';
import { RegradeChangesTable } from './RegradeChangesTable';
import { useRegradePreview } from './useRegradePreview';

/**
 * A regrade's preview: waits (one held request at a time) until every submission is graded, then shows who changes,
 * by how much and why, and applies it with or without "never lower a score".
 */
/** A regrade's preview; `canApply` (regrade.apply) adds the Apply controls, everyone else with the page only sees it. */
export function RegradePreviewPanel({ initial, canApply }: { initial: RegradePreview; canApply: boolean }) {
  const { preview, neverLower, setNeverLower, message, pending, apply } = useRegradePreview(initial);
  const lowered = preview.changes.filter((c) => (c.delta ?? 0) < 0).length;
  return (
    <div className="space-y-3">
      <p data-testid="regrade-status" className="text-sm">
        {preview.status === 'grading'
          ? `Grading: ${preview.graded + preview.failed} of ${preview.items} done…`
          : `${preview.items} submission(s) regraded against version ${preview.versionNumber}: ${preview.summary.raised} raised, ${preview.summary.lowered} lowered, ${preview.summary.unchanged} unchanged${preview.failed ? `, ${preview.failed} could not be graded (they keep their grade)` : ''}.`}
        {preview.status === 'applied' && ` Applied by ${preview.appliedBy} ${preview.neverLower ? '(never lowering a score)' : ''}.`}
      </p>
      {message && (
        <p
          role={message.ok ? 'status' : 'alert'}
          className={`rounded px-3 py-2 text-sm ${message.ok ? 'bg-green-50 text-green-900' : 'bg-red-50 text-red-800'}`}
        >
          {message.text}
        </p>
      )}
      <RegradeChangesTable preview={preview} />
      {preview.status === 'ready' && !canApply && <p className="text-sm text-slate-600">Ready: an instructor of the course applies it.</p>}
      {preview.status === 'ready' && canApply && (
        <div className="flex flex-wrap items-center gap-4">
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={neverLower} onChange={(e) => setNeverLower(e.target.checked)} /> Never lower a score
            {lowered > 0 ? ` (${lowered} would go down)` : ''}
          </label>
          <button type="button" className="btn-primary" onClick={apply} disabled={pending}>
            {pending ? 'Applying…' : 'Apply regrade'}
          </button>
        </div>
      )}
    </div>
  );
}
