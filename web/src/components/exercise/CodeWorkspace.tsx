'use client';

import dynamic from 'next/dynamic';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CodeEditorHandle } from '@/editor/MonacoCodeEditor';
import { chooseBackend, useBackendChoice } from '@/editor/runner/useBackendChoice';
import { formatTolerance } from '@/editor/runner/runTolerance';
import type { Tolerance } from '@deltalab/exercises/rules';
import { tfBackends, type ProbeTiming, type RunCaseResult, type TfBackendChoice, type TfReady } from '@/editor/runner/protocol';
import { type CodeSetup, type ExerciseRules, type SubmissionSummary, submittedCode } from './types';
import { SubmissionHistory } from './SubmissionHistory';
import { usePreviewTarget } from './PreviewContext';
import { SubmitPanel } from './SubmitPanel';
import { useSubmission } from './useSubmission';

// Monaco is big: a separate chunk, loaded in the browser only, on code exercise pages only.
const MonacoCodeEditor = dynamic(() => import('@/editor/MonacoCodeEditor'), {
  ssr: false,
  loading: () => <p className="h-80 p-3 text-sm text-slate-600">Loading the editor…</p>,
});

type RunState =
  | { phase: 'idle' }
  | { phase: 'running'; results: RunCaseResult[] }
  | { phase: 'done'; ok: boolean; message?: string; results: RunCaseResult[]; ms?: number };

