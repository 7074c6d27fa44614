import 'server-only';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { insertLtiLoginState, listLtiPlatformsByIssuer, type Database } from '@deltalab/db';
import { LaunchRefusal } from './verifyLaunch';

/** How long a login may take between our redirect and the platform's form post. */
const LOGIN_STATE_MS = 10 * 60_000;

const loginParams = z.object({
  iss: z.string({ error: 'iss (the platform issuer) is missing' }).min(1, 'iss is empty').max(500),
  login_hint: z.string({ error: 'login_hint is missing' }).min(1, 'login_hint is empty').max(2000),
  target_link_uri: z.string({ error: 'target_link_uri is missing' }).min(1).max(2000),
  lti_message_hint: z.string().max(4000).optional(),
  client_id: z.string().max(500).optional(),
  lti_deployment_id: z.string().max(500).optional(),
});

/**
 * OIDC third-party-initiated login (LTI 1.3 §5.1.1), GET or POST: the platform names itself (iss, and client_id when it
 * has several registrations with us); we answer with a redirect to its authorisation endpoint carrying a fresh state
 * and nonce (kept 10 minutes, used once), response_mode=form_post back to /api/lti/launch.
 */
export async function startLogin(db: Database, params: Record<string, string>, baseUrl: string): Promise<string> {
  const parsed = loginParams.safeParse(params);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new LaunchRefusal('request', `The login request is incomplete: ${issue.message}.`);
  }
  const { iss, login_hint, target_link_uri, lti_message_hint, client_id, lti_deployment_id } = parsed.data;
  const candidates = (await listLtiPlatformsByIssuer(db, iss)).filter((p) => !client_id || p.clientId === client_id);
  if (candidates.length === 0)
    throw new LaunchRefusal(
      'issuer',
      `No platform is registered with the issuer "${iss}"${client_id ? ` and client id "${client_id}"` : ''}: an administrator registers it (admin page or npm run admin -- lti-add-platform).`,
      403,
    );
  if (candidates.length > 1)
    throw new LaunchRefusal('issuer', `Several registrations share the issuer "${iss}": the platform must send client_id with the login.`);
  const platform = candidates[0]!;
  if (lti_deployment_id && !platform.deploymentIds.includes(lti_deployment_id))
    throw new LaunchRefusal(
      'deployment',
      `The deployment id "${lti_deployment_id}" is not registered for ${platform.name}: an administrator adds it.`,
      403,
    );
  const state = randomBytes(24).toString('base64url');
  const nonce = randomBytes(24).toString('base64url');
  // The launch's target_link_uri claim is checked against this one (or this tool's origin).
  await insertLtiLoginState(db, {
    state,
    nonce,
    platformId: platform.id,
    targetLinkUri: target_link_uri,
    expiresAt: new Date(Date.now() + LOGIN_STATE_MS),
  });
  const url = new URL(platform.authUrl);
  const query: Record<string, string> = {
    scope: 'openid',
    response_type: 'id_token',
    response_mode: 'form_post',
    prompt: 'none',
    client_id: platform.clientId,
    redirect_uri: `${baseUrl}/api/lti/launch`,
    login_hint,
    state,
    nonce,
    ...(lti_message_hint ? { lti_message_hint } : {}),
  };
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return url.toString();
}
