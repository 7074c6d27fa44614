import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { createLocalJWKSet, exportJWK, generateKeyPair, jwtVerify, SignJWT, type JSONWebKeySet, type JWK, type KeyLike } from 'jose';

/**
 * A real LTI 1.3 platform on a local port, for the tests: its own RS256 keys (rotatable) served as a JWKS; id_tokens
 * signed with them; an OAuth 2 token endpoint that checks the tool's client assertion (private_key_jwt: signature
 * against the tool's JWKS, iss = sub = client id, aud = the token URL, a fresh jti) and issues bearer tokens with
 * scopes; AGS line items (GET with the spec's filters and paging, POST to create one) and a score endpoint that checks the token and its scope and records every score; NRPS
 * membership pages linked by `Link: rel="next"`. Failures can be injected (the next N score posts answer a status).
 */
export interface SimulatedScore {
  lineItem: string;
  body: Record<string, unknown>;
  token: string;
}

export interface Member {
  user_id: string;
  roles: string[];
  status?: 'Active' | 'Inactive' | 'Deleted';
  name?: string;
  email?: string;
}

interface Key {
  kid: string;
  privateKey: KeyLike;
  publicJwk: JWK;
}

async function newKey(): Promise<Key> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const kid = randomUUID();
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

export class PlatformSimulator {
  readonly clientId = `client-${randomUUID().slice(0, 8)}`;
  readonly deploymentId = 'deployment-1';
  readonly scores: SimulatedScore[] = [];
  readonly tokensIssued: { scope: string; token: string }[] = [];
  readonly assertionsSeen = new Set<string>();
  /** The context's line items (AGS): `id` is the line item's URL. The tool may add some (POST lineitems). */
  lineItems: { id: string; label: string; scoreMaximum: number; resourceId?: string; resourceLinkId?: string; tag?: string }[] = [];
  /** Line items per page of GET lineitems (pages linked by `Link: rel="next"`, as Canvas and Moodle do). */
  lineItemsPerPage = 100;
  members: Member[] = [];
  membersPerPage = 2;
  tokenLifetimeSeconds = 3600;
  jwksRequests = 0;
  /** Status codes the next score posts answer with (then 200 again). */
  failScores: number[] = [];
  /** Where the tool's public keys come from (a function: in vitest the tool has no server of its own). */
  toolJwks: () => Promise<JSONWebKeySet> = async () => ({ keys: [] });
  /** Deep-linking responses the tool's page posted back (their JWT, verified against the tool's JWKS). */
  readonly deepLinkResponses: Record<string, unknown>[] = [];
  /** Launches a browser starts at /start/<hint>: the claims of that user's id_token. */
  private launches = new Map<string, Record<string, unknown>>();
  private keys: Key[] = [];
  private server: Server | null = null;
  private tokens = new Map<string, { scopes: string[]; expiresAt: number }>();
  url = '';

  get issuer() {
    return this.url;
  }
  get authUrl() {
    return `${this.url}/auth`;
  }
  get tokenUrl() {
    return `${this.url}/token`;
  }
  get jwksUrl() {
    return `${this.url}/jwks`;
  }
  get lineItemsUrl() {
    return `${this.url}/courses/1/lineitems`;
  }
  get membershipsUrl() {
    return `${this.url}/courses/1/memberships`;
  }
  lineItemUrl(id: string) {
    return `${this.lineItemsUrl}/${id}`;
  }

