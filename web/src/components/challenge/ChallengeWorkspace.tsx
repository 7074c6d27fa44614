'use client';

import dynamic from 'next/dynamic';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CodeEditorHandle } from '@/editor/MonacoCodeEditor';
import { chooseBackend, useBackendChoice } from '@/editor/runner/useBackendChoice';
import { tfBackends, type ProbeTiming, type TfBackendChoice, type TfStatus } from '@/editor/runner/protocol';
import type { EpochPoint, UploadModel } from '@/editor/runner/trainProtocol';
import type { TrainingHandle } from '@/editor/runner/trainInBrowser';
import type { ChallengeView } from '@/server/services/challenges/getChallenge';
import type { EntryView } from '@/server/services/challenges/entries';
import { BoundaryCanvas, gridPoints } from './BoundaryCanvas';
import { Leaderboard } from './Leaderboard';
import { formActivations, formToCode, starterForm, type ModelFormState } from './modelForm';
import { TrainingCharts } from './TrainingCharts';

const MonacoCodeEditor = dynamic(() => import('@/editor/MonacoCodeEditor'), {
  ssr: false,
  loading: () => <p className="h-80 p-3 text-sm text-slate-600">Loading the editor…</p>,
});

/** Side of the grid the boundary is drawn on while training. */
const LIVE_GRID = 40;

type Trained = {
  model: UploadModel;
  epochs: number;
  accuracy: number;
  ms: number;
  seed: number;
  backend: string;
  code: string;
  curve: EpochPoint[];
  reached99: { epoch: number; ms: number } | null;
  stopped: boolean;
};

type Phase =
  { kind: 'idle' } | { kind: 'starting' } | { kind: 'training'; total: number } | { kind: 'trained' } | { kind: 'failed'; message: string };

function percent(v: number | null | undefined, digits = 1): string {
  return v === null || v === undefined ? '—' : `${(v * 100).toFixed(digits)} %`;
}

async function api<T>(url: string, init?: RequestInit): Promise<{ ok: true; value: T } | { ok: false; message: string }> {
  try {
    const response = await fetch(url, { ...init, headers: { 'Content-Type': 'application/json', ...init?.headers } });
    const body = (await response.json().catch(() => ({}))) as T & { error?: { message?: string } };
    if (!response.ok) return { ok: false, message: body.error?.message ?? `HTTP ${response.status}` };
    return { ok: true, value: body };
  } catch {
    return { ok: false, message: 'The server is unreachable.' };
  }
}

