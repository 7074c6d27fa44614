import { NextResponse } from 'next/server';
import { jsonError, withCoursePermission } from '@/server/api';
import { finishAssessment } from '@/server/services/assessments/startAssessment';

/** POST → { closedAt, reason }: the student's exam instance closes now (a closed one answers when and why it closed). */
export function POST(request: Request, context: { params: Promise<{ slug: string }> }) {
  return withCoursePermission(request, 'submission.create', async (user, course, { db }) => {
    return NextResponse.json(await finishAssessment(db, course, user.id, (await context.params).slug, new Date()));
  });
}

export function GET() {
  return jsonError(405, 'method-not-allowed', 'Use POST to finish the exam.');
}
