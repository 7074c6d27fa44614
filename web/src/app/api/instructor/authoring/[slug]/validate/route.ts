import { NextResponse } from 'next/server';
import { withCoursePermission } from '@/server/api';
import { validateExerciseDraft } from '@/server/services/authoring/authorExercise';

/** POST → runs Validate on the draft (the real grader, canonical variant and 20 others) and returns its report. */
export function POST(request: Request, context: { params: Promise<{ slug: string }> }) {
  return withCoursePermission(request, 'exercise.author', async (_user, course, { db }) =>
    NextResponse.json(await validateExerciseDraft(db, course, (await context.params).slug)),
  );
}