export function ChallengeWorkspace({
  challenge,
  initialEntries,
  draft,
}: {
  challenge: ChallengeView;
  initialEntries: EntryView[];
  draft: string | null;
}) {
  const slug = challenge.slug;
  const [mode, setMode] = useState<'code' | 'form'>('code');
  const [code, setCode] = useState(draft ?? challenge.starter);
  const [editorKey, setEditorKey] = useState(0);
  const [form, setForm] = useState<ModelFormState>(() => starterForm(challenge.classes));
  const choice = useBackendChoice();
  const [tfStatus, setTfStatus] = useState<TfStatus | null>(null);
  const probe = useRef<ProbeTiming[] | undefined>(undefined);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [curve, setCurve] = useState<EpochPoint[]>([]);
  const [boundary, setBoundary] = useState<{ classes: Uint8Array; confidence: Float32Array } | null>(null);
  const [trained, setTrained] = useState<Trained | null>(null);
  const [entries, setEntries] = useState<EntryView[]>(initialEntries);
  const [entriesLeft, setEntriesLeft] = useState(challenge.entriesLeftToday);
  const [submitState, setSubmitState] = useState<{ kind: 'idle' } | { kind: 'sending' } | { kind: 'error'; message: string }>({
    kind: 'idle',
  });
  const [boardVersion, setBoardVersion] = useState(0);
  const handle = useRef<CodeEditorHandle | null>(null);
  const training = useRef<TrainingHandle | null>(null);
  const grid = useMemo(() => gridPoints(challenge.bounds, LIVE_GRID), [challenge.bounds]);
  const trainingSet = useMemo(() => ({ x: challenge.train.x, y: challenge.train.y }), [challenge.train]);

  useEffect(() => () => training.current?.cancel(), []);

  // Autosave the code as the exercise's draft, as code exercises do.
  const saved = useRef(code);
  useEffect(() => {
    if (code === saved.current) return;
    const timer = setTimeout(() => {
      void fetch('/api/drafts', {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ exercise: slug, code }),
      }).then((r) => {
        if (r.ok) saved.current = code;
      });
    }, 1000);
    return () => clearTimeout(timer);
  }, [code, slug]);

  function openFormInEditor() {
    setCode(formToCode(form, challenge.classes));
    setEditorKey((k) => k + 1);
    setMode('code');
  }

  const source = mode === 'form' ? formToCode(form, challenge.classes) : code;

  async function train() {
    setPhase({ kind: 'starting' });
    setCurve([]);
    setBoundary(null);
    setTrained(null);
    setSubmitState({ kind: 'idle' });
    let js = source;
    if (mode === 'code' && handle.current) {
      const compiled = await handle.current.compile();
      if ('error' in compiled) {
        setPhase({ kind: 'failed', message: compiled.error });
        return;
      }
      js = compiled.js;
    } else {
      // The form's code has one type annotation (Training); strip it rather than start a compiler.
      js = js.replace(/: tf\.LayersModel/g, '').replace(/: Training/g, '');
    }
    const seed = crypto.getRandomValues(new Uint32Array(1))[0]!;
    const { trainInBrowser } = await import('@/editor/runner/trainInBrowser');
    const points: EpochPoint[] = [];
    let total = 0;
    let backendUsed = 'cpu';
    const current = trainInBrowser(
      {
        js,
        data: { ...trainingSet, classes: challenge.classes },
        seed,
        maxEpochs: challenge.limits.maxEpochs,
        tf: { choice, ...(probe.current ? { probe: probe.current } : {}) },
        grid,
      },
      {
        onTf: (status) => {
          probe.current = status.probe;
          backendUsed = status.backend;
          setTfStatus(status);
          total = epochsOf(source) ?? 0;
          setPhase({ kind: 'training', total });
        },
        onEpochs: (more) => {
          points.push(...more);
          setCurve([...points]);
        },
        onBoundary: (b) => setBoundary({ classes: b.classes, confidence: b.confidence }),
      },
    );
    training.current = current;
    const outcome = await current.done;
    training.current = null;
    if (outcome.type === 'error') {
      setPhase({ kind: 'failed', message: outcome.message });
      return;
    }
    setTrained({
      model: outcome.model,
      epochs: outcome.epochs,
      accuracy: outcome.accuracy,
      ms: outcome.ms,
      seed,
      backend: backendUsed,
      code: source,
      curve: points,
      reached99: outcome.reached99,
      stopped: outcome.stopped,
    });
    setPhase({ kind: 'trained' });
  }

  const refreshEntries = useCallback(async () => {
    const result = await api<{ entries: EntryView[] }>(`/api/challenges/${slug}/entries`);
    if (result.ok) setEntries(result.value.entries);
  }, [slug]);

  async function submit() {
    if (!trained) return;
    setSubmitState({ kind: 'sending' });
    const provenance = {
      code: trained.code,
      backend: trained.backend,
      epochs: trained.epochs,
      seed: trained.seed,
      trainingMs: Math.round(trained.ms),
      trainAccuracy: trained.accuracy,
      curve: trained.curve.map((p) => ({ epoch: p.epoch, loss: Number.isFinite(p.loss) ? p.loss : null, accuracy: p.accuracy })),
    };
    const result = await api<{ id: string }>(`/api/challenges/${slug}/entries`, {
      method: 'POST',
      body: JSON.stringify({ model: trained.model, provenance }),
    });
    if (!result.ok) {
      setSubmitState({ kind: 'error', message: result.message });
      return;
    }
    setSubmitState({ kind: 'idle' });
    setEntriesLeft((n) => Math.max(0, n - 1));
    await refreshEntries();
    // Follow the entry until it is scored (a few hundred ms in a grading child).
    for (let i = 0; i < 120; i++) {
      const entry = await api<EntryView>(`/api/challenges/${slug}/entries/${result.value.id}`);
      if (entry.ok && (entry.value.status === 'graded' || entry.value.status === 'failed')) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    await refreshEntries();
    setBoardVersion((v) => v + 1);
  }

  async function toggleFinal(entry: EntryView) {
    const result = await api<EntryView>(`/api/challenges/${slug}/entries/${entry.id}/final`, {
      method: 'PUT',
      body: JSON.stringify({ final: !entry.final }),
    });
    if (!result.ok) setSubmitState({ kind: 'error', message: result.message });
    await refreshEntries();
    setBoardVersion((v) => v + 1);
  }

  const running = phase.kind === 'starting' || phase.kind === 'training';
  const lastPoint = curve[curve.length - 1];
  const total = phase.kind === 'training' ? phase.total : 0;

  return (
    <div className="space-y-8">
      <section className="card space-y-4" aria-labelledby="model-heading">
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
                onClick={() => setMode(m)}
                type="button"
              >
                {m === 'code' ? 'Code' : 'Form'}
              </button>
            ))}
          </div>
        </div>
        {mode === 'code' ? (
          <div className="overflow-hidden rounded-md border border-slate-300">
            <MonacoCodeEditor
              key={editorKey}
              value={code}
              onChange={setCode}
              typeDeclarations={challenge.typeDeclarations}
              usesTf
              label="Code editor"
              onReady={(h) => (handle.current = h)}
            />
          </div>
        ) : (
          <ModelFormView
            form={form}
            setForm={setForm}
            classes={challenge.classes}
            maxEpochs={challenge.limits.maxEpochs}
            onOpen={openFormInEditor}
          />
        )}
        <p className="text-xs text-slate-600">
          Allowed layers: {challenge.allowedLayers.join(', ')} · at most {challenge.limits.maxParams.toLocaleString('en')} parameters and{' '}
          {challenge.limits.maxEpochs} epochs · y is{' '}
          {challenge.classes === 2 ? 'one column of 0/1 (one-hot for two softmax outputs)' : 'one-hot rows'}.
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <label className="flex items-center gap-2 text-sm">
            TensorFlow.js backend
            <select
              className="rounded-md border border-slate-300 bg-white px-2 py-1"
              value={choice}
              onChange={(e) => chooseBackend(e.currentTarget.value as TfBackendChoice)}
              disabled={running}
            >
              <option value="auto">Fastest (probe)</option>
              {tfBackends.map((b) => {
                const timing = tfStatus?.probe.find((t) => t.backend === b);
                const note = !timing
                  ? ''
                  : !timing.ok
                    ? ' (unavailable)'
                    : timing.software
                      ? ' (software GPU)'
                      : timing.precision === 16
                        ? ' (float16)'
                        : ` (${timing.ms.toFixed(1)} ms)`;
                return (
                  <option key={b} value={b} disabled={timing?.ok === false}>
                    {b}
                    {note}
                  </option>
                );
              })}
            </select>
          </label>
          {running ? (
            <button type="button" className="btn btn-secondary" onClick={() => training.current?.stop()}>
              Stop
            </button>
          ) : (
            <button type="button" className="btn btn-primary" onClick={() => void train()}>
              Train
            </button>
          )}
        </div>
        {tfStatus && (
          <p className="text-sm" data-testid="train-backend">
            Training on <strong>{tfStatus.backend}</strong> ({tfStatus.reason}).{' '}
            <span className="text-xs text-slate-600">
              Probe:{' '}
              {tfStatus.probe
                .map((t) =>
                  t.ok
                    ? `${t.backend} ${t.ms.toFixed(1)} ms${t.software ? ` (software: ${t.software})` : ''}${t.precision === 16 ? ' (float16)' : ''}`
                    : `${t.backend} unavailable`,
                )
                .join(' · ')}
            </span>
          </p>
        )}
        {phase.kind === 'failed' && (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="train-error">
            {phase.message}
          </p>
        )}
        {(running || curve.length > 0) && (
          <div className="space-y-4">
            <div>
              <div className="flex justify-between text-sm" data-testid="train-progress">
                <span>
                  Epoch {lastPoint?.epoch ?? 0}
                  {total ? ` of ${total}` : ''}
                  {lastPoint
                    ? ` · loss ${Number.isFinite(lastPoint.loss) ? lastPoint.loss.toFixed(4) : 'NaN'} · training accuracy ${percent(lastPoint.accuracy)}`
                    : ''}
                </span>
                {phase.kind === 'starting' && <span>Starting TensorFlow.js…</span>}
              </div>
              <progress className="w-full" max={total || 1} value={lastPoint?.epoch ?? 0} aria-label="Training progress" />
            </div>
            <div className="flex flex-wrap items-start gap-6">
              <BoundaryCanvas
                bounds={challenge.bounds}
                gridSize={LIVE_GRID}
                classes={boundary?.classes ?? null}
                confidence={boundary?.confidence ?? null}
                points={trainingSet}
                label="Decision boundary over the training points"
              />
              <div className="min-w-[280px] flex-1">
                <TrainingCharts points={curve} />
              </div>
            </div>
          </div>
        )}
        {trained && (
          <div className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm" data-testid="trained-summary">
            <p>
              Trained {trained.epochs} epochs{trained.stopped ? ' (stopped)' : ''} on {trained.backend} in {(trained.ms / 1000).toFixed(2)}{' '}
              s: training accuracy <strong>{percent(trained.accuracy)}</strong>.
              {trained.reached99
                ? ` 99 % reached at epoch ${trained.reached99.epoch}, after ${(trained.reached99.ms / 1000).toFixed(2)} s.`
                : ''}
            </p>
            <div className="flex flex-wrap items-center gap-3">
              <button
                type="button"
                className="btn btn-primary"
                onClick={() => void submit()}
                disabled={submitState.kind === 'sending' || entriesLeft === 0 || challenge.revealed}
              >
                {submitState.kind === 'sending' ? 'Submitting…' : 'Submit this model'}
              </button>
              <span data-testid="entries-left">
                {entriesLeft} of {challenge.limits.entriesPerDay} entries left today
              </span>
            </div>
          </div>
        )}
        {submitState.kind === 'error' && (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="submit-error">
            {submitState.message}
          </p>
        )}
      </section>

      <EntriesTable entries={entries} maxFinal={challenge.limits.maxFinal} revealed={challenge.revealed} onToggleFinal={toggleFinal} />
      <Leaderboard challenge={challenge} version={boardVersion} />
    </div>
  );
}

