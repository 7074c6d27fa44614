import type { Metadata } from 'next';
import { requireCoursePage } from '@/server/pageAccess';
import { standingIn } from '@/server/auth/courseAccess';
import { courseCan } from '@/server/auth/permissions';
import { courseLtiStatus } from '@/server/lti/courseLti';
import { InstructorNav } from '@/components/instructor/InstructorNav';
import { LmsActions } from '@/components/lti/LmsActions';
import { ColumnLinks } from '@/components/lti/ColumnLinks';
import { columnChoices } from '@/server/lti/lineItemLinks';

export const metadata: Metadata = { title: 'LMS' };

/** The course's LMS links (LTI): grades sent and why some were not, "send grades now", "sync roster now". */
export default async function LmsPage() {
  const { course, db } = await requireCoursePage('/instructor/lms', 'lti.grades.send');
  const status = await courseLtiStatus(db, course.id);
  const canSync = courseCan(standingIn(course), 'lti.roster.sync');
  // Asks each linked LMS for its columns: only for those who may link them (instructors).
  const columns = courseCan(standingIn(course), 'lti.link') && status.contexts.length > 0 ? await columnChoices(db, course.id) : null;
  return (
    <div className="space-y-4">
      <InstructorNav course={course} />
      <h1 className="text-2xl font-semibold">LMS</h1>
      {status.contexts.length === 0 ? (
        <p className="text-sm text-slate-600">
          No LMS course is linked to {course.title}. Launch Deltalab from your LMS course as its instructor to link it.
        </p>
      ) : (
        <ul className="list-disc pl-6 text-sm">
          {status.contexts.map((c) => (
            <li key={c.id}>
              {c.title} on {c.platform}: {c.lineItems} gradebook column{c.lineItems === 1 ? '' : 's'} linked
              {c.roster ? `; roster last synced ${c.rosterSyncedAt ? c.rosterSyncedAt.toISOString() : 'never'}` : '; no roster service'}
            </li>
          ))}
        </ul>
      )}
      <LmsActions canSync={canSync} />
      {columns && columns.contexts.length > 0 && (
        <ColumnLinks
          contexts={columns.contexts}
          resources={columns.resources.map(({ kind, id, title, maxPoints }) => ({ kind, id, title, maxPoints }))}
        />
      )}
      <table className="w-full text-left text-sm" aria-label="Grades sent to the LMS">
        <thead>
          <tr className="border-b text-slate-600">
            <th className="py-1">Student</th>
            <th>Column</th>
            <th className="text-right">Score</th>
            <th>State</th>
            <th>Last problem</th>
          </tr>
        </thead>
        <tbody>
          {status.scores.map((s) => (
            <tr key={`${s.lineItemId}-${s.userId}`} className="border-b border-slate-100 align-top">
              <td className="py-1">
                {s.name} <span className="text-xs text-slate-600">{s.email}</span>
              </td>
              <td>{s.label}</td>
              <td className="text-right">
                {s.scoreGiven === null ? 'no score (hidden or not graded)' : `${s.scoreGiven} / ${s.scoreMaximum}`}
                <div className="text-xs text-slate-600">
                  {s.activityProgress}, {s.gradingProgress}
                </div>
              </td>
              <td>{s.status === 'sent' ? `sent ${s.sentAt?.toISOString() ?? ''}` : s.status}</td>
              <td className="text-xs">{s.lastError ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
