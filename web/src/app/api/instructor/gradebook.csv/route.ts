import { withCoursePermission } from '@/server/api';
import { gradebookCsv } from '@/server/services/dashboards/gradebookCsv';
import { studentFilterOf } from '@/server/services/dashboards/studentFilter';

/**
 * GET → the gradebook CSV of the current course (or ?course=<slug>): email, name, one column per exercise slug in
 * course order (points earned), total; ?format=canvas for Canvas's import layout, ?section= for one section's students. Needs course.submissions.view.
 */
export function GET(request: Request) {
  return withCoursePermission(request, 'course.submissions.view', async (_user, course, { db }) => {
    const params = new URL(request.url).searchParams;
    const format = params.get('format') === 'canvas' ? 'canvas' : 'plain';
    const csv = await gradebookCsv(db, course, { format, ...studentFilterOf(params) });
    return new Response(csv, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${course.slug}-gradebook${format === 'canvas' ? '-canvas' : ''}.csv"`,
        'Cache-Control': 'no-store',
      },
    });
  });
}
