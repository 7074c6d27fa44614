'use client';

import { RegradeScopeFields } from './RegradeScopeFields';
import { useRegradeForm } from './useRegradeForm';

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
  const { kind, setKind, message, pending, onSubmit } = useRegradeForm(slug);
  return (
    <form onSubmit={onSubmit} className="space-y-2" aria-label="Regrade">
      {message && (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-800">
          {message}
        </p>
      )}
      <RegradeScopeFields kind={kind} onKind={setKind} versions={versions} students={students} />
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? 'Starting…' : 'Regrade against the current version'}
      </button>
      <p className="text-xs text-slate-600">
        The grader runs them through the normal queue; nothing changes for students until you apply the preview.
      </p>
    </form>
  );
}
