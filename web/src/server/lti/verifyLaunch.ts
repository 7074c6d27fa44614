import 'server-only';
import { decodeJwt, decodeProtectedHeader, errors, jwtVerify } from 'jose';
import { acceptLtiNonce, selectOptionalLtiPlatform, takeLtiLoginState, type Database, type LtiPlatform } from '@deltalab/db';
import { claim, launchClaims, messageTypes, type LaunchClaims } from './claims';
import { platformKeyGetter, PlatformKeysError } from './platformKeys';

/** The checks a launch goes through, each named on the page that refuses it. */
export type LaunchCheck =
  | 'request'
  | 'state'
  | 'token'
  | 'issuer'
  | 'audience'
  | 'azp'
  | 'signature'
  | 'kid'
  | 'jwks'
  | 'expiry'
  | 'issued-at'
  | 'nonce'
  | 'deployment'
  | 'message-type'
  | 'version'
  | 'claims'
  | 'target-link-uri'
  | 'roles'
  | 'account';

/** A launch refused: which check failed and why, for a page (never a stack trace). */
export class LaunchRefusal extends Error {
  constructor(
    readonly check: LaunchCheck,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

/** How far the platform's clock may be from ours (exp, iat). */
const CLOCK_SKEW_SECONDS = 60;
/** An id_token older than this (by its iat) is refused even if its exp is later. */
const MAX_TOKEN_AGE_SECONDS = 600;

export interface VerifiedLaunch {
  platform: LtiPlatform;
  deploymentId: string;
  messageType: (typeof messageTypes)[number];
  claims: LaunchClaims;
}

/**
 * Everything a launch (the id_token form-posted to /api/lti/launch) must pass, in order: the login state (ours, unused,
 * not expired), the token's form, iss (the platform of that login), aud (our client id) and azp, the signature (the
 * platform's JWKS, refetched on an unknown kid), exp and iat with a small skew, the nonce (the login's, and never
 * seen before), the deployment id (registered), the message type and version, then the claims the tool needs, and the
 * target_link_uri (the login's, or on this tool's origin `toolBaseUrl`).
 */
export async function verifyLaunch(
  db: Database,
  form: { idToken: string | null; state: string | null },
  toolBaseUrl: string,
): Promise<VerifiedLaunch> {
  if (!form.idToken) throw new LaunchRefusal('request', 'The launch carries no id_token: the platform must form-post one to this address.');
  if (!form.state) throw new LaunchRefusal('state', 'The launch carries no state: start it from the LMS (the login step sets one).');
  const login = await takeLtiLoginState(db, form.state);
  if (!login)
    throw new LaunchRefusal('state', 'The launch’s state is unknown, already used or expired (10 minutes): launch again from the LMS.');
  const platform = await selectOptionalLtiPlatform(db, login.platformId);
  if (!platform) throw new LaunchRefusal('state', 'The platform of this launch is no longer registered.');

  let unverified: ReturnType<typeof decodeJwt>;
  let kid: string | undefined;
  try {
    kid = decodeProtectedHeader(form.idToken).kid;
    unverified = decodeJwt(form.idToken);
  } catch {
    throw new LaunchRefusal('token', 'The id_token is not a well-formed JWT.');
  }
  if (!kid) throw new LaunchRefusal('kid', 'The id_token’s header names no key (kid): the platform must say which of its keys signed it.');
  if (unverified.iss !== platform.issuer)
    throw new LaunchRefusal(
      'issuer',
      `The id_token's issuer (iss) is "${String(unverified.iss)}", not "${platform.issuer}", which started this login.`,
    );
  const aud = Array.isArray(unverified.aud) ? unverified.aud : [unverified.aud];
  if (!aud.includes(platform.clientId))
    throw new LaunchRefusal(
      'audience',
      `The id_token's audience (aud) ${JSON.stringify(unverified.aud)} does not include this tool's client id "${platform.clientId}".`,
    );
  if ((aud.length > 1 || unverified.azp !== undefined) && unverified.azp !== platform.clientId)
    throw new LaunchRefusal(
      'azp',
      `The id_token's authorized party (azp) is ${JSON.stringify(unverified.azp ?? null)}, not this tool's client id "${platform.clientId}".`,
    );

  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(form.idToken, platformKeyGetter(platform.jwksUrl), {
      algorithms: ['RS256', 'RS384', 'RS512'],
      issuer: platform.issuer,
      audience: platform.clientId,
      clockTolerance: CLOCK_SKEW_SECONDS,
      maxTokenAge: MAX_TOKEN_AGE_SECONDS,
      requiredClaims: ['exp', 'iat', 'nonce'],
    }));
  } catch (error) {
    throw refusalOf(error);
  }
  const iat = payload.iat as number;
  if (iat > Date.now() / 1000 + CLOCK_SKEW_SECONDS)
    throw new LaunchRefusal(
      'issued-at',
      `The id_token was issued in the future (iat ${new Date(iat * 1000).toISOString()}): check the platform's clock.`,
    );

