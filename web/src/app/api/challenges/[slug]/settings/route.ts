import { NextResponse } from 'next/server';
import { readJson, withApiUser } from '@/server/api';
import { getDb } from '@/server/db';
import { updateChallengeSettings, type ChallengeSettings } from '@/server/services/challenges/settings';

/** PUT { deadline: ISO | null, entriesPerDay: number | null } (instructors) → the challenge's deadline and limit now. */
export function PUT(request: Request, context: { params: Promise<{ slug: string }> }) {
  return withApiUser(async (user) => {
    const { slug } = await context.params;
    const updated = await updateChallengeSettings(await getDb(), user.id, slug, await readJson(request));
    return NextResponse.json({
      deadline: updated.deadline?.toISOString() ?? null,
      entriesPerDay: updated.entriesPerDay,
      revealed: updated.revealed,
    } satisfies ChallengeSettings);
  });
}
