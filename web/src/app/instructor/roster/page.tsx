import type { Metadata } from 'next';
import { requireCoursePage } from '@/server/pageAccess';
import { standingIn } from '@/server/auth/courseAccess';
import { courseCan } from '@/server/auth/permissions';
import { getRoster } from '@/server/services/people/roster';
import { InstructorNav } from '@/components/instructor/InstructorNav';
import { RosterManager } from '@/components/people/RosterManager';
import { StudentViewButton } from '@/components/course/StudentViewButton';

export const metadata: Metadata = { title: 'Roster' };

/** The course's students (roster.manage): sections, drop and restore, reset links, CSV import, the test student. */
export default async function RosterPage() {
  const { course, db } = await requireCoursePage('/instructor/roster', 'roster.manage');
  const standing = standingIn(course);
  const roster = await getRoster(db, course);
  return (
    <div className="space-y-4">
      <InstructorNav course={course} />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">Roster</h1>
        {courseCan(standing, 'course.viewAsStudent') && <StudentViewButton />}
      </div>
      <p className="text-sm text-slate-600">
        A dropped student keeps their submissions; they are left out of the dashboards and the gradebook, and the course is closed to them
        until they are restored. Sections filter the dashboards.
      </p>
      <RosterManager roster={roster} canReset={courseCan(standing, 'student.password.reset')} timeZone={course.timeZone} />
    </div>
  );
}
