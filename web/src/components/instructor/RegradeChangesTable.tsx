import type { RegradePreview } from '@/server/services/regrades/regradePreview';

const score = (value: number | null) => (value === null ? '—' : `${Math.round(value * 1000) / 10} %`);

/** The submissions whose grade a regrade changes: who, which attempt, before, after, by how much and why. */
export function RegradeChangesTable({ preview }: { preview: RegradePreview }) {
  return (
    <div className="overflow-auto rounded border border-slate-200 bg-white">
      <table className="w-full text-sm" aria-label="Changes">
        <thead>
          <tr className="text-left text-slate-600">
            <th className="p-2">Student</th>
            <th className="p-2">Attempt</th>
            <th className="p-2">Before</th>
            <th className="p-2">After</th>
            <th className="p-2">Change</th>
            <th className="p-2">Why</th>
          </tr>
        </thead>
        <tbody>
          {preview.changes.length === 0 ? (
            <tr>
              <td colSpan={6} className="p-2 text-slate-600">
                {preview.status === 'grading' ? 'Waiting for grades…' : 'No grade changes.'}
              </td>
            </tr>
          ) : (
            preview.changes.map((c) => (
              <tr key={c.itemId} data-testid={`change-${c.student.email}`}>
                <td className="p-2">
                  {c.student.name} <span className="text-slate-500">{c.student.email}</span>
                </td>
                <td className="p-2">{c.attempt}</td>
                <td className="p-2">{score(c.oldScore)}</td>
                <td className="p-2">{score(c.newScore)}</td>
                <td className={`p-2 ${(c.delta ?? 0) > 0 ? 'text-green-800' : (c.delta ?? 0) < 0 ? 'text-red-800' : ''}`}>
                  {c.delta === null ? '—' : `${c.delta > 0 ? '+' : ''}${Math.round(c.delta * 1000) / 10} %`}
                </td>
                <td className="p-2 font-mono text-xs">{c.why}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
