import { NextResponse } from 'next/server';
import { canvasConfig } from '@/server/lti/platforms';
import { withPublicApi } from '@/server/lti/publicApi';
import { siteUrl } from '@/server/siteUrl';

/** Canvas's developer key JSON for this site (Admin → Developer Keys → + LTI Key → Enter URL). */
export async function GET() {
  return withPublicApi(async () => NextResponse.json(canvasConfig(await siteUrl())));
}
