import { NextResponse } from 'next/server';
import { withSitePermission } from '@/server/api';
import { siteUrl } from '@/server/siteUrl';
import { issueResetLinkAsAdmin } from '@/server/services/accounts/resetLinks';

/** POST → a one-time password link for the account, valid 24 h: emailed with SMTP_URL, else answered as `link`. */
export function POST(_request: Request, context: { params: Promise<{ id: string }> }) {
  return withSitePermission('admin.users', async (user, { db }) =>
    NextResponse.json(await issueResetLinkAsAdmin(db, user, (await context.params).id, await siteUrl()), {
      status: 201,
      headers: { 'Cache-Control': 'no-store' },
    }),
  );
}
