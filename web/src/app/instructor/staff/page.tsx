import type { Metadata } from 'next';
import { requireCoursePage } from '@/server/pageAccess';
import type { CourseRole } from '@deltalab/db';
import { coursePermissions, permissionsOf } from '@/server/auth/permissions';
import { listStaff } from '@/server/services/people/staff';
import { InstructorNav } from '@/components/instructor/InstructorNav';
import { StaffManager } from '@/components/people/StaffManager';

export const metadata: Metadata = { title: 'Staff' };

/** What teaching assistants may do beyond students, and what only instructors may, in the permission module's words. */
function rights(assistants: boolean): string {
  const beyond = (role: CourseRole, than: CourseRole) => permissionsOf(role).filter((p) => !permissionsOf(than).includes(p));
  const list = (assistants ? beyond('teaching-assistant', 'student') : beyond('instructor', 'teaching-assistant')).map(
    (p) => coursePermissions[p].does,
  );
  return list.length > 1 ? `${list.slice(0, -1).join(', ')} and ${list.at(-1)}` : (list[0] ?? 'nothing more');
}

/** Who teaches the course (staff.manage): instructors (everything) and teaching assistants (no settings, authoring or staff). */
export default async function StaffPage() {
  const { user, course, db } = await requireCoursePage('/instructor/staff', 'staff.manage');
  const staff = await listStaff(db, course);
  return (
    <div className="space-y-4">
      <InstructorNav course={course} />
      <h1 className="text-2xl font-semibold">Staff</h1>
      <p className="text-sm text-slate-600">
        Instructors can do everything in the course. Teaching assistants can {rights(true)}; only instructors can {rights(false)}. A course
        always keeps at least one instructor.
      </p>
      <StaffManager staff={staff} selfId={user.id} />
    </div>
  );
}