/** The epochs the code asks for (the progress bar's end), read from `training = { epochs: N … }`. */
function epochsOf(source: string): number | null {
  const match = /epochs\s*:\s*(\d+)/.exec(source.slice(source.indexOf('training')));
  return match ? Number(match[1]) : null;
}

function ModelFormView({
  form,
  setForm,
  classes,
  maxEpochs,
  onOpen,
}: {
  form: ModelFormState;
  setForm: (f: ModelFormState) => void;
  classes: number;
  maxEpochs: number;
  onOpen: () => void;
}) {
  const update = (patch: Partial<ModelFormState>) => setForm({ ...form, ...patch });
  const number = (value: string, fallback: number) => (Number.isFinite(Number(value)) && value.trim() !== '' ? Number(value) : fallback);
  return (
    <div className="space-y-3 text-sm" data-testid="model-form">
      <fieldset className="space-y-2">
        <legend className="font-medium">
          Hidden layers (the output layer follows: {classes === 2 ? '1 unit, sigmoid' : `${classes} units, softmax`})
        </legend>
        {form.layers.map((layer, i) => (
          <div key={i} className="flex flex-wrap items-center gap-2">
            <label className="flex items-center gap-1">
              Layer {i + 1} units
              <input
                type="number"
                min={1}
                max={512}
                className="w-20 rounded border border-slate-300 px-1"
                value={layer.units}
                onChange={(e) =>
                  update({ layers: form.layers.map((l, k) => (k === i ? { ...l, units: number(e.currentTarget.value, l.units) } : l)) })
                }
              />
            </label>
            <label className="flex items-center gap-1">
              activation
              <select
                className="rounded border border-slate-300 px-1"
                value={layer.activation}
                onChange={(e) => update({ layers: form.layers.map((l, k) => (k === i ? { ...l, activation: e.currentTarget.value } : l)) })}
              >
                {formActivations.map((a) => (
                  <option key={a}>{a}</option>
                ))}
              </select>
            </label>
            <button
              type="button"
              className="text-red-700 underline"
              onClick={() => update({ layers: form.layers.filter((_, k) => k !== i) })}
            >
              remove
            </button>
          </div>
        ))}
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => update({ layers: [...form.layers, { units: 8, activation: 'tanh' }] })}
        >
          Add a layer
        </button>
      </fieldset>
      <div className="flex flex-wrap gap-4">
        <label className="flex items-center gap-1">
          Learning rate
          <input
            type="number"
            step="0.001"
            min={0}
            className="w-24 rounded border border-slate-300 px-1"
            value={form.learningRate}
            onChange={(e) => update({ learningRate: number(e.currentTarget.value, form.learningRate) })}
          />
        </label>
        <label className="flex items-center gap-1">
          Batch size
          <input
            type="number"
            min={1}
            className="w-20 rounded border border-slate-300 px-1"
            value={form.batchSize}
            onChange={(e) => update({ batchSize: number(e.currentTarget.value, form.batchSize) })}
          />
        </label>
        <label className="flex items-center gap-1">
          L2
          <input
            type="number"
            step="0.0001"
            min={0}
            className="w-24 rounded border border-slate-300 px-1"
            value={form.l2}
            onChange={(e) => update({ l2: number(e.currentTarget.value, form.l2) })}
          />
        </label>
        <label className="flex items-center gap-1">
          Epochs
          <input
            type="number"
            min={1}
            max={maxEpochs}
            className="w-20 rounded border border-slate-300 px-1"
            value={form.epochs}
            onChange={(e) => update({ epochs: number(e.currentTarget.value, form.epochs) })}
          />
        </label>
      </div>
      <details>
        <summary className="cursor-pointer text-slate-700">The code this form writes</summary>
        <pre className="mt-2 overflow-auto rounded bg-slate-100 p-3 text-xs" data-testid="form-code">
          {formToCode(form, classes)}
        </pre>
      </details>
      <button type="button" className="btn btn-secondary" onClick={onOpen}>
        Open as code in the editor
      </button>
    </div>
  );
}

