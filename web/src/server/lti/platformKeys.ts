import 'server-only';
import { createLocalJWKSet, errors, type JSONWebKeySet, type JWTHeaderParameters, type KeyLike, type FlattenedJWSInput } from 'jose';

/**
 * Each platform's public keys (its JWKS URL), cached in this process: fetched on first use, again after an hour, and
 * again at once when an id_token names a `kid` the cached set lacks (the platform rotated its keys). An unknown kid
 * refetches at most once every few seconds per URL, so a stream of forged tokens cannot make us hammer the platform.
 */
const MAX_AGE_MS = 3_600_000;
const UNKNOWN_KID_COOLDOWN_MS = 5_000;
const FETCH_TIMEOUT_MS = 5_000;

interface Cached {
  jwks: JSONWebKeySet;
  fetchedAt: number;
  /** When an unknown kid last made us refetch. */
  refetchedForKidAt: number;
}

const holder = globalThis as typeof globalThis & { __deltalabPlatformJwks?: Map<string, Cached> };
const cache = (holder.__deltalabPlatformJwks ??= new Map());

export class PlatformKeysError extends Error {
  constructor(
    message: string,
    readonly check: 'jwks' | 'kid',
  ) {
    super(message);
  }
}

async function fetchJwks(url: string): Promise<JSONWebKeySet> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), headers: { Accept: 'application/json' } });
  } catch (error) {
    throw new PlatformKeysError(`The platform's public keys could not be fetched from ${url} (${(error as Error).message}).`, 'jwks');
  }
  if (!response.ok) throw new PlatformKeysError(`The platform's public keys at ${url} answered ${response.status}.`, 'jwks');
  const body = (await response.json().catch(() => null)) as JSONWebKeySet | null;
  if (!body || !Array.isArray(body.keys)) throw new PlatformKeysError(`The platform's public keys at ${url} are not a JWKS.`, 'jwks');
  return body;
}

/** How many times each URL was fetched (tests: a cached launch fetches nothing). */
export const jwksFetchCount = new Map<string, number>();

async function load(url: string, reason: 'first' | 'stale' | 'kid'): Promise<Cached> {
  const jwks = await fetchJwks(url);
  jwksFetchCount.set(url, (jwksFetchCount.get(url) ?? 0) + 1);
  const previous = cache.get(url);
  const entry = { jwks, fetchedAt: Date.now(), refetchedForKidAt: reason === 'kid' ? Date.now() : (previous?.refetchedForKidAt ?? 0) };
  cache.set(url, entry);
  return entry;
}

/** A jose key getter for `jwtVerify` over the platform's JWKS at `url`, refetching on an unknown kid. */
export function platformKeyGetter(url: string) {
  return async (header: JWTHeaderParameters, token: FlattenedJWSInput): Promise<KeyLike | Uint8Array> => {
    let entry = cache.get(url);
    if (!entry) entry = await load(url, 'first');
    else if (Date.now() - entry.fetchedAt > MAX_AGE_MS) entry = await load(url, 'stale');
    try {
      return await createLocalJWKSet(entry.jwks)(header, token);
    } catch (error) {
      if (!(error instanceof errors.JWKSNoMatchingKey)) throw error;
      if (Date.now() - entry.refetchedForKidAt < UNKNOWN_KID_COOLDOWN_MS)
        throw new PlatformKeysError(`No key of the platform has the id (kid) "${header.kid ?? '(none)'}".`, 'kid');
      entry = await load(url, 'kid');
      try {
        return await createLocalJWKSet(entry.jwks)(header, token);
      } catch (again) {
        if (again instanceof errors.JWKSNoMatchingKey)
          throw new PlatformKeysError(
            `No key of the platform has the id (kid) "${header.kid ?? '(none)'}", even after fetching its keys again.`,
            'kid',
          );
        throw again;
      }
    }
  };
}

/** Tests: forget every cached JWKS. */
export function clearPlatformKeyCache(): void {
  cache.clear();
  jwksFetchCount.clear();
}