  if (payload.nonce !== login.nonce)
    throw new LaunchRefusal('nonce', 'The id_token’s nonce is not the one this login sent: launch again from the LMS.');
  const expiresAt = new Date(((payload.exp as number) + CLOCK_SKEW_SECONDS) * 1000);
  if (!(await acceptLtiNonce(db, platform.id, String(payload.nonce), expiresAt)))
    throw new LaunchRefusal('nonce', 'This id_token’s nonce was used before: a launch is accepted once (a replayed id_token).');

  const deploymentId = payload[claim.deploymentId];
  if (typeof deploymentId !== 'string' || deploymentId === '')
    throw new LaunchRefusal('deployment', `The id_token has no deployment id (${claim.deploymentId}).`);
  if (!platform.deploymentIds.includes(deploymentId))
    throw new LaunchRefusal(
      'deployment',
      `The deployment id "${deploymentId}" is not registered for ${platform.name}: an administrator adds it with npm run admin -- lti-add-platform … --deployment-id ${deploymentId}.`,
      403,
    );
  const messageType = payload[claim.messageType];
  if (!messageTypes.includes(messageType as (typeof messageTypes)[number]))
    throw new LaunchRefusal(
      'message-type',
      `The message type ${JSON.stringify(messageType ?? null)} is not one this tool takes (${messageTypes.join(', ')}).`,
    );
  if (payload[claim.version] !== '1.3.0')
    throw new LaunchRefusal('version', `The LTI version is ${JSON.stringify(payload[claim.version] ?? null)}; this tool takes "1.3.0".`);

  const parsed = launchClaims.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new LaunchRefusal(
      'claims',
      `A claim the launch needs is missing or malformed: ${issue.message} (at ${issue.path.join('.') || 'the token'}).`,
    );
  }
  const claims = parsed.data;
  checkTargetLinkUri(claims[claim.targetLinkUri], login.targetLinkUri, toolBaseUrl);
  if (messageType === 'LtiResourceLinkRequest' && !claims[claim.resourceLink])
    throw new LaunchRefusal('claims', `A resource link launch needs the resource_link claim (${claim.resourceLink}).`);
  if (messageType === 'LtiDeepLinkingRequest' && !claims[claim.deepLinking])
    throw new LaunchRefusal('claims', `A deep-linking launch needs the deep_linking_settings claim (${claim.deepLinking}).`);
  return { platform, deploymentId, messageType: messageType as VerifiedLaunch['messageType'], claims };
}

/**
 * The launch must be for this tool (LTI 1.3 §5.1.2): its target_link_uri claim is the one the platform gave at login
 * (kept with the state), or an address on this tool's origin. Otherwise a token meant for another tool's link, or one
 * the platform changed after the login, is refused.
 */
function checkTargetLinkUri(claimed: string, atLogin: string | null, toolBaseUrl: string): void {
  if (atLogin !== null && claimed === atLogin) return;
  const origin = URL.canParse(claimed) ? new URL(claimed).origin : null;
  if (origin !== null && origin === new URL(toolBaseUrl).origin) return;
  throw new LaunchRefusal(
    'target-link-uri',
    `The launch's target_link_uri "${claimed.slice(0, 300)}" is neither the one given at login${atLogin ? ` ("${atLogin.slice(0, 300)}")` : ''} nor an address of this tool (${new URL(toolBaseUrl).origin}).`,
  );
}

function refusalOf(error: unknown): LaunchRefusal {
  if (error instanceof LaunchRefusal) return error;
  if (error instanceof PlatformKeysError) return new LaunchRefusal(error.check, error.message, error.check === 'jwks' ? 502 : 400);
  if (error instanceof errors.JWTExpired && error.claim === 'iat')
    return new LaunchRefusal(
      'issued-at',
      `The id_token was issued over ${MAX_TOKEN_AGE_SECONDS / 60} minutes ago (iat): launch again from the LMS.`,
    );
  if (error instanceof errors.JWTExpired)
    return new LaunchRefusal('expiry', `The id_token expired (exp): ${error.message}. Launch again from the LMS.`);
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return new LaunchRefusal('signature', 'The id_token’s signature does not verify against the platform’s public keys.');
  if (error instanceof errors.JOSEAlgNotAllowed)
    return new LaunchRefusal('signature', 'The id_token is signed with an algorithm this tool does not accept (RS256 expected).');
  if (error instanceof errors.JWTClaimValidationFailed) {
    const which = error.claim;
    if (which === 'iat') return new LaunchRefusal('issued-at', `The id_token's issued-at time (iat) is not acceptable: ${error.message}.`);
    if (which === 'iss') return new LaunchRefusal('issuer', `The id_token's issuer (iss) is wrong: ${error.message}.`);
    if (which === 'aud') return new LaunchRefusal('audience', `The id_token's audience (aud) is wrong: ${error.message}.`);
    if (which === 'nonce') return new LaunchRefusal('nonce', 'The id_token has no nonce.');
    if (which === 'exp') return new LaunchRefusal('expiry', 'The id_token has no expiry (exp).');
    return new LaunchRefusal('claims', `The id_token's ${which} claim is not acceptable: ${error.message}.`);
  }
  if (error instanceof errors.JOSEError) return new LaunchRefusal('token', `The id_token could not be verified: ${error.message}.`);
  throw error;
}
