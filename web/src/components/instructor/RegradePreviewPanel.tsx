'use client';

import { useEffect, useState } from 'react';
import type { ApiBody } from '@/components/apiResponse';
import type { AppliedRegrade, RegradePreview } from '@/server/services/regrades/regradePreview';

const score = (value: number | null) => (value === null ? '—' : `${Math.round(value * 1000) / 10} %`);

/**
 * A regrade's preview: waits (one held request at a time) until every submission is graded, then shows who changes,
 * by how much and why, and applies it with or without "never lower a score".
 */
export function RegradePreviewPanel({ initial }: { initial: RegradePreview }) {
  const [preview, setPreview] = useState(initial);
  const [neverLower, setNeverLower] = useState(true);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    if (preview.status !== 'grading') return;
    let active = true;
    (async () => {
      while (active) {
        const response = await fetch(`/api/instructor/regrade/${preview.id}?wait=10`).catch(() => null);
        if (!active) return;
        if (response?.ok) {
          const next = (await response.json()) as RegradePreview;
          setPreview(next);
          if (next.status !== 'grading') return;
        } else await new Promise((r) => setTimeout(r, 2000));
      }
    })();
    return () => {
      active = false;
    };
  }, [preview.id, preview.status]);

  async function apply() {
    setPending(true);
    setMessage(null);
    try {
      const response = await fetch(`/api/instructor/regrade/${preview.id}/apply`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ neverLower }),
      });
      const json = (await response.json()) as ApiBody<AppliedRegrade>;
      if (!response.ok) setMessage({ ok: false, text: json.error?.message ?? `HTTP ${response.status}` });
      else {
        setMessage({ ok: true, text: `Applied: ${json.changed} submission(s) changed.` });
        if (json.regrade) setPreview(json.regrade);
      }
    } catch {
      setMessage({ ok: false, text: 'Could not reach the server.' });
    } finally {
      setPending(false);
    }
  }

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
      <div className="overflow-auto rounded border border-slate-200 bg-white">
        <table className="w-full text-sm" aria-label="Changes">
          <thead>
            <tr className="text-left text-slate-600">
              <th className="p-2">Student</th>
              <th className="p-2">Attempt</th>
              <th className="p-2">Before</th>
              <th className="p-2">After</th>
              <th className="p-2">Change</th>
              <th className="p-2">Why</th>
            </tr>
          </thead>
          <tbody>
            {preview.changes.length === 0 ? (
              <tr>
                <td colSpan={6} className="p-2 text-slate-600">
                  {preview.status === 'grading' ? 'Waiting for grades…' : 'No grade changes.'}
                </td>
              </tr>
            ) : (
              preview.changes.map((c) => (
                <tr key={c.itemId} data-testid={`change-${c.student.email}`}>
                  <td className="p-2">
                    {c.student.name} <span className="text-slate-500">{c.student.email}</span>
                  </td>
                  <td className="p-2">{c.attempt}</td>
                  <td className="p-2">{score(c.oldScore)}</td>
                  <td className="p-2">{score(c.newScore)}</td>
                  <td className={`p-2 ${(c.delta ?? 0) > 0 ? 'text-green-800' : (c.delta ?? 0) < 0 ? 'text-red-800' : ''}`}>
                    {c.delta === null ? '—' : `${c.delta > 0 ? '+' : ''}${Math.round(c.delta * 1000) / 10} %`}
                  </td>
                  <td className="p-2 font-mono text-xs">{c.why}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      {preview.status === 'ready' && (
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
