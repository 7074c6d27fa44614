import { NextResponse } from 'next/server';
import { listLtiPlatforms, upsertLtiPlatform } from '@deltalab/db';
import { jsonError, readJson, withSitePermission } from '@/server/api';
import { platformInput, platformProblem, platformRow } from '@/server/lti/platforms';
import { PlatformRemovalRefusal, removePlatform, removePlatformInput } from '@/server/lti/removePlatform';

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

/**
 * Removes a registration: `{ issuer, clientId, confirm: true }`. Without `confirm` it answers 409 with what would go
 * (its LMS courses' links, gradebook columns, passback records) and changes nothing; Deltalab's courses and grades stay.
 */
export async function DELETE(request: Request) {
  return withSitePermission('admin.lti', async (_user, handle) => {
    const parsed = removePlatformInput.safeParse(await readJson(request));
    if (!parsed.success) return jsonError(400, 'invalid-request', platformProblem(parsed.error));
    try {
      const { platform, summary } = await removePlatform(handle.db, parsed.data, parsed.data.confirm === true);
      return NextResponse.json({ removed: { id: platform.id, name: platform.name }, summary });
    } catch (error) {
      if (error instanceof PlatformRemovalRefusal)
        return jsonError(error.status, error.status === 404 ? 'not-found' : 'confirmation-required', error.message);
      throw error;
    }
  });
}
