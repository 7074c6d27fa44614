import Link from 'next/link';
import { standingIn } from '@/server/auth/courseAccess';
import { courseCan, type CoursePermission } from '@/server/auth/permissions';
import type { CurrentCourse } from '@/server/services/courses/getCurrentCourse';

const links: [href: string, label: string, permission: CoursePermission][] = [
  ['/instructor', 'Course', 'exercise.preview'],
  ['/instructor/dashboard', 'Dashboard', 'course.dashboard.view'],
  ['/instructor/assessments', 'Assessments', 'course.dashboard.view'],
  ['/instructor/roster', 'Roster', 'roster.manage'],
  ['/instructor/staff', 'Staff', 'staff.manage'],
  ['/instructor/authoring/new', 'New exercise', 'exercise.author'],
  ['/instructor/regrades', 'Regrades', 'regrade.preview'],
  ['/instructor/lms', 'LMS', 'lti.grades.send'],
];

const downloads: [href: string, label: string][] = [
  ['/api/instructor/gradebook.csv', 'Gradebook CSV'],
  ['/api/instructor/gradebook.csv?format=canvas', 'Canvas CSV'],
  ['/api/instructor/submissions.csv', 'Submissions CSV'],
];

/** The staff pages' own navigation, with the course they are about: the pages this member may open. */
export function InstructorNav({ course }: { course: CurrentCourse }) {
  const standing = standingIn(course);
  return (
    <nav aria-label="Instructor" className="flex flex-wrap items-center gap-4 border-b border-slate-200 pb-2 text-sm">
      <span className="font-medium">
        {course.title}
        {course.archived ? ' (archived)' : ''}
      </span>
      {links
        .filter(([, , permission]) => courseCan(standing, permission))
        .map(([href, label]) => (
          <Link key={href} href={href} className="text-indigo-700 hover:underline">
            {label}
          </Link>
        ))}
      {courseCan(standing, 'course.submissions.view') &&
        downloads.map(([href, label]) => (
          <a key={href} href={href} className="text-indigo-700 hover:underline" download>
            {label}
          </a>
        ))}
    </nav>
  );
}
