import type { TrainingEngine } from '@/editor/runner/trainProtocol';

/**
 * Compiled training step (the default) or tfjs op by op: the step trains a Dense stack with Adam or SGD in one fused
 * loop per epoch with tfjs's arithmetic; other models train with model.fit whatever this says.
 */
/** The seed of the next run: empty draws a new one; a number repeats a run exactly (the entry records it). */
export function SeedField({ value, onChange, disabled }: { value: string; onChange: (text: string) => void; disabled: boolean }) {
  return (
    <label className="flex items-center gap-2 text-sm">
      Seed
      <input
        className="input w-32"
        inputMode="numeric"
        placeholder="new each run"
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
      />
    </label>
  );
}

export function CompiledStepToggle({
  engine,
  onChange,
  disabled,
}: {
  engine: TrainingEngine;
  onChange: (engine: TrainingEngine) => void;
  disabled: boolean;
}) {
  return (
    <label
      className="flex items-center gap-2 text-sm"
      title="Dense layers with Adam or SGD train in one fused loop an epoch, computing what model.fit computes; other models train with model.fit."
    >
      <input
        type="checkbox"
        checked={engine === 'compiled'}
        disabled={disabled}
        onChange={(event) => onChange(event.target.checked ? 'compiled' : 'tfjs')}
      />
      Compiled training step
    </label>
  );
}
