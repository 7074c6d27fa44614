import { NextResponse } from 'next/server';
import { jsonError, readJson, withCoursePermission } from '@/server/api';
import { releaseScores } from '@/server/services/assessments/editAssessment';

/** POST { released: true | false } → { released }: an exam's scores shown to its students from now on, or hidden again. */
export function POST(request: Request, context: { params: Promise<{ slug: string }> }) {
  return withCoursePermission(request, 'assessment.release', async (_user, course, { db }) => {
    return NextResponse.json(await releaseScores(db, course, (await context.params).slug, await readJson(request), new Date()));
  });
}

export function GET() {
  return jsonError(405, 'method-not-allowed', 'Use POST with { released: true } or { released: false }.');
}
