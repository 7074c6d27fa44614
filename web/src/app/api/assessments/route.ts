import { NextResponse } from 'next/server';
import { withCoursePermission } from '@/server/api';
import { studentAssessments } from '@/server/services/assessments/studentAssessments';

/** GET → { assessments: [{ slug, title, type, releaseAt, dueAt, timeLimitMinutes, status, score, maxPoints, … }] }: as the signed-in student sees them. */
export function GET(request: Request) {
  return withCoursePermission(request, 'course.view', async (user, course, { db }) => {
    const assessments = await studentAssessments(db, course, user.id, new Date());
    return NextResponse.json({ assessments }, { headers: { 'Cache-Control': 'no-store' } });
  });
}
