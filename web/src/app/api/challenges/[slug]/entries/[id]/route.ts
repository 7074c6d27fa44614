import { NextResponse } from 'next/server';
import { withApiUser } from '@/server/api';
import { getDb } from '@/server/db';
import { entryView, getEntry } from '@/server/services/challenges/entries';

/** GET → { status, publicScore, trainScore, message, … } for its author or an instructor. */
export function GET(_request: Request, context: { params: Promise<{ slug: string; id: string }> }) {
  return withApiUser(async (user) => {
    const { slug, id } = await context.params;
    const found = await getEntry(await getDb(), user.id, slug, id);
    return NextResponse.json(entryView(found.entry, found.context), { headers: { 'Cache-Control': 'no-store' } });
  });
}
