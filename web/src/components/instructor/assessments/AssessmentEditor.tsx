'use client';

import { useState, type FormEvent } from 'react';
import { jsonInit, useApiCall } from '@/components/people/useApiCall';
import { StatusLine } from '@/components/people/StatusLine';
import { AssessmentForm } from './AssessmentForm';
import { AssessmentJson } from './AssessmentJson';
import type { AssessmentFileView } from './assessmentFormState';
import type { CourseExerciseOption } from './SlotFields';

/**
 * An assessment's editor: the form (the default tab), or its JSON file (what export writes and import takes back). A
 * refusal names the field and changes nothing.
 */
export function AssessmentEditor({
  file,
  options,
  template,
}: {
  file: AssessmentFileView | null;
  options: CourseExerciseOption[];
  /** The JSON tab's text for a new assessment. */
  template?: string;
}) {
  const [tab, setTab] = useState<'form' | 'json'>('form');
  const name = file?.slug ?? 'new';
  const tabButton = (value: 'form' | 'json', label: string) => (
    <button
      type="button"
      role="tab"
      id={`tab-${name}-${value}`}
      aria-selected={tab === value}
      // Only the shown tab's panel exists.
      aria-controls={tab === value ? `panel-${name}-${value}` : undefined}
      className={`rounded-t border-b-2 px-3 py-1 text-sm ${tab === value ? 'border-slate-800 font-medium' : 'border-transparent'}`}
      onClick={() => setTab(value)}
    >
      {label}
    </button>
  );
  return (
    <div>
      <div role="tablist" aria-label={file ? `Edit ${file.slug}` : 'New assessment'} className="mb-2 flex gap-1 border-b border-slate-200">
        {tabButton('form', 'Form')}
        {tabButton('json', 'JSON file')}
      </div>
      <div role="tabpanel" id={`panel-${name}-${tab}`} aria-labelledby={`tab-${name}-${tab}`}>
        {tab === 'form' ? (
          <AssessmentForm file={file} options={options} />
        ) : (
          <AssessmentJson slug={file?.slug ?? null} initial={file ? JSON.stringify(file, null, 2) : (template ?? '{}')} />
        )}
      </div>
    </div>
  );
}

/** Overrides for one student, a list (one email per line) or a section: a later due date or more time, with the reason. */
export function OverridesForm({ slug, sections }: { slug: string; sections: string[] }) {
  const { status, pending, call } = useApiCall();
  const [target, setTarget] = useState<'students' | 'section'>('students');
  const [students, setStudents] = useState('');
  const [section, setSection] = useState(sections[0] ?? '');
  const [dueAt, setDueAt] = useState('');
  const [extraMinutes, setExtraMinutes] = useState('');
  const [timeFactor, setTimeFactor] = useState('');
  const [reason, setReason] = useState('');
  async function submit(event: FormEvent) {
    event.preventDefault();
    const body = {
      ...(target === 'students' ? { students: students.split(/[\s,;]+/).filter(Boolean) } : { section }),
      ...(dueAt ? { dueAt: new Date(dueAt).toISOString() } : {}),
      ...(extraMinutes ? { extraMinutes: Number(extraMinutes) } : {}),
      ...(timeFactor ? { timeFactor: Number(timeFactor) } : {}),
      reason,
    };
    await call(`/api/instructor/assessments/${slug}/overrides`, jsonInit('PUT', body), () => 'Overrides saved.');
  }
  const p = `override-${slug}`;
  return (
    <form onSubmit={submit} className="grid gap-2 text-sm sm:grid-cols-2" aria-label={`Overrides for ${slug}`}>
      <fieldset className="sm:col-span-2">
        <legend className="font-medium">For</legend>
        <label className="mr-4">
          <input type="radio" name={`${p}-target`} checked={target === 'students'} onChange={() => setTarget('students')} /> students
        </label>
        <label>
          <input
            type="radio"
            name={`${p}-target`}
            checked={target === 'section'}
            onChange={() => setTarget('section')}
            disabled={sections.length === 0}
          />{' '}
          a section
        </label>
      </fieldset>
      {target === 'students' ? (
        <label className="sm:col-span-2">
          Emails (one per line)
          <textarea
            className="block h-20 w-full rounded border border-slate-300 p-1"
            value={students}
            onChange={(e) => setStudents(e.target.value)}
          />
        </label>
      ) : (
        <label>
          Section
          <select className="block rounded border border-slate-300 p-1" value={section} onChange={(e) => setSection(e.target.value)}>
            {sections.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
      )}
      <label>
        Later due date (your browser&apos;s time)
        <input
          type="datetime-local"
          className="block rounded border border-slate-300 p-1"
          value={dueAt}
          onChange={(e) => setDueAt(e.target.value)}
        />
      </label>
      <label>
        Extra minutes
        <input
          type="number"
          min={1}
          className="block w-28 rounded border border-slate-300 p-1"
          value={extraMinutes}
          onChange={(e) => setExtraMinutes(e.target.value)}
        />
      </label>
      <label>
        Time factor (e.g. 1.5)
        <input
          type="number"
          min={1}
          step={0.05}
          className="block w-28 rounded border border-slate-300 p-1"
          value={timeFactor}
          onChange={(e) => setTimeFactor(e.target.value)}
        />
      </label>
      <label className="sm:col-span-2">
        Reason
        <input
          className="block w-full rounded border border-slate-300 p-1"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          required
        />
      </label>
      <div className="sm:col-span-2">
        <button type="submit" className="btn-secondary" disabled={pending}>
          Save overrides
        </button>
        <StatusLine status={status} />
      </div>
    </form>
  );
}

/** Release an exam's scores to its students, or hide them again. */
export function ReleaseScoresButton({ slug, released }: { slug: string; released: boolean }) {
  const { status, pending, call } = useApiCall();
  return (
    <div>
      <button
        type="button"
        className="btn-secondary"
        disabled={pending}
        onClick={() =>
          void call(`/api/instructor/assessments/${slug}/release`, jsonInit('POST', { released: !released }), () =>
            released ? 'Hidden.' : 'Released.',
          )
        }
      >
        {released ? 'Hide scores again' : 'Release scores'}
      </button>
      <StatusLine status={status} />
    </div>
  );
}
