import { NextResponse } from 'next/server';
import { jsonError, withApiUser } from '@/server/api';
import { getDb } from '@/server/db';
import { standingIn } from '@/server/auth/courseAccess';
import { courseCan } from '@/server/auth/permissions';
import { getCurrentCourse } from '@/server/services/courses/getCurrentCourse';
import { exerciseRules } from '@/server/services/exercises/exerciseRules';
import { getExerciseForStudent } from '@/server/services/exercises/getExerciseForStudent';
import { getExercisePreview } from '@/server/services/exercises/getExercisePreview';
import { previewTargetSchema } from '@/server/services/exercises/previewVariant';

/**
 * GET → statement and this student's variant (never the reference, answers or hidden cases). Staff of the course
 * (exercise.preview) may ask for any variant with ?variant=canonical|<seed> or ?student=<user id>; a student always gets their own.
 */
export function GET(request: Request, context: { params: Promise<{ slug: string }> }) {
  return withApiUser(async (user) => {
    const { slug } = await context.params;
    const db = await getDb();
    const query = new URL(request.url).searchParams;
    const asked = query.has('variant') || query.has('student');
    if (asked && courseCan(standingIn(await getCurrentCourse(db, user.id)), 'exercise.preview')) {
      const target = previewTargetSchema.safeParse({
        variant: query.get('variant') ?? undefined,
        student: query.get('student') ?? undefined,
      });
      if (!target.success) return jsonError(400, 'invalid-request', target.error.issues[0]?.message ?? 'unreadable variant');
      const preview = await getExercisePreview(db, user.id, slug, target.data);
      if (!preview.ok) return jsonError(404, preview.reason, preview.message);
      const { variant, courseExercise } = preview.value;
      return NextResponse.json({ ...variant, ...exerciseRules(preview.value.preview.course, courseExercise, 0) });
    }
    const found = await getExerciseForStudent(db, user.id, slug);
    if (!found) return jsonError(404, 'unknown-exercise', `Unknown exercise '${slug}' in your course.`);
    return NextResponse.json({ ...found.variant, ...exerciseRules(found.course, found.courseExercise, found.attemptsUsed) });
  });
}
