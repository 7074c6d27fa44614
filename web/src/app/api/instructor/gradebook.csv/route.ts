import { withInstructor } from '@/server/api';
import { gradebookCsv } from '@/server/services/dashboards/gradebookCsv';

/**
 * GET → the gradebook CSV of the current course (or ?course=<slug>): email, name, one column per exercise slug in
 * course order (points earned), total; ?format=canvas for Canvas's import layout. Instructors of the course only.
 */
export function GET(request: Request) {
  return withInstructor(request, async (_user, course, { db }) => {
    const format = new URL(request.url).searchParams.get('format') === 'canvas' ? 'canvas' : 'plain';
    const csv = await gradebookCsv(db, course, { format });
    return new Response(csv, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${course.slug}-gradebook${format === 'canvas' ? '-canvas' : ''}.csv"`,
        'Cache-Control': 'no-store',
      },
    });
  });
}
