import { NextResponse } from 'next/server';
import { readText, withCoursePermission } from '@/server/api';
import { siteUrl } from '@/server/siteUrl';
import { importRoster } from '@/server/services/people/rosterImport';

/**
 * POST a CSV body (`email,name` or `email,name,section`, one student a line) → counts of enrolled, updated, invited and
 * unchanged. All or nothing: a bad line refuses the whole file (400 naming each bad line).
 */
export function POST(request: Request) {
  return withCoursePermission(request, 'roster.manage', async (user, course, { db }) =>
    NextResponse.json(await importRoster(db, course, user, await readText(request, 'the CSV'), await siteUrl()), {
      headers: { 'Cache-Control': 'no-store' },
    }),
  );
}
