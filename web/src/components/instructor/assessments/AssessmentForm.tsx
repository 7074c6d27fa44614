'use client';

import { useState, type FormEvent } from 'react';
import { jsonInit, useApiCall } from '@/components/people/useApiCall';
import { StatusLine } from '@/components/people/StatusLine';
import { bodyOf, emptySlot, formStateOf, moved, newKey, type AssessmentFileView, type FormState } from './assessmentFormState';
import { FieldError, SlotFields, type CourseExerciseOption } from './SlotFields';

/**
 * The assessment editor as a form: title, type, dates (on the browser's clock), late deadlines with their credit, an
 * exam's time limit, password and honor code, and the slots. Saving sends the whole assessment; the server's refusal
 * shows beside each field it names, and nothing is stored.
 */
export function AssessmentForm({
  file,
  options,
  onSaved,
}: {
  file: AssessmentFileView | null;
  options: CourseExerciseOption[];
  onSaved?: () => void;
}) {
  const { status, fields, pending, call } = useApiCall();
  const [state, setState] = useState<FormState>(() => formStateOf(file));
  const set = (patch: Partial<FormState>) => setState((s) => ({ ...s, ...patch }));
  const idPrefix = `assessment-${file?.slug ?? 'new'}`;
  const id = (name: string) => `${idPrefix}-${name}`;
  const exam = state.type === 'exam';

  async function save(event: FormEvent) {
    event.preventDefault();
    const body = bodyOf(state);
    const saved = file
      ? await call(`/api/instructor/assessments/${file.slug}`, jsonInit('PUT', body), () => 'Saved.')
      : await call('/api/instructor/assessments', jsonInit('POST', body), (v: { slug: string }) => `Created ${v.slug}.`);
    if (saved) {
      if (!file) setState(formStateOf(null));
      onSaved?.();
    }
  }

  const textField = (name: 'slug' | 'title', label: string, extra: { required?: boolean; pattern?: string } = {}) => (
    <div>
      <label htmlFor={id(name)} className="label">
        {label}
      </label>
      <input id={id(name)} className="input" value={state[name]} onChange={(e) => set({ [name]: e.target.value })} {...extra} />
      <FieldError message={fields[name]} />
    </div>
  );
  const dateField = (name: 'releaseAt' | 'dueAt', label: string) => (
    <div>
      <label htmlFor={id(name)} className="label">
        {label}
      </label>
      <input id={id(name)} type="datetime-local" className="input" value={state[name]} onChange={(e) => set({ [name]: e.target.value })} />
      <FieldError message={fields[name]} />
    </div>
  );

  return (
    <form onSubmit={save} className="space-y-3" aria-label={file ? `Edit ${file.slug}` : 'New assessment'} noValidate>
      <div className="grid gap-3 sm:grid-cols-3">
        {textField('title', 'Title', { required: true })}
        {textField('slug', 'Slug (in its address)', { required: true })}
        <div>
          <label htmlFor={id('type')} className="label">
            Type
          </label>
          <select id={id('type')} className="input" value={state.type} onChange={(e) => set({ type: e.target.value as FormState['type'] })}>
            <option value="homework">Homework</option>
            <option value="exam">Exam</option>
          </select>
          <FieldError message={fields.type} />
        </div>
        {dateField('releaseAt', 'Release date (your browser’s time; blank: at once)')}
        {dateField('dueAt', 'Due date (blank: none)')}
        <div className="flex items-end gap-4">
          <label className="text-sm">
            <input type="checkbox" checked={state.published} onChange={(e) => set({ published: e.target.checked })} /> Published
          </label>
        </div>
      </div>

      <fieldset className="space-y-2" aria-label="Late deadlines">
        <legend className="text-sm font-medium">Late deadlines (credit after the due date)</legend>
        <FieldError message={fields.lateDeadlines} />
        {state.lateDeadlines.map((d, i) => (
          <div key={d.key} className="flex flex-wrap items-end gap-2">
            <div>
              <label htmlFor={id(`late-${i}-until`)} className="label">
                Late deadline {i + 1}: until
              </label>
              <input
                id={id(`late-${i}-until`)}
                type="datetime-local"
                className="input"
                value={d.until}
                onChange={(e) =>
                  set({ lateDeadlines: state.lateDeadlines.map((x) => (x.key === d.key ? { ...x, until: e.target.value } : x)) })
                }
              />
              <FieldError message={fields[`lateDeadlines.${i}.until`]} />
            </div>
            <div>
              <label htmlFor={id(`late-${i}-credit`)} className="label">
                Credit (%)
              </label>
              <input
                id={id(`late-${i}-credit`)}
                className="input w-20"
                inputMode="decimal"
                value={d.creditPercent}
                onChange={(e) =>
                  set({
                    lateDeadlines: state.lateDeadlines.map((x) => (x.key === d.key ? { ...x, creditPercent: e.target.value } : x)),
                  })
                }
              />
              <FieldError message={fields[`lateDeadlines.${i}.credit`]} />
            </div>
            <button
              type="button"
              className="btn-secondary"
              aria-label={`Remove late deadline ${i + 1}`}
              onClick={() => set({ lateDeadlines: state.lateDeadlines.filter((x) => x.key !== d.key) })}
            >
              ✕
            </button>
          </div>
        ))}
        <div className="flex flex-wrap items-end gap-3">
          <button
            type="button"
            className="btn-secondary text-sm"
            onClick={() => set({ lateDeadlines: [...state.lateDeadlines, { key: newKey(), until: '', creditPercent: '50' }] })}
          >
            Add a late deadline
          </button>
          {state.lateDeadlines.length > 0 && (
            <div>
              <label htmlFor={id('afterLastDeadline')} className="label">
                After the last one
              </label>
              <select
                id={id('afterLastDeadline')}
                className="input"
                value={state.afterLastDeadline}
                onChange={(e) => set({ afterLastDeadline: e.target.value as FormState['afterLastDeadline'] })}
              >
                <option value="view-only">view only</option>
                <option value="zero">submissions earn 0</option>
              </select>
            </div>
          )}
        </div>
      </fieldset>

      {exam && (
        <fieldset className="grid gap-3 sm:grid-cols-3" aria-label="Exam">
          <legend className="text-sm font-medium">Exam</legend>
          <div>
            <label htmlFor={id('timeLimitMinutes')} className="label">
              Time limit (minutes; blank: until the due date)
            </label>
            <input
              id={id('timeLimitMinutes')}
              className="input w-28"
              inputMode="numeric"
              value={state.timeLimitMinutes}
              onChange={(e) => set({ timeLimitMinutes: e.target.value })}
            />
            <FieldError message={fields.timeLimitMinutes} />
          </div>
          <div>
            <label htmlFor={id('password')} className="label">
              {state.passwordSet ? 'New password (blank: keep it)' : 'Password (blank: none)'}
            </label>
            <input
              id={id('password')}
              className="input"
              type="password"
              autoComplete="new-password"
              value={state.password}
              disabled={state.removePassword}
              onChange={(e) => set({ password: e.target.value })}
            />
            {state.passwordSet && (
              <label className="block text-sm">
                <input type="checkbox" checked={state.removePassword} onChange={(e) => set({ removePassword: e.target.checked })} /> Remove
                the password
              </label>
            )}
            <FieldError message={fields.password} />
          </div>
          <label className="self-end text-sm">
            <input type="checkbox" checked={state.honorCode} onChange={(e) => set({ honorCode: e.target.checked })} /> Students tick an
            honor code to start
          </label>
        </fieldset>
      )}

      <div className="space-y-2">
        <h3 className="text-sm font-medium">Slots</h3>
        <FieldError message={fields.slots} />
        {state.slots.map((slot, i) => (
          <SlotFields
            key={slot.key}
            slot={slot}
            index={i}
            count={state.slots.length}
            options={options}
            fields={fields}
            idPrefix={idPrefix}
            onChange={(next) => set({ slots: state.slots.map((s) => (s.key === slot.key ? next : s)) })}
            onMove={(by) => set({ slots: moved(state.slots, i, by) })}
            onRemove={() => set({ slots: state.slots.filter((s) => s.key !== slot.key) })}
          />
        ))}
        <button type="button" className="btn-secondary text-sm" onClick={() => set({ slots: [...state.slots, emptySlot()] })}>
          Add a slot
        </button>
      </div>

      <button type="submit" className="btn-primary" disabled={pending}>
        {file ? 'Save' : 'Create'}
      </button>
      <StatusLine status={status} />
    </form>
  );
}
