import dynamic from 'next/dynamic';
import type { ChallengeView } from '@/server/services/challenges/getChallenge';
import { ModelFormView } from './ModelFormView';
import type { ModelMode, ModelSource } from './useModelSource';

const MonacoCodeEditor = dynamic(() => import('@/editor/MonacoCodeEditor'), {
  ssr: false,
  loading: () => <p className="h-80 p-3 text-sm text-slate-600">Loading the editor…</p>,
});

/** "Your model": the tabs between code and the form, and the one chosen. */
export function ModelSourceEditor({ model, challenge }: { model: ModelSource; challenge: ChallengeView }) {
  return (
    <>
      <ModelHeading mode={model.mode} onMode={model.setMode} />
      {model.mode === 'code' ? (
        <div className="overflow-hidden rounded-md border border-slate-300">
          <MonacoCodeEditor
            key={model.editorKey}
            value={model.code}
            onChange={model.setCode}
            typeDeclarations={challenge.typeDeclarations}
            usesTf
            label="Code editor"
            onReady={model.onReady}
          />
        </div>
      ) : (
        <ModelFormView
          form={model.form}
          setForm={model.setForm}
          classes={challenge.classes}
          maxEpochs={challenge.limits.maxEpochs}
          onOpen={model.openFormInEditor}
        />
      )}
    </>
  );
}

function ModelHeading({ mode, onMode }: { mode: ModelMode; onMode: (mode: ModelMode) => void }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-2">
      <h2 id="model-heading" className="text-lg font-semibold">
        Your model
      </h2>
      <div role="tablist" aria-label="How to describe the model" className="flex gap-1 text-sm">
        {(['code', 'form'] as const).map((m) => (
          <button
            key={m}
            role="tab"
            aria-selected={mode === m}
            className={`btn ${mode === m ? 'btn-primary' : 'btn-secondary'}`}
            onClick={() => onMode(m)}
            type="button"
          >
            {m === 'code' ? 'Code' : 'Form'}
          </button>
        ))}
      </div>
    </div>
  );
}
