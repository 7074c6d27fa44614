import { NextResponse } from 'next/server';
import { readJson, withCoursePermission } from '@/server/api';
import { saveExerciseDraft, type SavedDraft } from '@/server/services/authoring/authorExercise';

/** POST the authoring form (or { kind: "files", slug, files }) → saves the course's draft of that exercise. */
export function POST(request: Request) {
  return withCoursePermission(request, 'exercise.author', async (user, course, { db }) => {
    const draft = await saveExerciseDraft(db, course, user.id, await readJson(request));
    return NextResponse.json({
      slug: draft.slug,
      files: Object.keys(draft.files).sort(),
      validated: draft.validatedHash !== null,
    } satisfies SavedDraft);
  });
}
