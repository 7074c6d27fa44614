import 'server-only';
import { z } from 'zod';
import {
  deleteLtiPlatform,
  ltiPlatformUsage,
  selectLtiPlatformByIssuerAndClient,
  type Database,
  type LtiPlatform,
  type LtiPlatformUsage,
} from '@deltalab/db';

/** Which registration to remove (the admin page's JSON; the CLI's --issuer and --client-id), and the confirmation. */
export const removePlatformInput = z
  .object({
    issuer: z.string({ error: 'the issuer is missing' }).trim().min(1, 'the issuer is empty').max(2000),
    clientId: z.string({ error: 'the client id is missing' }).trim().min(1, 'the client id is empty').max(500),
    confirm: z.boolean({ error: 'confirm: true or false' }).optional(),
  })
  .strict();

/** A removal refused: no such registration (404), or not confirmed yet (409: the message says what would go). */
export class PlatformRemovalRefusal extends Error {
  constructor(
    message: string,
    readonly status: 404 | 409,
  ) {
    super(message);
  }
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What removing a registration does, in words: what goes, what stays, what launches then see. */
export function removalSummary(platform: LtiPlatform, usage: LtiPlatformUsage): string {
  const linked = usage.contexts.map((c) => `${c.title}${c.courseTitle ? ` → ${c.courseTitle}` : ' (not linked)'}`);
  return (
    `Removing ${platform.name} (issuer ${platform.issuer}, client id ${platform.clientId}) ends launches, grade passback and ` +
    `roster sync from it. Its ${plural(usage.contexts.length, 'LMS course')}${linked.length ? ` (${linked.join('; ')})` : ''} lose their link, with ` +
    `${plural(usage.lineItems, 'gradebook column')}, ${plural(usage.scores, 'passback record')} and ${plural(usage.identities, 'platform identity', 'platform identities')}. Deltalab's courses, members, submissions and grades stay. Launches from it will be refused ` +
    `("no platform is registered with the issuer"); registering it again starts its links afresh.`
  );
}

/**
 * Removes a platform registration once confirmed; unconfirmed, refuses with what it would remove (409), changing
 * nothing. Its LTI records go with it (by cascade); Deltalab's own data stays.
 */
export async function removePlatform(
  db: Database,
  which: { issuer: string; clientId: string },
  confirmed: boolean,
): Promise<{ platform: LtiPlatform; usage: LtiPlatformUsage; summary: string }> {
  const platform = await selectLtiPlatformByIssuerAndClient(db, which.issuer, which.clientId);
  if (!platform)
    throw new PlatformRemovalRefusal(
      `No platform is registered with the issuer "${which.issuer}" and client id "${which.clientId}": nothing was removed.`,
      404,
    );
  const usage = await ltiPlatformUsage(db, platform.id);
  const summary = removalSummary(platform, usage);
  if (!confirmed) throw new PlatformRemovalRefusal(`${summary} Nothing was removed yet: confirm to remove it.`, 409);
  await deleteLtiPlatform(db, platform.id);
  return { platform, usage, summary };
}
