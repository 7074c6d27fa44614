import { parseStoredChoice } from '@/editor/runner/backendChoice';
import { tfBackends, type ProbeTiming, type TfBackendChoice } from '@/editor/runner/protocol';
import { chooseBackend } from '@/editor/runner/useBackendChoice';

/**
 * The TensorFlow.js backend picker Run and training share (the choice is remembered for every page). Each backend
 * the last probe timed says what it found (`note`); one it found unavailable cannot be picked.
 */
export function TfBackendSelect({
  label,
  className,
  value,
  probe,
  disabled,
  note,
}: {
  label: string;
  className: string;
  value: TfBackendChoice;
  probe: ProbeTiming[] | undefined;
  disabled: boolean;
  note: (timing: ProbeTiming) => string;
}) {
  return (
    <label className={className}>
      {label}
      <select
        className="rounded-md border border-slate-300 bg-white px-2 py-1"
        value={value}
        onChange={(e) => chooseBackend(parseStoredChoice(e.currentTarget.value))}
        disabled={disabled}
      >
        <option value="auto">Fastest (probe)</option>
        {tfBackends.map((b) => {
          const timing = probe?.find((t) => t.backend === b);
          return (
            <option key={b} value={b} disabled={timing?.ok === false}>
              {b}
              {timing ? note(timing) : ''}
            </option>
          );
        })}
      </select>
    </label>
  );
}
