import { NextResponse } from 'next/server';
import { withCoursePermission } from '@/server/api';
import { publishExerciseDraft } from '@/server/services/authoring/authorExercise';

/** POST → publishes the validated draft as the exercise's next version (409 when its files did not pass Validate). */
export function POST(request: Request, context: { params: Promise<{ slug: string }> }) {
  return withCoursePermission(request, 'exercise.publish', async (user, course, { db }) =>
    NextResponse.json(await publishExerciseDraft(db, course, user.id, (await context.params).slug)),
  );
}
