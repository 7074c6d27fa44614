'use client';

import { formatDate } from '@/lib/format';
import type { AdminCourseView } from '@/server/services/admin/courses';
import { StatusLine } from '@/components/people/StatusLine';
import { jsonInit, useApiCall } from '@/components/people/useApiCall';

/** One course on the courses page, with its archive switch. */
export function CourseRow({ course }: { course: AdminCourseView }) {
  const { status, pending, call } = useApiCall();
  return (
    <tr className={`border-b border-slate-100 align-top ${course.archived ? 'text-slate-500' : ''}`}>
      <td className="py-2">
        {course.title}
        {course.archived ? ' (archived)' : ''}
        <div className="text-xs">
          {course.slug} · join code {course.joinCode} · created {formatDate(course.createdAt)}
        </div>
      </td>
      <td>{course.instructors.join(', ') || 'none'}</td>
      <td className="text-right">{course.students}</td>
      <td className="text-right">{course.teachingAssistants}</td>
      <td className="text-right">{course.submissions}</td>
      <td>
        <button
          type="button"
          className="btn btn-secondary py-1"
          disabled={pending}
          onClick={() =>
            void call(`/api/admin/courses/${course.slug}`, jsonInit('PUT', { archived: !course.archived }), () =>
              course.archived ? `${course.title} is open again.` : `${course.title} is archived: read-only from now on.`,
            )
          }
        >
          {course.archived ? 'Unarchive' : 'Archive'} {course.title}
        </button>
        <StatusLine status={status} />
      </td>
    </tr>
  );
}
