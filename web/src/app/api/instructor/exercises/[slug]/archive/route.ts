import { withInstructor } from '@/server/api';
import { exportExerciseArchive } from '@/server/services/authoring/exerciseArchive';

/** GET → the exercise's folder as <topic>/<slug>/… in a .tar.gz (drops into exercises/content/). Instructors only. */
export function GET(request: Request, context: { params: Promise<{ slug: string }> }) {
  return withInstructor(request, async (_user, course, { db }) => {
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
