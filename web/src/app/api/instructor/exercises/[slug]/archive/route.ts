import { withCoursePermission } from '@/server/api';
import { exportExerciseArchive } from '@/server/services/authoring/exerciseArchive';

/** GET → the exercise's folder as <topic>/<slug>/… in a .tar.gz (drops into exercises/content/). */
export function GET(request: Request, context: { params: Promise<{ slug: string }> }) {
  return withCoursePermission(request, 'exercise.author', async (_user, course, { db }) => {
    const { fileName, archive } = await exportExerciseArchive(db, course, (await context.params).slug);
    return new Response(new Uint8Array(archive), {
      headers: {
        'Content-Type': 'application/gzip',
        'Content-Disposition': `attachment; filename="${fileName}"`,
        'Cache-Control': 'no-store',
      },
    });
  });
}
