import type { RegradeKind } from './useRegradeForm';

/** Which submissions to regrade: all, one version's (picked from a list) or one student's (likewise). */
export function RegradeScopeFields({
  kind,
  onKind,
  versions,
  students,
}: {
  kind: RegradeKind;
  onKind: (kind: RegradeKind) => void;
  versions: { number: number; submissions: number }[];
  students: { userId: string; email: string; name: string }[];
}) {
  return (
    <>
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="sr-only">Which submissions</legend>
        <label>
          <input type="radio" name="kind" checked={kind === 'exercise'} onChange={() => onKind('exercise')} /> All submissions
        </label>
        <label>
          <input type="radio" name="kind" checked={kind === 'version'} onChange={() => onKind('version')} /> One version
        </label>
        <label>
          <input type="radio" name="kind" checked={kind === 'student'} onChange={() => onKind('student')} /> One student
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
    </>
  );
}
