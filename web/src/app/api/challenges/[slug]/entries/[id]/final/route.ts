import { NextResponse } from 'next/server';
import { readJson, withApiUser } from '@/server/api';
import { getDb } from '@/server/db';
import { setEntryFinal } from '@/server/services/challenges/entries';

/** PUT { final: boolean } → the entry: marks it final or not (at most the challenge's maxFinal), before the deadline. */
export function PUT(request: Request, context: { params: Promise<{ slug: string; id: string }> }) {
  return withApiUser(async (user) => {
    const { slug, id } = await context.params;
    return NextResponse.json(await setEntryFinal(await getDb(), user.id, slug, id, await readJson(request)));
  });
}
