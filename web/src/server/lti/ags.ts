import 'server-only';
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { Database, LtiPlatform } from '@deltalab/db';
import { TOOL_KEY_ALG, toolSigningKey } from './keys';

/**
 * The LTI Advantage services' client side: an OAuth 2 access token from the platform's token endpoint
 * (client_credentials with a private_key_jwt client assertion signed by the tool's key, RFC 7523), cached per
 * platform and scopes until shortly before it expires; AGS score posts and line items; NRPS pages (nrps.ts).
 */
export const scopes = {
  score: 'https://purl.imsglobal.org/spec/lti-ags/scope/score',
  lineItem: 'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
  lineItemRead: 'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly',
  resultRead: 'https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly',
  memberships: 'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly',
} as const;

/** A service call that failed: `retry` when trying again later may help (network, 5xx, 429), else the refusal stands. */
export class ServiceError extends Error {
  constructor(
    message: string,
    readonly retry: boolean,
  ) {
    super(message);
  }
}

const TIMEOUT_MS = 10_000;
const holder = globalThis as typeof globalThis & { __deltalabLtiTokens?: Map<string, { token: string; expiresAt: number }> };
const tokens = (holder.__deltalabLtiTokens ??= new Map());
/** Token requests made (tests: a second post within the token's life asks for none). */
export const tokenRequests = { count: 0 };

export function clearTokenCache(): void {
  tokens.clear();
  tokenRequests.count = 0;
}

/** The client assertion: iss = sub = our client id, aud = the token endpoint, short-lived, with a fresh jti. */
async function clientAssertion(db: Database, platform: LtiPlatform): Promise<string> {
  const { kid, key } = await toolSigningKey(db);
  return new SignJWT({})
    .setProtectedHeader({ alg: TOOL_KEY_ALG, kid, typ: 'JWT' })
    .setIssuer(platform.clientId)
    .setSubject(platform.clientId)
    .setAudience(platform.tokenUrl)
    .setIssuedAt()
    .setExpirationTime('5m')
    .setJti(randomUUID())
    .sign(key);
}

/** Token requests in flight, per platform and scopes: concurrent posts share one request. */
const pending = new Map<string, Promise<string>>();

/** An access token for these scopes (cached until 30 s before it expires; one request at a time per platform and scopes). */
async function accessToken(db: Database, platform: LtiPlatform, wanted: string[]): Promise<string> {
  const cacheKey = `${platform.id} ${[...wanted].sort().join(' ')}`;
  const cached = tokens.get(cacheKey);
  if (cached && cached.expiresAt > Date.now()) return cached.token;
  let request = pending.get(cacheKey);
  if (!request) {
    request = requestToken(db, platform, wanted, cacheKey).finally(() => pending.delete(cacheKey));
    pending.set(cacheKey, request);
  }
  return request;
}

async function requestToken(db: Database, platform: LtiPlatform, wanted: string[], cacheKey: string): Promise<string> {
  const scope = [...wanted].sort().join(' ');
  const body = new URLSearchParams({
    grant_type: 'client_credentials',
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    client_assertion: await clientAssertion(db, platform),
    scope,
  });
  tokenRequests.count++;
  const response = await call(platform.tokenUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body,
  });
  if (!response.ok)
    throw new ServiceError(
      `The platform's token endpoint refused the tool (${response.status}): ${(await response.text()).slice(0, 300)}`,
      response.status >= 500 || response.status === 429,
    );
  const json = (await response.json().catch(() => null)) as { access_token?: unknown; expires_in?: unknown } | null;
  if (!json || typeof json.access_token !== 'string') throw new ServiceError('The platform’s token endpoint sent no access_token.', true);
  const lifetime = typeof json.expires_in === 'number' && json.expires_in > 0 ? json.expires_in : 3600;
  tokens.set(cacheKey, { token: json.access_token, expiresAt: Date.now() + Math.max(0, lifetime - 30) * 1000 });
  return json.access_token;
}

async function call(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    throw new ServiceError(`${url} could not be reached (${(error as Error).message}).`, true);
  }
}