export function CodeWorkspace({
  exercise,
  setup,
  rules,
  initialHistory,
}: {
  exercise: string;
  setup: CodeSetup;
  rules: ExerciseRules;
  initialHistory: SubmissionSummary[];
}) {
  const { history, phase, error, latest, submit } = useSubmission(exercise, initialHistory);
  const [code, setCode] = useState(setup.draft ?? setup.starter);
  const [plain, setPlain] = useState(false);
  const [editorKey, setEditorKey] = useState(0);
  const [draftStatus, setDraftStatus] = useState(setup.draft ? 'Your last draft was restored.' : '');
  const [run, setRun] = useState<RunState>({ phase: 'idle' });
  const handle = useRef<CodeEditorHandle | null>(null);
  const saved = useRef(setup.draft ?? setup.starter);
  const justRestored = useRef(false);
  // An instructor's preview stores nothing, drafts included (they would become the instructor's own draft).
  const preview = usePreviewTarget();
  // tf exercises: the backend the student picked (remembered), and the probe of the first Run on this page.
  const tfChoice = useBackendChoice();
  const [tfStatus, setTfStatus] = useState<TfReady | null>(null);
  const probe = useRef<ProbeTiming[] | undefined>(undefined);

  // Autosave the draft a moment after the last keystroke.
  useEffect(() => {
    if (preview || code === saved.current) return;
    const timer = setTimeout(async () => {
      try {
        const response = await fetch('/api/drafts', {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ exercise, code }),
        });
        if (response.ok) {
          saved.current = code;
          const time = new Date().toLocaleTimeString();
          // The save that follows a restore keeps saying what happened, so the student does not miss it.
          setDraftStatus(
            justRestored.current
              ? `Restored the code of an earlier submission (saved as your draft at ${time}).`
              : `Draft saved at ${time}.`,
          );
          justRestored.current = false;
        } else {
          const body = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
          setDraftStatus(`Draft not saved: ${body.error?.message ?? `HTTP ${response.status}`}`);
        }
      } catch {
        setDraftStatus('Draft not saved: the server is unreachable.');
      }
    }, 1000);
    return () => clearTimeout(timer);
  }, [code, exercise, preview]);

  const compile = useCallback(async (): Promise<{ js: string } | { error: string }> => {
    if (!plain && handle.current) return handle.current.compile();
    // Without Monaco: strip nothing, run as JavaScript (type annotations will not parse).
    return { js: code };
  }, [code, plain]);

  async function onRun() {
    setRun({ phase: 'running', results: [] });
    const compiled = await compile();
    if ('error' in compiled) {
      setRun({ phase: 'done', ok: false, message: compiled.error, results: [] });
      return;
    }
    const { runInBrowser } = await import('@/editor/runner/runInBrowser');
    setTfStatus(null);
    const outcome = await runInBrowser(
      {
        js: compiled.js,
        cases: setup.visibleCases,
        tolerance: setup.tolerance,
        ...(setup.usesTf ? { tf: { choice: tfChoice, ...(probe.current ? { probe: probe.current } : {}) } } : {}),
      },
      setup.timeLimitMs,
      {
        onProgress: (results) => setRun({ phase: 'running', results }),
        onTf: (status) => {
          probe.current = status.probe;
          setTfStatus(status);
        },
      },
    );
    setRun(
      outcome.ok
        ? { phase: 'done', ok: true, results: outcome.results, ms: outcome.ms }
        : { phase: 'done', ok: false, message: outcome.message, results: outcome.results },
    );
  }

  function restore(submission: SubmissionSummary) {
    const code = submittedCode(submission);
    if (code === undefined) return;
    setCode(code);
    setEditorKey((k) => k + 1);
    justRestored.current = true;
    setDraftStatus('Restored the code of an earlier submission.');
  }

  const runResults = run.phase === 'idle' ? [] : run.results;
  const passedCount = runResults.filter((r) => r.passed).length;

  return (
    <div className="space-y-8">
      <div className="card space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-lg font-semibold">Your code</h2>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={plain} onChange={(e) => setPlain(e.currentTarget.checked)} className="size-4" />
            Plain text editor
          </label>
        </div>
        <details className="text-sm">
          <summary className="cursor-pointer text-slate-700">Signature and types</summary>
          <pre className="mt-2 overflow-auto rounded bg-slate-100 p-3 text-xs">
            {[setup.typeDeclarations.trim(), ...setup.signatures].filter(Boolean).join('\n\n')}
          </pre>
        </details>
        <div className="overflow-hidden rounded-md border border-slate-300">
          {plain ? (
            <textarea
              aria-label="Code editor (plain text)"
              className="block h-80 w-full resize-y p-3 font-mono text-sm"
              value={code}
              spellCheck={false}
              onChange={(e) => setCode(e.currentTarget.value)}
            />
          ) : (
            <MonacoCodeEditor
              key={editorKey}
              value={code}
              onChange={setCode}
              typeDeclarations={setup.typeDeclarations}
              usesTf={setup.usesTf === true}
              label="Code editor"
              onReady={(h) => (handle.current = h)}
            />
          )}
        </div>
        <p className="text-xs text-slate-600" role="status" aria-live="polite" data-testid="draft-status">
          {draftStatus}
        </p>
        {setup.usesTf && (
          <label className="flex flex-wrap items-center gap-2 text-sm">
            TensorFlow.js backend for Run
            <select
              className="rounded-md border border-slate-300 bg-white px-2 py-1"
              value={tfChoice}
              onChange={(e) => chooseBackend(e.currentTarget.value as TfBackendChoice)}
              disabled={run.phase === 'running'}
            >
              <option value="auto">Fastest (probe)</option>
              {tfBackends.map((b) => {
                const timing = tfStatus?.probe.find((t) => t.backend === b);
                return (
                  <option key={b} value={b} disabled={timing?.ok === false}>
                    {b}
                    {timing ? (timing.ok ? ` (${timing.ms.toFixed(1)} ms)` : ' (unavailable)') : ''}
                  </option>
                );
              })}
            </select>
          </label>
        )}
        <SubmitPanel rules={rules} history={history} phase={phase} error={error} latest={latest}>
          <button type="button" className="btn btn-secondary" onClick={onRun} disabled={run.phase === 'running'}>
            {run.phase === 'running' ? 'Running…' : 'Run'}
          </button>
          <button type="button" className="btn btn-primary" disabled={phase !== 'idle'} onClick={() => void submit({ code })}>
            {phase === 'idle' ? 'Submit' : 'Grading…'}
          </button>
        </SubmitPanel>
      </div>
      {run.phase !== 'idle' && (
        <section aria-labelledby="run-heading" className="card space-y-2" data-testid="run-results">
          <h2 id="run-heading" className="text-lg font-semibold">
            Run in your browser {run.phase === 'running' ? '(running…)' : `— ${passedCount}/${setup.visibleCases.length} sample cases pass`}
          </h2>
          <p className="text-xs text-slate-600">Runs the visible sample cases only; it never records a grade.</p>
          {tfStatus && <TfStatusView status={tfStatus} graderTolerance={setup.tolerance} />}
          {run.phase === 'done' && run.message && (
            <p role="alert" data-testid="run-error" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
              {run.message}
            </p>
          )}
          <ul className="space-y-1 text-sm">
            {runResults.map((r) => (
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
      )}
      <SubmissionHistory history={history} onRestore={restore} />
    </div>
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
