import 'server-only';
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { Database, LtiPlatform } from '@deltalab/db';
import { claim } from './claims';
import { resourceIdOf, type GradedResource } from './gradedResources';
import { TOOL_KEY_ALG, toolSigningKey } from './keys';

/** A resource picked for the LMS: a resource link that launches it, with a line item of its points. */
export type PickedResource = Pick<GradedResource, 'kind' | 'id' | 'slug' | 'title' | 'maxPoints'>;

/**
 * The LtiDeepLinkingResponse (Deep Linking 2.0 §4.2): a JWT signed with the tool's key, iss = our client id, aud =
 * the platform, echoing the request's deployment id and `data`, with one ltiResourceLink per assessment or exercise:
 * it launches /api/lti/launch with the custom parameter `assessment` or `exercise` (its slug), and asks the LMS for a
 * line item (scoreMaximum = the course's points for it, resourceId `assessment:<id>` or `exercise:<id>`). An
 * assessment without points yet gets a link and no gradebook column.
 */
export async function deepLinkingResponse(
  db: Database,
  input: { platform: LtiPlatform; deploymentId: string; data: string | null; baseUrl: string; picked: PickedResource[] },
): Promise<string> {
  const { kid, key } = await toolSigningKey(db);
  const contentItems = input.picked.map((r) => ({
    type: 'ltiResourceLink',
    title: r.title,
    url: `${input.baseUrl}/api/lti/launch`,
    custom: { [r.kind]: r.slug },
    ...(r.maxPoints > 0
      ? { lineItem: { scoreMaximum: r.maxPoints, label: r.title, resourceId: resourceIdOf(r.kind, r.id), tag: 'deltalab' } }
      : {}),
  }));
  return new SignJWT({
    nonce: randomUUID(),
    [claim.deploymentId]: input.deploymentId,
    [claim.messageType]: 'LtiDeepLinkingResponse',
    [claim.version]: '1.3.0',
    [claim.dlContentItems]: contentItems,
    ...(input.data !== null ? { [claim.dlData]: input.data } : {}),
    [claim.dlMessage]: `Added ${contentItems.length} Deltalab item${contentItems.length === 1 ? '' : 's'}.`,
  })
    .setProtectedHeader({ alg: TOOL_KEY_ALG, kid, typ: 'JWT' })
    .setIssuer(input.platform.clientId)
    .setAudience(input.platform.issuer)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(key);
}
