import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';

/**
 * The secret of a one-time link (password links, invitations): 32 random bytes, base64url. Only its SHA-256 is stored,
 * so a copy of the database opens no account.
 */
export function newSecret(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashSecret(token) };
}

export function hashSecret(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A link's secret as it appears in a URL: anything else is no link of ours, refused before any lookup. */
export const secretInput = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, 'This link is incomplete or mistyped: copy the whole link from the message.');
