import type { Metadata } from 'next';
import { listLtiPlatforms, ltiPlatformUsage } from '@deltalab/db';
import { requireSitePage } from '@/server/pageAccess';
import { siteUrl } from '@/server/siteUrl';
import { AdminNav } from '@/components/admin/AdminNav';
import { PlatformForm } from '@/components/lti/PlatformForm';
import { RemovePlatform } from '@/components/lti/RemovePlatform';
import { removalSummary } from '@/server/lti/removePlatform';

export const metadata: Metadata = { title: 'LMS platforms' };

/** LTI 1.3 platform registrations (admin.lti): what to give the LMS, the platforms registered, a form to add one. */
export default async function AdminLtiPage() {
  const { db } = await requireSitePage('/admin/lti', 'admin.lti');
  const platforms = await Promise.all(
    (await listLtiPlatforms(db)).map(async (p) => ({ ...p, summary: removalSummary(p, await ltiPlatformUsage(db, p.id)) })),
  );
  const base = await siteUrl();
  return (
    <div className="space-y-4">
      <AdminNav />
      <h1 className="text-2xl font-semibold">LMS platforms (LTI 1.3)</h1>
      <section aria-labelledby="tool-urls" className="space-y-1 text-sm">
        <h2 id="tool-urls" className="text-lg font-semibold">
          What the LMS needs from Deltalab
        </h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4">
          <dt>Login (OIDC initiation) URL</dt>
          <dd>
            <code>{base}/api/lti/login</code>
          </dd>
          <dt>Launch (redirect) URL</dt>
          <dd>
            <code>{base}/api/lti/launch</code>
          </dd>
          <dt>Public keys (JWKS) URL</dt>
          <dd>
            <code>{base}/api/lti/jwks</code>
          </dd>
          <dt>Canvas developer key JSON</dt>
          <dd>
            <code>{base}/api/lti/config/canvas.json</code>
          </dd>
        </dl>
      </section>
      <table className="w-full text-left text-sm" aria-label="Registered platforms">
        <thead>
          <tr className="border-b text-slate-600">
            <th className="py-1">Platform</th>
            <th>Issuer</th>
            <th>Client id</th>
            <th>Deployment ids</th>
            <th>Endpoints</th>
            <th>Remove</th>
          </tr>
        </thead>
        <tbody>
          {platforms.map((p) => (
            <tr key={p.id} className="border-b border-slate-100 align-top">
              <td className="py-2">{p.name}</td>
              <td>{p.issuer}</td>
              <td>{p.clientId}</td>
              <td>{p.deploymentIds.join(', ')}</td>
              <td className="text-xs">
                auth {p.authUrl}
                <br />
                token {p.tokenUrl}
                <br />
                JWKS {p.jwksUrl}
              </td>
              <td className="max-w-xs">
                <RemovePlatform issuer={p.issuer} clientId={p.clientId} name={p.name} summary={p.summary} />
              </td>
            </tr>
          ))}
          {platforms.length === 0 && (
            <tr>
              <td colSpan={6} className="py-2 text-slate-600">
                No platform is registered yet.
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <PlatformForm />
    </div>
  );
}
