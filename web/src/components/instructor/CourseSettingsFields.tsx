import type { LatePolicy } from '@deltalab/db';
import type { CourseSettingsField } from './useCourseSettingsForm';

type FieldErrors = Partial<Record<CourseSettingsField, string>>;

const policies: { value: LatePolicy; label: string }[] = [
  { value: 'accept', label: 'Graded as usual, marked late' },
  { value: 'penalize', label: 'Graded with a penalty, marked late' },
  { value: 'refuse', label: 'Not accepted after the due date' },
];

/** The ids a field's input is described by: its hint, and its error when it has one. */
function describedBy(field: CourseSettingsField, fieldErrors: FieldErrors, hint?: boolean): string | undefined {
  return [hint ? `${field}-hint` : '', fieldErrors[field] ? `${field}-error` : ''].filter(Boolean).join(' ') || undefined;
}

function FieldError({ field, fieldErrors }: { field: CourseSettingsField; fieldErrors: FieldErrors }) {
  return fieldErrors[field] ? (
    <p id={`${field}-error`} className="mt-1 text-sm text-red-700">
      {fieldErrors[field]}
    </p>
  ) : null;
}

/** The course's IANA time zone, with every zone this runtime knows offered as a suggestion. */
export function TimeZoneField({ initial, timeZones, fieldErrors }: { initial: string; timeZones: string[]; fieldErrors: FieldErrors }) {
  return (
    <div>
      <label htmlFor="timeZone" className="label">
        Time zone
      </label>
      <input
        id="timeZone"
        name="timeZone"
        list="time-zones"
        defaultValue={initial}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={fieldErrors.timeZone ? true : undefined}
        aria-describedby={describedBy('timeZone', fieldErrors, true)}
        className={`input max-w-sm ${fieldErrors.timeZone ? 'border-red-500' : ''}`}
      />
      <datalist id="time-zones">
        {timeZones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <p id="timeZone-hint" className="mt-1 text-xs text-slate-600">
        Due dates are shown on this clock, with its name. An IANA name such as UTC or Europe/Berlin.
      </p>
      <FieldError field="timeZone" fieldErrors={fieldErrors} />
    </div>
  );
}

export function LatePolicyFieldset({
  policy,
  onChange,
  fieldErrors,
}: {
  policy: LatePolicy;
  onChange: (policy: LatePolicy) => void;
  fieldErrors: FieldErrors;
}) {
  return (
    <fieldset aria-describedby={describedBy('latePolicy', fieldErrors)}>
      <legend className="label">Late submissions</legend>
      <div className="space-y-1">
        {policies.map((p) => (
          <label key={p.value} className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="latePolicy"
              value={p.value}
              checked={policy === p.value}
              onChange={() => onChange(p.value)}
              className="size-4"
            />
            {p.label}
          </label>
        ))}
      </div>
      <FieldError field="latePolicy" fieldErrors={fieldErrors} />
    </fieldset>
  );
}

/** The share of the score a late submission loses, in percent (20 when none was set). */
export function LatePenaltyField({ initialPenalty, fieldErrors }: { initialPenalty: number; fieldErrors: FieldErrors }) {
  return (
    <div>
      <label htmlFor="latePenaltyPercent" className="label">
        Late penalty (% of the score)
      </label>
      <input
        id="latePenaltyPercent"
        name="latePenaltyPercent"
        type="number"
        min={0}
        max={100}
        step={1}
        inputMode="numeric"
        defaultValue={Math.round(initialPenalty * 100) || 20}
        aria-invalid={fieldErrors.latePenaltyPercent ? true : undefined}
        aria-describedby={describedBy('latePenaltyPercent', fieldErrors)}
        className={`input w-32 ${fieldErrors.latePenaltyPercent ? 'border-red-500' : ''}`}
      />
      <FieldError field="latePenaltyPercent" fieldErrors={fieldErrors} />
    </div>
  );
}