function EntriesTable({
  entries,
  maxFinal,
  revealed,
  onToggleFinal,
}: {
  entries: EntryView[];
  maxFinal: number;
  revealed: boolean;
  onToggleFinal: (e: EntryView) => void;
}) {
  return (
    <section className="card space-y-2" aria-labelledby="entries-heading">
      <h2 id="entries-heading" className="text-lg font-semibold">
        Your entries
      </h2>
      <p className="text-xs text-slate-600">
        Mark up to {maxFinal} entries as final: after the deadline the best private score among them counts (none marked: your best public
        entry). The server computes the training accuracy again, since backends differ.
      </p>
      {entries.length === 0 ? (
        <p className="text-sm text-slate-600">No entries yet.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm [&_td]:pr-3 [&_th]:pr-3" data-testid="entries">
            <thead>
              <tr className="border-b">
                <th className="py-1">When</th>
                <th>Status</th>
                <th>Public score</th>
                {revealed && <th>Private score</th>}
                <th>Training accuracy (server / browser)</th>
                <th>Parameters</th>
                <th>Backend</th>
                <th>Verify</th>
                <th>Final</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} className="border-b border-slate-100">
                  <td className="py-1">{new Date(e.createdAt).toLocaleString()}</td>
                  <td>
                    {e.status === 'graded' ? 'scored' : e.status}
                    {e.message && e.status !== 'graded' ? `: ${e.message}` : ''}
                    {e.status === 'graded' && e.message ? ` (${e.message})` : ''}
                  </td>
                  <td>{percent(e.publicScore)}</td>
                  {revealed && <td>{percent((e as { privateScore?: number | null }).privateScore)}</td>}
                  <td>
                    {percent(e.trainScore)} / {percent(e.browserTrainScore)}
                  </td>
                  <td>{e.params}</td>
                  <td>{e.backend}</td>
                  <td>{e.verify ? `${e.verify.status}${e.verify.score !== null ? ` (${percent(e.verify.score)})` : ''}` : '—'}</td>
                  <td>
                    <label className="flex items-center gap-1">
                      <input
                        type="checkbox"
                        checked={e.final}
                        disabled={revealed || e.status !== 'graded'}
                        onChange={() => onToggleFinal(e)}
                        aria-label={`Final: entry of ${new Date(e.createdAt).toLocaleString()}`}
                      />
                    </label>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
