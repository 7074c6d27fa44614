import type { VisibilityTiming } from '@deltalab/db';
import type { SettingsFieldErrors } from './useExerciseSettingsForm';

export interface ExerciseSettingsInitial {
  published: boolean;
  points: number | null;
  defaultPoints: number;
  maxAttempts: number | null;
  decayPercent: number;
  dueAt: string | null;
  showScore: VisibilityTiming;
  showFeedback: VisibilityTiming;
  showAnswers: VisibilityTiming;
}

const timings: [VisibilityTiming, string][] = [
  ['immediately', 'immediately'],
  ['after-due', 'after the due date'],
  ['never', 'never'],
];

const visibilities = [
  ['showScore', 'Students see their score'],
  ['showFeedback', 'Students see the feedback'],
  ['showAnswers', 'Students see the correct answers'],
] as const;

function FieldError({ message }: { message: string | undefined }) {
  return message ? <p className="mt-1 text-sm text-red-700">{message}</p> : null;
}

/** A datetime-local value: the instant on the browser's clock. */
function localDateTime(iso: string | null): string {
  return iso ? new Date(new Date(iso).getTime() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 16) : '';
}

/** Points (blank: the exercise's own), attempts (blank: unlimited), the decay per attempt and the due date. */
export function ScoringFields({ initial, fieldErrors }: { initial: ExerciseSettingsInitial; fieldErrors: SettingsFieldErrors }) {
  return (
    <>
      <div>
        <label htmlFor="points" className="label">
          Points
        </label>
        <input
          id="points"
          name="points"
          className="input"
          inputMode="decimal"
          defaultValue={initial.points ?? ''}
          placeholder={`${initial.defaultPoints} (the exercise's)`}
        />
        <FieldError message={fieldErrors.points} />
      </div>
      <div>
        <label htmlFor="maxAttempts" className="label">
          Attempts
        </label>
        <input
          id="maxAttempts"
          name="maxAttempts"
          className="input"
          inputMode="numeric"
          defaultValue={initial.maxAttempts ?? ''}
          placeholder="unlimited"
        />
        <FieldError message={fieldErrors.maxAttempts} />
      </div>
      <div>
        <label htmlFor="decayPercent" className="label">
          Points lost per attempt after the first (%)
        </label>
        <input id="decayPercent" name="decayPercent" className="input" inputMode="decimal" defaultValue={initial.decayPercent} />
        <FieldError message={fieldErrors.decayPercent} />
      </div>
      <div>
        <label htmlFor="dueAt" className="label">
          Due date (your local time)
        </label>
        <input id="dueAt" name="dueAt" type="datetime-local" className="input" defaultValue={localDateTime(initial.dueAt)} />
        <FieldError message={fieldErrors.dueAt} />
      </div>
    </>
  );
}

/** When students see their score, the feedback and the correct answers. */
export function VisibilityFields({ initial, fieldErrors }: { initial: ExerciseSettingsInitial; fieldErrors: SettingsFieldErrors }) {
  return visibilities.map(([name, label]) => (
    <div key={name}>
      <label htmlFor={name} className="label">
        {label}
      </label>
      <select id={name} name={name} className="input" defaultValue={initial[name]}>
        {timings.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
      <FieldError message={fieldErrors[name]} />
    </div>
  ));
}
