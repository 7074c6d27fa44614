import type { Metadata } from 'next';
import Link from 'next/link';
import { requireCoursePage } from '@/server/pageAccess';
import { listCourseRegrades } from '@/server/services/regrades/regradePreview';
import { formatDateTime } from '@/lib/format';
import { InstructorNav } from '@/components/instructor/InstructorNav';

export const metadata: Metadata = { title: 'Regrades' };

/** Every regrade of the course, kept: who asked, when, what, and who applied it. */
export default async function RegradesPage() {
  const { course, db } = await requireCoursePage('/instructor/regrades', 'regrade.preview');
  const regrades = await listCourseRegrades(db, course);
  return (
    <div className="space-y-4">
      <InstructorNav course={course} />
      <h1 className="text-2xl font-semibold">Regrades</h1>
      {regrades.length === 0 ? (
        <p className="text-sm">No regrades yet: start one from an exercise’s page.</p>
      ) : (
        <table className="w-full text-sm" aria-label="Regrades">
          <thead>
            <tr className="text-left text-slate-600">
              <th>When</th>
              <th>Exercise</th>
              <th>Version</th>
              <th>Submissions</th>
              <th>Status</th>
              <th>Requested by</th>
              <th>Applied by</th>
            </tr>
          </thead>
          <tbody>
            {regrades.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link href={`/instructor/regrades/${r.id}`} className="text-indigo-700 hover:underline">
                    {formatDateTime(new Date(r.createdAt), course.timeZone)}
                  </Link>
                </td>
                <td>{r.slug}</td>
                <td>{r.versionNumber}</td>
                <td>{r.items}</td>
                <td>
                  {r.status}
                  {r.neverLower ? ' (never lower)' : ''}
                </td>
                <td>{r.requestedBy ?? '—'}</td>
                <td>{r.appliedBy ? `${r.appliedBy}, ${formatDateTime(new Date(r.appliedAt!), course.timeZone)}` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
