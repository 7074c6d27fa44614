import { NextResponse } from 'next/server';
import { readJson, withCoursePermission } from '@/server/api';
import { importAssessments, saveAssessment } from '@/server/services/assessments/editAssessment';
import { exportAssessments } from '@/server/services/assessments/assessmentFiles';

/** GET → { assessments }: every assessment of the course with its slots and each slot's settings, as the editor and the export write them. */
export function GET(request: Request) {
  return withCoursePermission(request, 'course.dashboard.view', async (_user, course, { db }) => {
    return NextResponse.json({ assessments: await exportAssessments(db, course.id) });
  });
}

/**
 * POST { slug, title, type, releaseAt?, dueAt?, lateDeadlines?, timeLimitMinutes?, password?, honorCode?, slots } → 201
 * { slug }; or the export's `{ assessments: [...] }` → 201 { imported: [slug…] } (each created or replaced, all checked first).
 */
export function POST(request: Request) {
  return withCoursePermission(request, 'assessment.edit', async (_user, course, { db }) => {
    const body = await readJson(request);
    const isImport = typeof body === 'object' && body !== null && !Array.isArray(body) && 'assessments' in body;
    return NextResponse.json(isImport ? await importAssessments(db, course, body) : await saveAssessment(db, course, body), {
      status: 201,
    });
  });
}
