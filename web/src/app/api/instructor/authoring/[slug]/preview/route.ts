import { NextResponse } from 'next/server';
import { readJson, withCoursePermission } from '@/server/api';
import { renderMarkdown } from '@/lib/renderMarkdown';
import { previewExerciseDraft, type DraftPreview } from '@/server/services/authoring/authorExercise';

/** POST { variant: "canonical" | seed } → the draft's variant as a student sees it (statement as HTML) and its answers. */
export function POST(request: Request, context: { params: Promise<{ slug: string }> }) {
  return withCoursePermission(request, 'exercise.author', async (_user, course, { db }) => {
    const body = (await readJson(request)) as { variant?: unknown };
    const preview = await previewExerciseDraft(db, course, (await context.params).slug, body?.variant);
    return NextResponse.json({ ...preview, statementHtml: renderMarkdown(preview.variant.statementMarkdown) } satisfies DraftPreview);
  });
}