/** A service request with a bearer token; a 401 gets a fresh token once (the platform may have revoked the cached one). */
export async function serviceRequest(
  db: Database,
  platform: LtiPlatform,
  wanted: string[],
  url: string,
  init: RequestInit & { headers?: Record<string, string> },
): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    const token = await accessToken(db, platform, wanted);
    const response = await call(url, { ...init, headers: { ...init.headers, Authorization: `Bearer ${token}` } });
    if (response.status === 401 && attempt === 0) {
      tokens.delete(`${platform.id} ${[...wanted].sort().join(' ')}`);
      continue;
    }
    return response;
  }
}

/** `<line item URL>/scores`, keeping the line item URL's query string where the spec says (after the path). */
function scoresUrl(lineItemUrl: string): string {
  const url = new URL(lineItemUrl);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/scores`;
  return url.toString();
}

export interface ScorePost {
  sub: string;
  /** Null: sent without a score (an exam's hidden scores, nothing graded yet): the progress values alone. */
  scoreGiven: number | null;
  scoreMaximum: number;
  activityProgress: string;
  gradingProgress: string;
}

/** Posts one score (AGS 2.0 score publish service) with its progress values (gradePassback.ts and assessmentProgress.ts decide them). */
export async function postScore(db: Database, platform: LtiPlatform, lineItemUrl: string, score: ScorePost): Promise<void> {
  const body = {
    userId: score.sub,
    ...(score.scoreGiven !== null ? { scoreGiven: score.scoreGiven, scoreMaximum: score.scoreMaximum } : {}),
    activityProgress: score.activityProgress,
    gradingProgress: score.gradingProgress,
    timestamp: new Date().toISOString(),
  };
  const response = await serviceRequest(db, platform, [scopes.score], scoresUrl(lineItemUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/vnd.ims.lis.v1.score+json' },
    body: JSON.stringify(body),
  });
  if (!response.ok)
    throw new ServiceError(
      `The platform refused the score (${response.status}): ${(await response.text()).slice(0, 300)}`,
      response.status >= 500 || response.status === 429 || response.status === 401,
    );
}

export interface PlatformLineItem {
  id: string;
  label?: string;
  scoreMaximum?: number;
  resourceId?: string;
  resourceLinkId?: string;
}

/** The context's line items (following `Link: rel="next"`). */
export async function listPlatformLineItems(db: Database, platform: LtiPlatform, lineItemsUrl: string): Promise<PlatformLineItem[]> {
  const items: PlatformLineItem[] = [];
  for (let url: string | null = lineItemsUrl, pages = 0; url && pages < 50; pages++) {
    const response = await serviceRequest(db, platform, [scopes.lineItem], url, {
      method: 'GET',
      headers: { Accept: 'application/vnd.ims.lis.v2.lineitemcontainer+json' },
    });
    if (!response.ok) throw new ServiceError(`The platform's line items answered ${response.status}.`, response.status >= 500);
    const page = (await response.json()) as PlatformLineItem[];
    if (Array.isArray(page)) items.push(...page.filter((i) => typeof i?.id === 'string'));
    url = nextLink(response.headers.get('link'));
  }
  return items;
}

/** The `rel="next"` URL of a Link header, if any. */
export function nextLink(header: string | null): string | null {
  if (!header) return null;
  for (const part of header.split(',')) {
    const match = /<([^>]+)>\s*;\s*(.*)/.exec(part.trim());
    if (match && /rel\s*=\s*"?([^";]*\s)?next(\s[^";]*)?"?/.test(match[2]!)) return match[1]!;
  }
  return null;
}

/** Creates a line item (a gradebook column) in the context (AGS 2.0 line item service, POST lineitems); returns it as the platform made it. */
export async function createPlatformLineItem(
  db: Database,
  platform: LtiPlatform,
  lineItemsUrl: string,
  item: { label: string; scoreMaximum: number; resourceId: string; tag: string },
): Promise<PlatformLineItem> {
  const response = await serviceRequest(db, platform, [scopes.lineItem], lineItemsUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/vnd.ims.lis.v2.lineitem+json', Accept: 'application/vnd.ims.lis.v2.lineitem+json' },
    body: JSON.stringify(item),
  });
  if (!response.ok)
    throw new ServiceError(
      `The platform refused to create the column (${response.status}): ${(await response.text()).slice(0, 300)}`,
      response.status >= 500,
    );
  const created = (await response.json().catch(() => null)) as PlatformLineItem | null;
  if (!created || typeof created.id !== 'string') throw new ServiceError('The platform created a column but did not say its id.', false);
  return created;
}
