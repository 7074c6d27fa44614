'use client';

import { useState, type FormEvent } from 'react';
import { jsonInit, useApiCall } from '@/components/people/useApiCall';
import { StatusLine } from '@/components/people/StatusLine';

/**
 * An assessment as its JSON (the file an export writes): slots of exercise slugs, `choose` for a pool, points and points
 * per attempt, dates with their zone, late deadlines with their credit, an exam's time limit, honor code and password.
 * Saving sends it whole; a refusal names the field and changes nothing.
 */
export function AssessmentEditor({ slug, initial }: { slug: string | null; initial: string }) {
  const { status, pending, call } = useApiCall();
  const [text, setText] = useState(initial);
  const [parseError, setParseError] = useState<string | null>(null);
  async function save(event: FormEvent) {
    event.preventDefault();
    let body: unknown;
    try {
      body = JSON.parse(text);
      setParseError(null);
    } catch (error) {
      setParseError(`Not valid JSON: ${(error as Error).message}`);
      return;
    }
    if (slug) await call(`/api/instructor/assessments/${slug}`, jsonInit('PUT', body), () => 'Saved.');
    else await call('/api/instructor/assessments', jsonInit('POST', body), (v: { slug: string }) => `Created ${v.slug}.`);
  }
  const id = `assessment-json-${slug ?? 'new'}`;
  return (
    <form onSubmit={save} className="space-y-2">
      <label htmlFor={id} className="block text-sm font-medium">
        {slug ? `Edit ${slug} (JSON)` : 'New assessment (JSON)'}
      </label>
      <textarea
        id={id}
        className="block h-64 w-full rounded border border-slate-300 p-2 font-mono text-xs"
        value={text}
        onChange={(e) => setText(e.target.value)}
        spellCheck={false}
      />
      <button type="submit" className="btn-primary" disabled={pending}>
        {slug ? 'Save' : 'Create'}
      </button>
      {parseError && (
        <p role="alert" className="text-sm text-red-700">
          {parseError}
        </p>
      )}
      <StatusLine status={status} />
    </form>
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