  async start(): Promise<this> {
    this.keys = [await newKey()];
    this.server = createServer(
      (req, res) => void this.handle(req, res).catch((error: unknown) => send(res, 500, { error: String(error) })),
    );
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** A new signing key: id_tokens are signed with it from now on, and the JWKS serves only it (the old kid is gone). */
  async rotateKeys(): Promise<string> {
    this.keys = [await newKey()];
    return this.keys[0]!.kid;
  }

  get kid(): string {
    return this.keys[0]!.kid;
  }

  /**
   * An id_token: a valid resource link launch by default, with `claims` merged over it (a claim set to undefined is
   * left out) and `sign` to use another key or kid (bad signature, unknown kid).
   */
  async idToken(
    nonce: string,
    claims: Record<string, unknown> = {},
    sign: { key?: KeyLike; kid?: string; iat?: number; exp?: number } = {},
  ): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const payload: Record<string, unknown> = {
      iss: this.issuer,
      aud: this.clientId,
      sub: 'user-1',
      nonce,
      iat: sign.iat ?? now,
      exp: sign.exp ?? now + 300,
      email: 'learner@example.edu',
      name: 'Lee Learner',
      'https://purl.imsglobal.org/spec/lti/claim/message_type': 'LtiResourceLinkRequest',
      'https://purl.imsglobal.org/spec/lti/claim/version': '1.3.0',
      'https://purl.imsglobal.org/spec/lti/claim/deployment_id': this.deploymentId,
      'https://purl.imsglobal.org/spec/lti/claim/target_link_uri': 'http://deltalab.test/api/lti/launch',
      'https://purl.imsglobal.org/spec/lti/claim/resource_link': { id: 'resource-1', title: 'Deltalab' },
      'https://purl.imsglobal.org/spec/lti/claim/roles': ['http://purl.imsglobal.org/vocab/lis/v2/membership#Learner'],
      'https://purl.imsglobal.org/spec/lti/claim/context': { id: 'course-1', title: 'Neural Networks 101', label: 'NN101' },
      'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint': {
        scope: ['https://purl.imsglobal.org/spec/lti-ags/scope/lineitem', 'https://purl.imsglobal.org/spec/lti-ags/scope/score'],
        lineitems: this.lineItemsUrl,
      },
      'https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice': {
        context_memberships_url: this.membershipsUrl,
        service_versions: ['2.0'],
      },
    };
    for (const [key, value] of Object.entries(claims)) {
      if (value === undefined) delete payload[key];
      else payload[key] = value;
    }
    const key = this.keys[0]!;
    return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: sign.kid ?? key.kid, typ: 'JWT' }).sign(sign.key ?? key.privateKey);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url!, this.url);
    const body = await readBody(req);
    if (req.method === 'GET' && url.pathname === '/jwks') {
      this.jwksRequests++;
      return send(res, 200, { keys: this.keys.map((k) => k.publicJwk) });
    }
    if (req.method === 'POST' && url.pathname === '/token') return this.token(res, new URLSearchParams(body));
    if (req.method === 'GET' && url.pathname.startsWith('/start/')) return this.startLaunch(res, decodeURIComponent(url.pathname.slice(7)));
    if (req.method === 'GET' && url.pathname === '/auth') return this.authorize(res, url.searchParams);
    if (req.method === 'POST' && url.pathname === '/deep-link-return') return this.deepLinkReturn(res, new URLSearchParams(body));
    if (url.pathname.startsWith('/courses/1/')) {
      const scopes = this.bearer(req);
      if (!scopes) return send(res, 401, { error: 'invalid_token' });
      if (req.method === 'GET' && url.pathname === '/courses/1/lineitems') {
        if (!scopes.some((s) => s.includes('lineitem'))) return send(res, 403, { error: 'insufficient_scope' });
        // AGS 2.0 §3.2.4: filters resource_link_id, resource_id and tag; `limit` with a next page in the Link header.
        const filters = { resourceLinkId: 'resource_link_id', resourceId: 'resource_id', tag: 'tag' } as const;
        const matching = this.lineItems.filter((item) =>
          Object.entries(filters).every(([field, param]) => {
            const wanted = url.searchParams.get(param);
            return wanted === null || item[field as keyof typeof filters] === wanted;
          }),
        );
        const limit = Math.max(1, Number(url.searchParams.get('limit') ?? this.lineItemsPerPage));
        const page = Number(url.searchParams.get('page') ?? '0');
        const next = new URL(url);
        next.searchParams.set('page', String(page + 1));
        next.searchParams.set('limit', String(limit));
        const more = (page + 1) * limit < matching.length;
        return send(
          res,
          200,
          matching.slice(page * limit, (page + 1) * limit),
          more ? { Link: `<${next.toString()}>; rel="next"` } : {},
          'application/vnd.ims.lis.v2.lineitemcontainer+json',
        );
      }
      if (req.method === 'POST' && url.pathname === '/courses/1/lineitems') {
        if (!scopes.includes('https://purl.imsglobal.org/spec/lti-ags/scope/lineitem'))
          return send(res, 403, { error: 'insufficient_scope' });
        if (req.headers['content-type'] !== 'application/vnd.ims.lis.v2.lineitem+json')
          return send(res, 415, { error: 'wrong content type' });
        const item = JSON.parse(body) as Record<string, unknown>;
        if (typeof item.label !== 'string' || !item.label || typeof item.scoreMaximum !== 'number' || !(item.scoreMaximum > 0))
          return send(res, 400, { error: 'a line item needs a label and a positive scoreMaximum' });
        const created = {
          id: this.lineItemUrl(`created-${randomUUID().slice(0, 8)}`),
          label: item.label,
          scoreMaximum: item.scoreMaximum,
          ...(typeof item.resourceId === 'string' ? { resourceId: item.resourceId } : {}),
          ...(typeof item.resourceLinkId === 'string' ? { resourceLinkId: item.resourceLinkId } : {}),
          ...(typeof item.tag === 'string' ? { tag: item.tag } : {}),
        };
        this.lineItems.push(created);
        return send(res, 201, created, {}, 'application/vnd.ims.lis.v2.lineitem+json');
      }
      const score = /^\/courses\/1\/lineitems\/([^/]+)\/scores$/.exec(url.pathname);
      if (req.method === 'POST' && score) {
        if (!scopes.includes('https://purl.imsglobal.org/spec/lti-ags/scope/score')) return send(res, 403, { error: 'insufficient_scope' });
        if (req.headers['content-type'] !== 'application/vnd.ims.lis.v1.score+json') return send(res, 415, { error: 'wrong content type' });
        const failure = this.failScores.shift();
        if (failure) return send(res, failure, { error: 'injected failure' });
        this.scores.push({
          lineItem: decodeURIComponent(score[1]!),
          body: JSON.parse(body) as Record<string, unknown>,
          token: req.headers.authorization!,
        });
        return send(res, 200, {});
      }
      if (req.method === 'GET' && url.pathname === '/courses/1/memberships') {
        if (!scopes.includes('https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly'))
          return send(res, 403, { error: 'insufficient_scope' });
        const page = Number(url.searchParams.get('page') ?? '0');
        const slice = this.members.slice(page * this.membersPerPage, (page + 1) * this.membersPerPage);
        const more = (page + 1) * this.membersPerPage < this.members.length;
        const headers: Record<string, string> = more ? { Link: `<${this.membershipsUrl}?page=${page + 1}>; rel="next"` } : {};
        return send(res, 200, { id: this.membershipsUrl, context: { id: 'course-1' }, members: slice }, headers);
      }
    }
    send(res, 404, { error: `no ${req.method} ${url.pathname}` });
  }

  /**
   * A link in the simulated LMS: `/start/<hint>` begins the OIDC login at the tool (third-party initiated) for a user
   * whose id_token will carry `claims` (over the default launch). Returns the link to open in the browser.
   */
  launchLink(toolBaseUrl: string, claims: Record<string, unknown>): string {
    const hint = randomUUID();
    this.launches.set(hint, { ...claims, __tool: toolBaseUrl });
    return `${this.url}/start/${hint}`;
  }

  private startLaunch(res: ServerResponse, hint: string): void {
    const launch = this.launches.get(hint);
    if (!launch) return send(res, 404, { error: 'no such launch' });
    const tool = String(launch.__tool);
    const login = new URL(`${tool}/api/lti/login`);
    login.search = new URLSearchParams({
      iss: this.issuer,
      login_hint: hint,
      target_link_uri: `${tool}/api/lti/launch`,
      client_id: this.clientId,
      lti_deployment_id: this.deploymentId,
    }).toString();
    res.writeHead(302, { Location: login.toString() });
    res.end();
  }

  /** The authorisation endpoint: checks the tool's request and form-posts the id_token back (as an LMS page does). */
  private async authorize(res: ServerResponse, query: URLSearchParams): Promise<void> {
    const launch = this.launches.get(query.get('login_hint') ?? '');
    const problems = [
      query.get('client_id') !== this.clientId && 'client_id',
      query.get('response_type') !== 'id_token' && 'response_type',
      query.get('response_mode') !== 'form_post' && 'response_mode',
      query.get('scope') !== 'openid' && 'scope',
      !query.get('nonce') && 'nonce',
      !query.get('state') && 'state',
      !launch && 'login_hint',
      launch && query.get('redirect_uri') !== `${String(launch.__tool)}/api/lti/launch` && 'redirect_uri',
    ].filter(Boolean);
    if (problems.length > 0 || !launch) return send(res, 400, { error: 'invalid_request', problems });
    const { __tool, ...claims } = launch;
    // The id_token's target_link_uri is the one the login named (as a platform does), unless the launch sets another.
    const token = await this.idToken(query.get('nonce')!, {
      'https://purl.imsglobal.org/spec/lti/claim/target_link_uri': `${String(__tool)}/api/lti/launch`,
      ...claims,
    });
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><title>Simulated LMS</title></head><body>
<form id="launch" method="post" action="${escape(query.get('redirect_uri')!)}">
<input type="hidden" name="id_token" value="${escape(token)}"><input type="hidden" name="state" value="${escape(query.get('state')!)}">
<button type="submit">Continue to the tool</button></form>
<script>document.getElementById('launch').submit();</script></body></html>`);
  }

  private async deepLinkReturn(res: ServerResponse, form: URLSearchParams): Promise<void> {
    try {
      const { payload } = await jwtVerify(form.get('JWT') ?? '', createLocalJWKSet(await this.toolJwks()), {
        issuer: this.clientId,
        audience: this.issuer,
      });
      this.deepLinkResponses.push(payload);
    } catch (error) {
      return send(res, 400, { error: (error as Error).message });
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><html lang="en"><head><title>Simulated LMS</title></head><body><h1>Items added</h1></body></html>');
  }

  private async token(res: ServerResponse, form: URLSearchParams): Promise<void> {
    if (form.get('grant_type') !== 'client_credentials') return send(res, 400, { error: 'unsupported_grant_type' });
    if (form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer')
      return send(res, 400, { error: 'invalid_client', error_description: 'client_assertion_type' });
    const assertion = form.get('client_assertion') ?? '';
    try {
      const { payload } = await jwtVerify(assertion, createLocalJWKSet(await this.toolJwks()), {
        issuer: this.clientId,
        subject: this.clientId,
        audience: this.tokenUrl,
        algorithms: ['RS256'],
      });
      if (!payload.jti || this.assertionsSeen.has(payload.jti)) throw new Error('jti missing or reused');
      this.assertionsSeen.add(payload.jti);
    } catch (error) {
      return send(res, 401, { error: 'invalid_client', error_description: (error as Error).message });
    }
    const token = randomUUID();
    const scope = form.get('scope') ?? '';
    this.tokens.set(token, { scopes: scope.split(' '), expiresAt: Date.now() + this.tokenLifetimeSeconds * 1000 });
    this.tokensIssued.push({ scope, token });
    send(res, 200, { access_token: token, token_type: 'Bearer', expires_in: this.tokenLifetimeSeconds, scope });
  }

  private bearer(req: IncomingMessage): string[] | null {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const known = token ? this.tokens.get(token) : undefined;
    return known && known.expiresAt > Date.now() ? known.scopes : null;
  }

  /** Ends every token it issued (the next service call gets a 401). */
  revokeTokens(): void {
    this.tokens.clear();
  }
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}, type = 'application/json'): void {
  res.writeHead(status, { 'Content-Type': type, ...headers });
  res.end(JSON.stringify(body));
}
