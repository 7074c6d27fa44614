import { withCoursePermission } from '@/server/api';
import { submissionsCsv } from '@/server/services/dashboards/gradebookCsv';

/** GET → every submission of the course's students as CSV (raw export). Needs course.submissions.view. */
export function GET(request: Request) {
  return withCoursePermission(request, 'course.submissions.view', async (_user, course, { db }) => {
    return new Response(await submissionsCsv(db, course), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${course.slug}-submissions.csv"`,
        'Cache-Control': 'no-store',
      },
    });
  });
}
