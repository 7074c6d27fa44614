import type { Metadata } from 'next';
import { requireSitePage } from '@/server/pageAccess';
import { listCourses } from '@/server/services/admin/courses';
import { AdminNav } from '@/components/admin/AdminNav';
import { CourseRow } from '@/components/admin/CourseRow';

export const metadata: Metadata = { title: 'Courses' };

/** Every course of the site (admin.courses), newest first; archiving makes one read-only. */
export default async function AdminCoursesPage() {
  const { db } = await requireSitePage('/admin/courses', 'admin.courses');
  const courses = await listCourses(db);
  return (
    <div className="space-y-4">
      <AdminNav />
      <h1 className="text-2xl font-semibold">Courses</h1>
      <p className="text-sm text-slate-600">
        An archived course stays readable to its members; nothing in it changes any more, and it takes no new students or work.
      </p>
      <table className="w-full text-left text-sm" aria-label="Courses">
        <thead>
          <tr className="border-b text-slate-600">
            <th className="py-1">Course</th>
            <th>Instructors</th>
            <th className="text-right">Students</th>
            <th className="text-right">TAs</th>
            <th className="text-right">Submissions</th>
            <th>Archive</th>
          </tr>
        </thead>
        <tbody>
          {courses.map((c) => (
            <CourseRow key={c.id} course={c} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
