import { NextResponse } from 'next/server';
import { listLtiPlatforms, upsertLtiPlatform } from '@deltalab/db';
import { jsonError, readJson, withSitePermission } from '@/server/api';
import { platformInput, platformProblem, platformRow } from '@/server/lti/platforms';

/** LTI platform registrations (administrators). */
export async function GET() {
  return withSitePermission('admin.lti', async (_user, handle) => NextResponse.json({ platforms: await listLtiPlatforms(handle.db) }));
}

/** Registers a platform, or adds deployment ids / new endpoints to the registration with the same issuer and client id. */
export async function POST(request: Request) {
  return withSitePermission('admin.lti', async (_user, handle) => {
    const parsed = platformInput.safeParse(await readJson(request));
    if (!parsed.success) return jsonError(400, 'invalid-request', platformProblem(parsed.error));
    const { platform, created } = await upsertLtiPlatform(handle.db, platformRow(parsed.data));
    return NextResponse.json({ platform, created }, { status: created ? 201 : 200 });
  });
}
