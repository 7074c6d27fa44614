'use client';

import { newKey, type SlotState, type Visibility } from './assessmentFormState';

export function FieldError({ message, id }: { message: string | undefined; id?: string }) {
  return message ? (
    <p id={id} className="mt-1 text-sm text-red-700">
      {message}
    </p>
  ) : null;
}

const visibilities: [keyof Pick<SlotState, 'showScore' | 'showFeedback' | 'showAnswers'>, string][] = [
  ['showScore', 'Score shown'],
  ['showFeedback', 'Feedback shown'],
  ['showAnswers', 'Answers shown'],
];

const timings: [Visibility, string][] = [
  ['immediately', 'immediately'],
  ['after-due', 'after the due date'],
  ['never', 'never'],
];

export interface CourseExerciseOption {
  slug: string;
  title: string;
  published: boolean;
}

/**
 * One slot of the editor: its exercises (each with an optional group number: a pool draws a group's exercises
 * together), how many a pool gives each student, points, points per attempt, attempts, decay and what students see.
 */
export function SlotFields({
  slot,
  index,
  count,
  options,
  fields,
  onChange,
  onMove,
  onRemove,
  idPrefix,
}: {
  slot: SlotState;
  index: number;
  count: number;
  options: CourseExerciseOption[];
  fields: Partial<Record<string, string>>;
  onChange: (slot: SlotState) => void;
  onMove: (by: number) => void;
  onRemove: () => void;
  idPrefix: string;
}) {
  const n = index + 1;
  const path = `slots.${index}`;
  // Ids by position, not by the rows' keys: the server's HTML and the browser's first render must agree.
  const id = (name: string) => `${idPrefix}-slot-${index}-${name}`;
  const set = (patch: Partial<SlotState>) => onChange({ ...slot, ...patch });
  const setExercise = (i: number, patch: Partial<SlotState['exercises'][number]>) =>
    set({ exercises: slot.exercises.map((e, j) => (j === i ? { ...e, ...patch } : e)) });
  const number = (name: 'choose' | 'points' | 'maxAttempts' | 'decayPercent', label: string, hint?: string) => (
    <div>
      <label htmlFor={id(name)} className="label">
        {label}
      </label>
      <input
        id={id(name)}
        className="input w-28"
        inputMode="decimal"
        value={slot[name]}
        placeholder={hint}
        onChange={(e) => set({ [name]: e.target.value })}
      />
      <FieldError message={fields[`${path}.${name}`]} />
    </div>
  );
  return (
    <fieldset className="space-y-2 rounded border border-slate-200 p-3" aria-label={`Slot ${n}`}>
      <legend className="px-1 text-sm font-medium">Slot {n}</legend>
      <div className="flex gap-2 text-sm">
        <button type="button" className="btn-secondary" onClick={() => onMove(-1)} disabled={index === 0} aria-label={`Move slot ${n} up`}>
          ↑
        </button>
        <button
          type="button"
          className="btn-secondary"
          onClick={() => onMove(1)}
          disabled={index === count - 1}
          aria-label={`Move slot ${n} down`}
        >
          ↓
        </button>
        <button type="button" className="btn-secondary" onClick={onRemove} aria-label={`Remove slot ${n}`}>
          Remove slot
        </button>
      </div>
      <FieldError message={fields[path] ?? fields[`${path}.exercises`]} />
      <ul className="space-y-1">
        {slot.exercises.map((exercise, i) => (
          <li key={exercise.key} className="flex flex-wrap items-end gap-2">
            <div>
              <label htmlFor={id(`exercise-${i}`)} className="label">
                Slot {n} exercise {i + 1}
              </label>
              <select
                id={id(`exercise-${i}`)}
                className="input"
                value={exercise.slug}
                onChange={(e) => setExercise(i, { slug: e.target.value })}
              >
                <option value="">— choose an exercise —</option>
                {options.map((o) => (
                  <option key={o.slug} value={o.slug}>
                    {o.title} ({o.slug}){o.published ? '' : ' — unpublished'}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor={id(`group-${i}`)} className="label">
                Group
              </label>
              <input
                id={id(`group-${i}`)}
                className="input w-16"
                inputMode="numeric"
                value={exercise.group}
                placeholder="—"
                title="Exercises with the same group number are drawn together"
                onChange={(e) => setExercise(i, { group: e.target.value })}
              />
            </div>
            <button
              type="button"
              className="btn-secondary"
              onClick={() => set({ exercises: slot.exercises.filter((_, j) => j !== i) })}
              disabled={slot.exercises.length === 1}
              aria-label={`Remove slot ${n} exercise ${i + 1}`}
            >
              ✕
            </button>
            <FieldError message={fields[`${path}.exercises.${i}`] ?? fields[`${path}.groups.${i}`]} />
          </li>
        ))}
      </ul>
      <FieldError message={fields[`${path}.groups`]} />
      <button
        type="button"
        className="btn-secondary text-sm"
        onClick={() => set({ exercises: [...slot.exercises, { key: newKey(), slug: '', group: '' }] })}
      >
        Add an exercise to slot {n}
      </button>
      <div className="flex flex-wrap gap-3">
        {number('choose', 'Pool: choose', 'all')}
        {number('points', 'Points per question', "exercise's")}
        <div>
          <label htmlFor={id('pointsPerAttempt')} className="label">
            Points per attempt
          </label>
          <input
            id={id('pointsPerAttempt')}
            className="input w-36"
            value={slot.pointsPerAttempt}
            placeholder="e.g. 10, 7, 5"
            onChange={(e) => set({ pointsPerAttempt: e.target.value })}
          />
          <FieldError message={Object.entries(fields).find(([k]) => k.startsWith(`${path}.pointsPerAttempt`))?.[1]} />
        </div>
        {number('maxAttempts', 'Attempts', 'unlimited')}
        {number('decayPercent', 'Decay per attempt (%)', '0')}
      </div>
      <div className="flex flex-wrap gap-3">
        {visibilities.map(([name, label]) => (
          <div key={name}>
            <label htmlFor={id(name)} className="label">
              {label}
            </label>
            <select id={id(name)} className="input" value={slot[name]} onChange={(e) => set({ [name]: e.target.value as Visibility })}>
              {timings.map(([value, text]) => (
                <option key={value} value={value}>
                  {text}
                </option>
              ))}
            </select>
            <FieldError message={fields[`${path}.${name}`]} />
          </div>
        ))}
      </div>
    </fieldset>
  );
}
