import { NextResponse } from 'next/server';
import { readJson, withApiUser } from '@/server/api';
import { getDb } from '@/server/db';
import { setBoardName, type BoardName } from '@/server/services/challenges/settings';

/** PUT { name } → { name }: the name the boards of this course show for the student. */
export function PUT(request: Request, context: { params: Promise<{ slug: string }> }) {
  return withApiUser(async (user) => {
    const { slug } = await context.params;
    return NextResponse.json({ name: await setBoardName(await getDb(), user.id, slug, await readJson(request)) } satisfies BoardName);
  });
}
