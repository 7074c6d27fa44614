import { NextResponse } from 'next/server';
import { jsonError, readJson, withApiUser } from '@/server/api';
import { getDb } from '@/server/db';
import { saveDraft } from '@/server/services/drafts/saveDraft';

/** PUT { exercise, code } → autosaves the editor's draft. */
export function PUT(request: Request) {
  return withApiUser(async (user) => {
    const result = await saveDraft(await getDb(), user.id, await readJson(request));
    return result.ok ? NextResponse.json(result) : jsonError(400, 'invalid-draft', result.message);
  });
}
