import { NextResponse } from 'next/server';
import { jsonError, withCoursePermission } from '@/server/api';
import { assessmentStatistics } from '@/server/services/assessments/assessmentGrades';

/** GET → { slug, title, maxPoints, students, mean, median, histogram, questions }: the counted students' scores. */
export function GET(request: Request, context: { params: Promise<{ slug: string }> }) {
  return withCoursePermission(request, 'course.dashboard.view', async (_user, course, { db }) => {
    const slug = (await context.params).slug;
    const stats = await assessmentStatistics(db, course.id, slug);
    if (!stats) return jsonError(404, 'not-found', `No assessment '${slug.slice(0, 64)}' in ${course.title}.`);
    return NextResponse.json(stats);
  });
}
