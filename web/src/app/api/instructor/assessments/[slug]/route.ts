import { NextResponse } from 'next/server';
import { jsonError, readJson, withCoursePermission } from '@/server/api';
import { saveAssessment } from '@/server/services/assessments/editAssessment';
import { removeAssessment } from '@/server/services/assessments/removeAssessment';

/** PUT: the whole assessment (the same body the create route takes) → { slug }. */
export function PUT(request: Request, context: { params: Promise<{ slug: string }> }) {
  return withCoursePermission(request, 'assessment.edit', async (_user, course, { db }) => {
    return NextResponse.json(await saveAssessment(db, course, await readJson(request), (await context.params).slug));
  });
}

/**
 * DELETE { confirm: slug } → { deleted, exercises, unpublished }: the assessment with its draws, instances and overrides; its exercises
 * stay in the course with their submissions (an exam's unpublished).
 */
export function DELETE(request: Request, context: { params: Promise<{ slug: string }> }) {
  return withCoursePermission(request, 'assessment.edit', async (_user, course, { db }) => {
    return NextResponse.json(await removeAssessment(db, course, (await context.params).slug, await readJson(request)));
  });
}

export function GET() {
  return jsonError(
    405,
    'method-not-allowed',
    'Use PUT with the assessment as JSON, or DELETE (GET /api/instructor/assessments lists them).',
  );
}
