'use client';

import { TfBackendSelect } from '@/components/TfBackendSelect';
import { useDraftAutosave } from '@/components/useDraftAutosave';
import { type CodeSetup, type ExerciseRules, type SubmissionSummary, submittedCode } from './types';
import { CodeEditorField } from './CodeEditorField';
import { usePreviewTarget } from './PreviewContext';
import { RunResults } from './RunResults';
import { SubmissionHistory } from './SubmissionHistory';
import { SubmitPanel } from './SubmitPanel';
import { useBrowserRun } from './useBrowserRun';
import { useCodeEditor } from './useCodeEditor';
import { useSubmission } from './useSubmission';

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
  const editor = useCodeEditor(setup.draft ?? setup.starter);
  const { code } = editor;
  // An instructor's preview stores nothing, drafts included (they would become the instructor's own draft).
  const preview = usePreviewTarget();
  const draft = useDraftAutosave({
    exercise,
    code,
    initialCode: setup.draft ?? setup.starter,
    initialStatus: setup.draft ? 'Your last draft was restored.' : '',
    enabled: !preview,
  });
  const { run, tfChoice, tfStatus, start: onRun } = useBrowserRun(setup, editor.compile);

  function restore(submission: SubmissionSummary) {
    const submitted = submittedCode(submission);
    if (submitted === undefined) return;
    editor.replaceCode(submitted);
    draft.noteRestored();
  }

  return (
    <div className="space-y-8">
      <div className="card space-y-4">
        <CodeEditorField
          plain={editor.plain}
          onPlainChange={editor.setPlain}
          code={code}
          onChange={editor.setCode}
          editorKey={editor.editorKey}
          typeDeclarations={setup.typeDeclarations}
          signatures={setup.signatures}
          usesTf={setup.usesTf === true}
          onReady={editor.onReady}
        />
        <p className="text-xs text-slate-600" role="status" aria-live="polite" data-testid="draft-status">
          {draft.status}
        </p>
        {setup.usesTf && (
          <TfBackendSelect
            label="TensorFlow.js backend for Run"
            className="flex flex-wrap items-center gap-2 text-sm"
            value={tfChoice}
            probe={tfStatus?.probe}
            disabled={run.phase === 'running'}
            note={(t) => (t.ok ? ` (${t.ms.toFixed(1)} ms)` : ' (unavailable)')}
          />
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
        <RunResults run={run} tfStatus={tfStatus} caseCount={setup.visibleCases.length} graderTolerance={setup.tolerance} />
      )}
      <SubmissionHistory history={history} onRestore={restore} />
    </div>
  );
}
