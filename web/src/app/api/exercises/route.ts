import { NextResponse } from 'next/server';
import { jsonError, withApiUser } from '@/server/api';
import { getDb } from '@/server/db';
import { getCourseHome } from '@/server/services/courses/getCourseHome';

/** GET → this student's exercises with status, best score, attempts and due dates, in the notes' order. */
export function GET() {
  return withApiUser(async (user) => {
    const home = await getCourseHome(await getDb(), user.id);
    if (!home) return jsonError(403, 'not-enrolled', 'You are not enrolled in a course: join one with its join code on /course first.');
    if (home.closed) return jsonError(403, 'forbidden', home.closed);
    return NextResponse.json({
      course: {
        slug: home.course.slug,
        title: home.course.title,
        role: home.course.role,
        timeZone: home.course.timeZone,
        latePolicy: home.course.latePolicy,
        latePenalty: home.course.latePenalty,
      },
      exercises: home.exercises.map((e) => ({
        slug: e.slug,
        title: e.title,
        topic: e.topic,
        kind: e.kind,
        status: e.status,
        bestScore: e.bestScore,
        attempts: e.attempts,
        maxAttempts: e.maxAttempts,
        dueAt: e.dueAt?.toISOString() ?? null,
      })),
    });
  });
}
