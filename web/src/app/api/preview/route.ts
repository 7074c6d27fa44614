import { NextResponse } from 'next/server';
import { readJson, withApiUser } from '@/server/api';
import { getDb } from '@/server/db';
import { gradePreview } from '@/server/services/exercises/gradePreview';

/**
 * POST { exercise, variant?: "canonical" | seed, student?: userId, code | answers } → 200 the grade (instructors of
 * the course only; stores nothing). Lets an instructor check the reference answers of any variant.
 */
export function POST(request: Request) {
  return withApiUser(async (user) => {
    const grade = await gradePreview(await getDb(), user.id, await readJson(request));
    return NextResponse.json(grade, { headers: { 'Cache-Control': 'no-store' } });
  });
}
