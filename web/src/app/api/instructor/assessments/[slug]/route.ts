import { NextResponse } from 'next/server';
import { jsonError, readJson, withCoursePermission } from '@/server/api';
import { saveAssessment } from '@/server/services/assessments/editAssessment';

/** PUT: the whole assessment (the same body the create route takes) → { slug }. */
export function PUT(request: Request, context: { params: Promise<{ slug: string }> }) {
  return withCoursePermission(request, 'assessment.edit', async (_user, course, { db }) => {
    return NextResponse.json(await saveAssessment(db, course, await readJson(request), (await context.params).slug));
  });
}

export function GET() {
  return jsonError(405, 'method-not-allowed', 'Use PUT with the assessment as JSON (GET /api/instructor/assessments lists them).');
}
