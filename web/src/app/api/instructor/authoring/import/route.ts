import { NextResponse } from 'next/server';
import { jsonError, withCoursePermission } from '@/server/api';
import type { SavedDraft } from '@/server/services/authoring/authorExercise';
import { importExerciseArchive } from '@/server/services/authoring/exerciseArchive';

/** POST a .tar.gz body (an exported folder; ?slug= to import under another slug) → a draft with its files. */
export function POST(request: Request) {
  return withCoursePermission(request, 'exercise.author', async (user, course, { db }) => {
    const body = new Uint8Array(await request.arrayBuffer());
    if (body.length === 0) return jsonError(400, 'invalid-request', 'Send the .tar.gz archive as the request body.');
    if (body.length > 2 * 1024 * 1024) return jsonError(413, 'code-too-large', 'The archive is larger than 2 MB.');
    const slug = new URL(request.url).searchParams.get('slug') ?? undefined;
    const draft = await importExerciseArchive(db, course, user.id, body, slug);
    return NextResponse.json({ slug: draft.slug, files: Object.keys(draft.files).sort() } satisfies SavedDraft, { status: 201 });
  });
}
