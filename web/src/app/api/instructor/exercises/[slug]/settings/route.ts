import { NextResponse } from 'next/server';
import { jsonError, readJson, withCoursePermission, type ApiErrorBody } from '@/server/api';
import { updateExerciseSettingsFor } from '@/server/services/courses/updateExerciseSettings';

/**
 * PUT { published, points, maxAttempts, decayPercent, dueAt, showScore, showFeedback, showAnswers } → 200 { ok, message }
 * (the message says when an assessment slot's other exercises got the same attempts, decay and visibility) or 400 per field.
 */
export function PUT(request: Request, context: { params: Promise<{ slug: string }> }) {
  return withCoursePermission(request, 'course.settings.edit', async (_user, course, { db }) => {
    const result = await updateExerciseSettingsFor(db, course, (await context.params).slug, await readJson(request));
    if (!result.ok)
      return NextResponse.json(
        { error: { code: 'invalid-request', message: result.message, fields: result.fieldErrors } } satisfies ApiErrorBody,
        { status: 400 },
      );
    return NextResponse.json({ ok: true, message: result.message });
  });
}

export function GET() {
  return jsonError(405, 'method-not-allowed', 'Use PUT with the settings as JSON.');
}
