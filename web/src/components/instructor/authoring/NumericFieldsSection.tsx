import type { AuthoringField, Tolerance } from '@/lib/authoring/formState';
import type { AuthoringDraft } from './useAuthoringDraft';

const toleranceModes: Tolerance['mode'][] = ['sigfigs', 'decimals', 'relative', 'absolute'];
/** The one number each kind of tolerance holds. */
const toleranceValueKey = { sigfigs: 'digits', decimals: 'places', relative: 'max', absolute: 'max' } as const;

function toleranceValue(t: Tolerance): number {
  return t.mode === 'sigfigs' ? t.digits : t.mode === 'decimals' ? t.places : t.max;
}

function withToleranceValue(t: Tolerance, value: number): Tolerance {
  return t.mode === 'sigfigs' ? { ...t, digits: value } : t.mode === 'decimals' ? { ...t, places: value } : { ...t, max: value };
}

/** A new mode's starting tolerance: 3 significant figures, 2 decimal places, or 1 % (relative or absolute 0.01). */
function defaultTolerance(mode: Tolerance['mode']): Tolerance {
  return mode === 'sigfigs' ? { mode, digits: 3 } : mode === 'decimals' ? { mode, places: 2 } : { mode, max: 0.01 };
}

/** Numeric: the answer fields (name, label, tolerance), and the credit for an answer carried from a wrong upstream value. */
export function NumericFieldsSection({ draft: { form, set } }: { draft: AuthoringDraft }) {
  const updateField = (index: number, change: Partial<AuthoringField>) =>
    set(
      'fields',
      form.fields.map((f, i) => (i === index ? { ...f, ...change } : f)),
    );
  return (
    <section className="card space-y-2" aria-label="Answer fields">
      <h2 className="font-medium">Answer fields and tolerances</h2>
      {form.fields.map((field, index) => (
        <FieldRow
          key={index}
          field={field}
          index={index}
          onChange={(change) => updateField(index, change)}
          onRemove={
            form.fields.length === 1
              ? null
              : () =>
                  set(
                    'fields',
                    form.fields.filter((_, i) => i !== index),
                  )
          }
        />
      ))}
      <button
        type="button"
        className="text-sm text-indigo-700"
        onClick={() =>
          set('fields', [
            ...form.fields,
            { name: `field${form.fields.length + 1}`, label: 'label', tolerance: { mode: 'sigfigs', digits: 3 } },
          ])
        }
      >
        + Add a field
      </button>
      <label className="block text-sm">
        Credit for an answer carried forward from a wrong upstream value{' '}
        <input
          className="input ml-1 w-20"
          inputMode="decimal"
          value={form.carriedCredit}
          onChange={(e) => set('carriedCredit', Number(e.target.value))}
        />
      </label>
    </section>
  );
}

function FieldRow({
  field,
  index,
  onChange,
  onRemove,
}: {
  field: AuthoringField;
  index: number;
  onChange: (change: Partial<AuthoringField>) => void;
  /** null: the last field, which cannot be removed. */
  onRemove: (() => void) | null;
}) {
  const key = toleranceValueKey[field.tolerance.mode];
  return (
    <div className="grid gap-2 sm:grid-cols-6" data-testid={`field-${index}`}>
      <input
        className="input"
        aria-label={`Field ${index + 1} name`}
        value={field.name}
        onChange={(e) => onChange({ name: e.target.value })}
      />
      <input
        className="input sm:col-span-2"
        aria-label={`Field ${index + 1} label`}
        value={field.label}
        onChange={(e) => onChange({ label: e.target.value })}
      />
      <select
        className="input"
        aria-label={`Field ${index + 1} tolerance`}
        value={field.tolerance.mode}
        onChange={(e) => {
          const mode = toleranceModes.find((m) => m === e.target.value);
          if (mode) onChange({ tolerance: defaultTolerance(mode) });
        }}
      >
        <option value="sigfigs">significant figures</option>
        <option value="decimals">decimal places</option>
        <option value="relative">relative error</option>
        <option value="absolute">absolute error</option>
      </select>
      <input
        className="input"
        aria-label={`Field ${index + 1} ${key}`}
        inputMode="decimal"
        value={toleranceValue(field.tolerance)}
        onChange={(e) => onChange({ tolerance: withToleranceValue(field.tolerance, Number(e.target.value)) })}
      />
      <button type="button" className="text-sm text-red-700" onClick={() => onRemove?.()} disabled={onRemove === null}>
        Remove
      </button>
    </div>
  );
}
