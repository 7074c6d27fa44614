'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import type { ApiBody } from '@/components/apiResponse';
import type { RegradePreview } from '@/server/services/regrades/regradePreview';

/** Starts a regrade of the exercise against its current version: all of it, one version, or one student. */
export function RegradeForm({
  slug,
  versions,
  students,
}: {
  slug: string;
  versions: { number: number; submissions: number }[];
  students: { userId: string; email: string; name: string }[];
}) {
  const router = useRouter();
  const [kind, setKind] = useState<'exercise' | 'version' | 'student'>('exercise');
  const [message, setMessage] = useState('');
  const [pending, setPending] = useState(false);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const scope =
      kind === 'exercise'
        ? 'exercise'
        : kind === 'version'
          ? { version: Number(form.get('version')) }
          : { student: String(form.get('student') ?? '') };
    setPending(true);
    setMessage('');
    try {
      const response = await fetch('/api/instructor/regrade', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ exercise: slug, scope, wait: 0 }),
      });
      const json = (await response.json()) as ApiBody<RegradePreview>;
      if (!response.ok || !json.id) setMessage(json.error?.message ?? `HTTP ${response.status}`);
      else router.push(`/instructor/regrades/${json.id}`);
    } catch {
      setMessage('Could not reach the server.');
    } finally {
      setPending(false);
    }
  }
  return (
    <form onSubmit={onSubmit} className="space-y-2" aria-label="Regrade">
      {message && (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-800">
          {message}
        </p>
      )}
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="sr-only">Which submissions</legend>
        <label>
          <input type="radio" name="kind" checked={kind === 'exercise'} onChange={() => setKind('exercise')} /> All submissions
        </label>
        <label>
          <input type="radio" name="kind" checked={kind === 'version'} onChange={() => setKind('version')} /> One version
        </label>
        <label>
          <input type="radio" name="kind" checked={kind === 'student'} onChange={() => setKind('student')} /> One student
        </label>
      </fieldset>
      {kind === 'version' && (
        <select name="version" className="input" aria-label="Version">
          {versions.map((v) => (
            <option key={v.number} value={v.number}>
              version {v.number} ({v.submissions} submissions)
            </option>
          ))}
        </select>
      )}
      {kind === 'student' && (
        <select name="student" className="input" aria-label="Student">
          {students.map((s) => (
            <option key={s.userId} value={s.email}>
              {s.name} ({s.email})
            </option>
          ))}
        </select>
      )}
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? 'Starting…' : 'Regrade against the current version'}
      </button>
      <p className="text-xs text-slate-600">
        The grader runs them through the normal queue; nothing changes for students until you apply the preview.
      </p>
    </form>
  );
}
