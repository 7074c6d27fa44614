import 'server-only';
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { Database, LtiPlatform } from '@deltalab/db';
import { claim } from './claims';
import { TOOL_KEY_ALG, toolSigningKey } from './keys';

/** One exercise picked for the LMS: a resource link that launches it, with a line item of its points. */
export interface PickedExercise {
  exerciseId: string;
  slug: string;
  title: string;
  maxPoints: number;
}

/** The line item's resourceId for a course resource (what grade passback matches line items by). */
export const resourceIdOf = (kind: 'exercise' | 'assessment', id: string) => `${kind}:${id}`;

/**
 * The LtiDeepLinkingResponse (Deep Linking 2.0 §4.2): a JWT signed with the tool's key, iss = our client id, aud =
 * the platform, echoing the request's deployment id and `data`, with one ltiResourceLink per exercise: it launches
 * /api/lti/launch with the custom parameter `exercise`, and asks the LMS for a line item (scoreMaximum = the course's
 * points for it, resourceId `exercise:<id>`).
 */
export async function deepLinkingResponse(
  db: Database,
  input: { platform: LtiPlatform; deploymentId: string; data: string | null; baseUrl: string; picked: PickedExercise[] },
): Promise<string> {
  const { kid, key } = await toolSigningKey(db);
  const contentItems = input.picked.map((e) => ({
    type: 'ltiResourceLink',
    title: e.title,
    url: `${input.baseUrl}/api/lti/launch`,
    custom: { exercise: e.slug },
    lineItem: { scoreMaximum: e.maxPoints, label: e.title, resourceId: resourceIdOf('exercise', e.exerciseId), tag: 'deltalab' },
  }));
  return new SignJWT({
    nonce: randomUUID(),
    [claim.deploymentId]: input.deploymentId,
    [claim.messageType]: 'LtiDeepLinkingResponse',
    [claim.version]: '1.3.0',
    [claim.dlContentItems]: contentItems,
    ...(input.data !== null ? { [claim.dlData]: input.data } : {}),
    [claim.dlMessage]: `Added ${contentItems.length} Deltalab exercise${contentItems.length === 1 ? '' : 's'}.`,
  })
    .setProtectedHeader({ alg: TOOL_KEY_ALG, kid, typ: 'JWT' })
    .setIssuer(input.platform.clientId)
    .setAudience(input.platform.issuer)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(key);
}
