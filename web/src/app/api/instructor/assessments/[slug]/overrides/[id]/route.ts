import { NextResponse } from 'next/server';
import { jsonError, withCoursePermission } from '@/server/api';
import { removeOverride } from '@/server/services/assessments/removeAssessment';

/** DELETE → { deleted: id }: the student (or section) is back to the assessment's own dates and time. */
export function DELETE(request: Request, context: { params: Promise<{ slug: string; id: string }> }) {
  return withCoursePermission(request, 'extensions.grant', async (_user, course, { db }) => {
    const { slug, id } = await context.params;
    return NextResponse.json(await removeOverride(db, course, slug, id));
  });
}

export function GET() {
  return jsonError(405, 'method-not-allowed', 'Use DELETE to remove this override (GET …/overrides lists them).');
}
