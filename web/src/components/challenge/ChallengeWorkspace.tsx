'use client';

import { TfBackendSelect } from '@/components/TfBackendSelect';
import type { ProbeTiming } from '@/editor/runner/protocol';
import type { EntryView } from '@/server/services/challenges/entries';
import type { ChallengeView } from '@/server/services/challenges/getChallenge';
import { EntriesTable } from './EntriesTable';
import { Leaderboard } from './Leaderboard';
import { ModelSourceEditor } from './ModelSourceEditor';
import { CompiledStepToggle, SeedField } from './TrainingOptions';
import { TrainedSummary, TrainingBackend, TrainingProgress } from './TrainingPanels';
import { useChallengeEntries } from './useChallengeEntries';
import { useModelSource } from './useModelSource';
import { useTrainingWorker } from './useTrainingWorker';

/** What the backend picker says of each backend the probe timed: training never picks a software or float16 GPU. */
const backendNote = (t: ProbeTiming) =>
  !t.ok ? ' (unavailable)' : t.software ? ' (software GPU)' : t.precision === 16 ? ' (float16)' : ` (${t.ms.toFixed(1)} ms)`;

export function ChallengeWorkspace({
  challenge,
  initialEntries,
  draft,
}: {
  challenge: ChallengeView;
  initialEntries: EntryView[];
  draft: string | null;
}) {
  const model = useModelSource(challenge, draft);
  const training = useTrainingWorker(challenge);
  const board = useChallengeEntries(challenge, initialEntries);
  const { phase, trained, running } = training;

  function train() {
    board.resetSubmit();
    const { source, compile } = model.toTrain();
    void training.train(source, compile);
  }

  return (
    <div className="space-y-8">
      <section className="card space-y-4" aria-labelledby="model-heading">
        <ModelSourceEditor model={model} challenge={challenge} />
        <AllowedModels challenge={challenge} />
        <div className="flex flex-wrap items-center gap-3">
          <TfBackendSelect
            label="TensorFlow.js backend"
            className="flex items-center gap-2 text-sm"
            value={training.choice}
            probe={training.tfStatus?.probe}
            disabled={running}
            note={backendNote}
          />
          <CompiledStepToggle engine={training.engine} onChange={training.setEngine} disabled={running} />
          <SeedField value={training.seedText} onChange={training.setSeedText} disabled={running} />
          {running ? (
            <button type="button" className="btn btn-secondary" onClick={training.stop}>
              Stop
            </button>
          ) : (
            <button type="button" className="btn btn-primary" onClick={train}>
              Train
            </button>
          )}
        </div>
        {training.tfStatus && <TrainingBackend status={training.tfStatus} />}
        {phase.kind === 'failed' && <Alert testId="train-error" message={phase.message} />}
        {(running || training.curve.length > 0) && (
          <TrainingProgress
            phase={phase}
            curve={training.curve}
            boundary={training.boundary}
            bounds={challenge.bounds}
            trainingSet={training.trainingSet}
          />
        )}
        {trained && (
          <TrainedSummary
            trained={trained}
            sending={board.submitState.kind === 'sending'}
            entriesLeft={board.entriesLeft}
            challenge={challenge}
            onSubmit={() => void board.submit(trained)}
          />
        )}
        {board.submitState.kind === 'error' && <Alert testId="submit-error" message={board.submitState.message} />}
      </section>

      <EntriesTable
        entries={board.entries}
        maxFinal={challenge.limits.maxFinal}
        revealed={challenge.revealed}
        onToggleFinal={board.toggleFinal}
      />
      <Leaderboard challenge={challenge} version={board.boardVersion} />
    </div>
  );
}

function AllowedModels({ challenge }: { challenge: ChallengeView }) {
  return (
    <p className="text-xs text-slate-600">
      Allowed layers: {challenge.allowedLayers.join(', ')} · at most {challenge.limits.maxParams.toLocaleString('en')} parameters and{' '}
      {challenge.limits.maxEpochs} epochs · y is{' '}
      {challenge.classes === 2 ? 'one column of 0/1 (one-hot for two softmax outputs)' : 'one-hot rows'}.
    </p>
  );
}

function Alert({ testId, message }: { testId: string; message: string }) {
  return (
    <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" data-testid={testId}>
      {message}
    </p>
  );
}
