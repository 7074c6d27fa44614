import { z } from 'zod';

/** An endpoint of a platform: https, or http on this machine (a local test platform). */
const endpoint = (what: string) =>
  z
    .string({ error: `${what} is missing` })
    .trim()
    .max(2000, `${what} is at most 2000 characters`)
    .refine((value) => URL.canParse(value), `${what} is not a URL`)
    .refine((value) => {
      if (!URL.canParse(value)) return true; // the check above names it
      const url = new URL(value);
      return url.protocol === 'https:' || (url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname));
    }, `${what} must be an https:// URL (http:// only for localhost)`);

/** A platform registration as an administrator gives it (the admin page's JSON, the CLI's flags). */
export const platformInput = z
  .object({
    name: z.string().trim().max(200, 'the name is at most 200 characters').optional(),
    issuer: endpoint('the issuer'),
    clientId: z.string({ error: 'the client id is missing' }).trim().min(1, 'the client id is empty').max(500),
    deploymentIds: z
      .array(z.string().trim().min(1, 'a deployment id is empty').max(500), { error: 'the deployment ids are missing' })
      .min(1, 'give at least one deployment id'),
    authUrl: endpoint('the authorisation URL'),
    tokenUrl: endpoint('the token URL'),
    jwksUrl: endpoint('the JWKS URL'),
  })
  .strict();

export type PlatformInput = z.infer<typeof platformInput>;

/** The registration to store (an empty name: the stored one, or the issuer's host for a new registration). */
export function platformRow(input: PlatformInput) {
  const { name, ...rest } = input;
  return { ...rest, ...(name ? { name } : {}) };
}

/** The first problem with a registration, as one sentence naming the field (or, from the CLI, its flag). */
export function platformProblem(error: z.ZodError, names: Partial<Record<string, string>> = {}): string {
  const issue = error.issues[0]!;
  const field = String(issue.path[0] ?? '');
  return issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : `${names[field] ?? field}: ${issue.message}`;
}

/**
 * Canvas's developer key JSON ("Enter URL" or paste, Admin → Developer Keys → + LTI Key): the login, launch and JWKS
 * URLs, the AGS and NRPS scopes, deep linking from the assignment and link selection placements, and the course
 * navigation link, opened in a new tab (Deltalab's pages are not framed).
 */
export function canvasConfig(baseUrl: string) {
  const launch = `${baseUrl}/api/lti/launch`;
  return {
    title: 'Deltalab',
    description: 'Auto-graded exercises on feed-forward networks: numeric answers, formulas and code, graded on the server.',
    oidc_initiation_url: `${baseUrl}/api/lti/login`,
    target_link_uri: launch,
    public_jwk_url: `${baseUrl}/api/lti/jwks`,
    scopes: [
      'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
      'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly',
      'https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly',
      'https://purl.imsglobal.org/spec/lti-ags/scope/score',
      'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly',
    ],
    extensions: [
      {
        domain: new URL(baseUrl).host,
        tool_id: 'deltalab',
        platform: 'canvas.instructure.com',
        privacy_level: 'public',
        settings: {
          text: 'Deltalab',
          placements: [
            {
              placement: 'assignment_selection',
              message_type: 'LtiDeepLinkingRequest',
              target_link_uri: launch,
              text: 'Deltalab exercise',
            },
            { placement: 'link_selection', message_type: 'LtiDeepLinkingRequest', target_link_uri: launch, text: 'Deltalab exercise' },
            {
              placement: 'course_navigation',
              message_type: 'LtiResourceLinkRequest',
              target_link_uri: launch,
              text: 'Deltalab',
              windowTarget: '_blank',
              default: 'enabled',
            },
          ],
        },
      },
    ],
    custom_fields: {},
  };
}
