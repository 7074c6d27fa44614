import { NextResponse } from 'next/server';
import { listOverrides } from '@deltalab/db';
import { readJson, withCoursePermission } from '@/server/api';
import { requireAssessment } from '@/server/services/assessments/startAssessment';
import { overrideView, setOverrides } from '@/server/services/assessments/overrides';

/** GET → { overrides: [{ id, student, section, dueAt, extraMinutes, timeFactor, reason }] }. */
export function GET(request: Request, context: { params: Promise<{ slug: string }> }) {
  return withCoursePermission(request, 'extensions.grant', async (_user, course, { db }) => {
    const assessment = await requireAssessment(db, course, (await context.params).slug);
    return NextResponse.json({ overrides: (await listOverrides(db, course.id, assessment.id)).map(overrideView) });
  });
}

/** PUT { students: [email…] | section, dueAt?, extraMinutes?, timeFactor?, reason } → { overrides }: all of them or none. */
export function PUT(request: Request, context: { params: Promise<{ slug: string }> }) {
  return withCoursePermission(request, 'extensions.grant', async (user, course, { db }) => {
    return NextResponse.json({ overrides: await setOverrides(db, course, user.id, (await context.params).slug, await readJson(request)) });
  });
}
