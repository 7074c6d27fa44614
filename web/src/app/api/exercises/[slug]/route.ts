import { NextResponse } from 'next/server';
import { jsonError, withApiUser } from '@/server/api';
import { getDb } from '@/server/db';
import { getExerciseForStudent } from '@/server/services/exercises/getExerciseForStudent';

/** GET → statement and this student's variant (never the reference, answers or hidden cases). */
export function GET(_request: Request, context: { params: Promise<{ slug: string }> }) {
  return withApiUser(async (user) => {
    const { slug } = await context.params;
    const found = await getExerciseForStudent(await getDb(), user.id, slug);
    if (!found) return jsonError(404, 'unknown-exercise', `Unknown exercise '${slug}' in your course.`);
    const { variant, courseExercise } = found;
    return NextResponse.json({
      ...variant,
      dueAt: courseExercise.dueAt?.toISOString() ?? null,
      maxAttempts: courseExercise.maxAttempts,
      attemptsUsed: found.attemptsUsed,
    });
  });
}
