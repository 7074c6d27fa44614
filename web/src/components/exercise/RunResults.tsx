import type { Tolerance } from '@deltalab/exercises/rules';
import type { TfReady } from '@/editor/runner/protocol';
import { formatTolerance } from '@/editor/runner/runTolerance';
import type { RunState } from './useBrowserRun';

/** What Run found: how many sample cases pass, the backend tfjs ran on, an error, and each case. */
export function RunResults({
  run,
  tfStatus,
  caseCount,
  graderTolerance,
}: {
  run: Exclude<RunState, { phase: 'idle' }>;
  tfStatus: TfReady | null;
  caseCount: number;
  graderTolerance: Tolerance;
}) {
  const passedCount = run.results.filter((r) => r.passed).length;
  return (
    <section aria-labelledby="run-heading" className="card space-y-2" data-testid="run-results">
      <h2 id="run-heading" className="text-lg font-semibold">
        Run in your browser {run.phase === 'running' ? '(running…)' : `— ${passedCount}/${caseCount} sample cases pass`}
      </h2>
      <p className="text-xs text-slate-600">Runs the visible sample cases only; it never records a grade.</p>
      {tfStatus && <TfStatusView status={tfStatus} graderTolerance={graderTolerance} />}
      {run.phase === 'done' && run.message && (
        <p role="alert" data-testid="run-error" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {run.message}
        </p>
      )}
      <ul className="space-y-1 text-sm">
        {run.results.map((r) => (
          <li
            key={r.name}
            className={`rounded-md border px-3 py-1.5 ${r.passed ? 'border-green-200 bg-green-50 text-green-900' : 'border-red-200 bg-red-50 text-red-800'}`}
          >
            <strong>{r.passed ? 'PASS' : 'FAIL'}</strong> {r.name} <span className="text-xs">({r.ms.toFixed(1)} ms)</span>
            {r.message && <span className="block whitespace-pre-wrap text-xs">{r.message}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

function TfStatusView({ status, graderTolerance }: { status: TfReady; graderTolerance: Tolerance }) {
  return (
    <div className="space-y-1 text-sm">
      <p data-testid="tf-backend">
        TensorFlow.js ran on <strong>{status.backend}</strong> ({status.reason}); tfjs started in {Math.round(status.setupMs)} ms.
      </p>
      <p className="text-xs text-slate-600" data-testid="tf-probe">
        Backend probe (a small training run, timed after a warm-up):{' '}
        {status.probe
          .map((t) =>
            t.ok ? `${t.backend} ${t.ms.toFixed(1)} ms (warm-up ${t.warmupMs.toFixed(0)} ms)` : `${t.backend} unavailable (${t.reason})`,
          )
          .join(' · ')}
      </p>
      {formatTolerance(status.tolerance) !== formatTolerance(graderTolerance) && (
        <p className="text-xs text-amber-800" data-testid="tf-gpu-tolerance">
          GPU backends compute with less precision than the grader (tfjs on cpu), so Run on {status.backend} checks to{' '}
          {formatTolerance(status.tolerance)} relative; your grade is checked to {formatTolerance(graderTolerance)} on the server.
        </p>
      )}
    </div>
  );
}
