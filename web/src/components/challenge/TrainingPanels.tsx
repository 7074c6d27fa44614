import type { TfStatus } from '@/editor/runner/protocol';
import type { EpochPoint } from '@/editor/runner/trainProtocol';
import type { ChallengeView } from '@/server/services/challenges/getChallenge';
import { BoundaryCanvas } from './BoundaryCanvas';
import { percent } from './percent';
import { TrainingCharts } from './TrainingCharts';
import { LIVE_GRID, type Trained, type TrainingPhase } from './useTrainingWorker';

/** The backend training runs on, why, and what the probe timed. */
export function TrainingBackend({ status }: { status: TfStatus }) {
  return (
    <p className="text-sm" data-testid="train-backend">
      Training on <strong>{status.backend}</strong> ({status.reason}).{' '}
      <span className="text-xs text-slate-600">
        Probe:{' '}
        {status.probe
          .map((t) =>
            t.ok
              ? `${t.backend} ${t.ms.toFixed(1)} ms${t.software ? ` (software: ${t.software})` : ''}${t.precision === 16 ? ' (float16)' : ''}`
              : `${t.backend} unavailable`,
          )
          .join(' · ')}
      </span>
    </p>
  );
}

/** Epoch, loss and accuracy so far, the progress bar, the decision boundary over the training points, and the curves. */
export function TrainingProgress({
  phase,
  curve,
  boundary,
  bounds,
  trainingSet,
}: {
  phase: TrainingPhase;
  curve: EpochPoint[];
  boundary: { classes: Uint8Array; confidence: Float32Array } | null;
  bounds: ChallengeView['bounds'];
  trainingSet: { x: number[][]; y: number[] };
}) {
  const lastPoint = curve[curve.length - 1];
  const total = phase.kind === 'training' ? phase.total : 0;
  return (
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
          bounds={bounds}
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
  );
}

/** The trained model's figures, and Submit (while entries are left today and the board is not revealed). */
export function TrainedSummary({
  trained,
  sending,
  entriesLeft,
  challenge,
  onSubmit,
}: {
  trained: Trained;
  sending: boolean;
  entriesLeft: number;
  challenge: ChallengeView;
  onSubmit: () => void;
}) {
  return (
    <div className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm" data-testid="trained-summary">
      <p>
        Trained {trained.epochs} epochs{trained.stopped ? ' (stopped)' : ''}{' '}
        {trained.engine.kind === 'compiled'
          ? `with the compiled training step (${trained.engine.note})`
          : `on ${trained.backend}, op by op (${trained.engine.note})`}{' '}
        in {(trained.ms / 1000).toFixed(3)} s (seed {trained.seed}): training accuracy <strong>{percent(trained.accuracy)}</strong>.
        {trained.reached99 ? ` 99 % reached at epoch ${trained.reached99.epoch}, after ${(trained.reached99.ms / 1000).toFixed(3)} s.` : ''}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className="btn btn-primary" onClick={onSubmit} disabled={sending || entriesLeft === 0 || challenge.revealed}>
          {sending ? 'Submitting…' : 'Submit this model'}
        </button>
        <span data-testid="entries-left">
          {entriesLeft} of {challenge.limits.entriesPerDay} entries left today
        </span>
      </div>
    </div>
  );
}
