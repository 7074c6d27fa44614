'use client';

import { ScoringFields, VisibilityFields, type ExerciseSettingsInitial } from './ExerciseSettingsFields';
import { useExerciseSettingsForm } from './useExerciseSettingsForm';

/** A course's rules for one exercise: shown or hidden, points, attempts, decay, due date, what students see when. */
export function ExerciseSettingsForm({ slug, initial }: { slug: string; initial: ExerciseSettingsInitial }) {
  const { message, fieldErrors, pending, onSubmit } = useExerciseSettingsForm(slug);
  return (
    <form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2" aria-label="Exercise settings" noValidate>
      {message && (
        <p
          role={message.ok ? 'status' : 'alert'}
          className={`sm:col-span-2 rounded px-3 py-2 text-sm ${message.ok ? 'bg-green-50 text-green-900' : 'bg-red-50 text-red-800'}`}
        >
          {message.text}
        </p>
      )}
      <label className="flex items-center gap-2 sm:col-span-2">
        <input type="checkbox" name="published" defaultChecked={initial.published} /> Published to students
      </label>
      <ScoringFields initial={initial} fieldErrors={fieldErrors} />
      <VisibilityFields initial={initial} fieldErrors={fieldErrors} />
      <div className="sm:col-span-2">
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? 'Saving…' : 'Save settings'}
        </button>
      </div>
    </form>
  );
}
