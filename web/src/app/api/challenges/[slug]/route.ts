import { NextResponse } from 'next/server';
import { withApiUser } from '@/server/api';
import { getDb } from '@/server/db';
import { getChallenge } from '@/server/services/challenges/getChallenge';

/** GET → the challenge (statement, allowed layers, limits, deadline, entries left today) and its public training set. */
export function GET(_request: Request, context: { params: Promise<{ slug: string }> }) {
  return withApiUser(async (user) => {
    const { slug } = await context.params;
    return NextResponse.json(await getChallenge(await getDb(), user.id, slug), { headers: { 'Cache-Control': 'no-store' } });
  });
}
