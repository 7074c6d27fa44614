import { clearSignInFailures, recordSignInFailure, selectSignInBlockSeconds, type Database } from '@deltalab/db';

/**
 * Failed password sign-ins allowed per 15 minutes: few per account (guessing one student's password), many per
 * address (a lab or a campus NAT puts a whole class behind one address, and students mistype).
 */
const signInLimits = { windowSeconds: 15 * 60, perAccount: 8, perAddress: 100 } as const;

export interface SignInAttempt {
  email: string;
  /** The client's address as the nearest proxy saw it (clientAddress), or null when unknown. */
  address: string | null;
}

const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
const addressKey = (address: string) => `address:${address}`;

function keysOf({ email, address }: SignInAttempt) {
  return [
    ...(email.trim() ? [{ key: accountKey(email), limit: signInLimits.perAccount }] : []),
    ...(address ? [{ key: addressKey(address), limit: signInLimits.perAddress }] : []),
  ];
}

/** Seconds to wait before this account or address may try again, or 0 when it may try now. */
export function signInWaitSeconds(db: Database, attempt: SignInAttempt): Promise<number> {
  return selectSignInBlockSeconds(db, keysOf(attempt), signInLimits.windowSeconds);
}

/** Counts a failure against the account and the address; a success forgives the account's failures. */
export async function recordSignInAttempt(db: Database, attempt: SignInAttempt, succeeded: boolean): Promise<void> {
  if (succeeded) await clearSignInFailures(db, accountKey(attempt.email));
  else
    await recordSignInFailure(
      db,
      keysOf(attempt).map((k) => k.key),
      signInLimits.windowSeconds,
    );
}

/** Forgets an account's failed sign-ins (its password was just set through a link). */
export function forgiveAccountFailures(db: Database, email: string): Promise<void> {
  return clearSignInFailures(db, accountKey(email));
}

/**
 * The last X-Forwarded-For entry: the address that the nearest proxy saw (it appends it), or, with no proxy, the
 * socket's address, which Next sets there. Without a proxy a client can write its own header, so the per-address
 * limit only holds behind one (README: "Serving over HTTPS"); the per-account limit holds either way.
 */
export function clientAddress(headers: Headers): string | null {
  const entries = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  return entries.at(-1)?.slice(0, 64) ?? null;
}

/** "14 minutes" / "40 seconds": when the student may try again, in words. */
export function waitInWords(seconds: number): string {
  if (seconds >= 90) return `${Math.ceil(seconds / 60)} minutes`;
  return `${seconds} second${seconds === 1 ? '' : 's'}`;
}
