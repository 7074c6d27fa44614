import { NextResponse } from 'next/server';
import { getDb } from '@/server/db';
import { toolJwks } from '@/server/lti/keys';
import { withPublicApi } from '@/server/lti/publicApi';

/** The tool's public keys (LTI 1.3: platforms verify our deep-linking responses and client assertions with them). */
export async function GET() {
  return withPublicApi(async () =>
    NextResponse.json(await toolJwks(await getDb()), { headers: { 'Cache-Control': 'public, max-age=300' } }),
  );
}
