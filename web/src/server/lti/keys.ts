import 'server-only';
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type JWK, type KeyLike } from 'jose';
import { insertFirstLtiKey, listLtiKeys, rotateLtiKey, type Database } from '@deltalab/db';

/**
 * The tool's own RSA keys (RS256, 2048 bits), kept in the database (lti_keys): the newest active key signs deep-linking
 * responses and the client assertions of the AGS/NRPS token requests; every key not retired more than a day ago is
 * served at /api/lti/jwks, so tokens signed just before a rotation still verify. `npm run admin -- lti-rotate-key`
 * rotates. The first key is made on first use.
 */
export const TOOL_KEY_ALG = 'RS256';

async function newKeyPair(): Promise<{ kid: string; privateJwk: JWK; publicJwk: JWK }> {
  const { privateKey, publicKey } = await generateKeyPair(TOOL_KEY_ALG, { modulusLength: 2048, extractable: true });
  const kid = randomUUID();
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: TOOL_KEY_ALG, use: 'sig' };
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: TOOL_KEY_ALG, use: 'sig' };
  return { kid, privateJwk, publicJwk };
}

/** The signing key: the newest active one (made now if there is none). */
export async function toolSigningKey(db: Database): Promise<{ kid: string; key: KeyLike | Uint8Array }> {
  let active = (await listLtiKeys(db)).find((k) => !k.retiredAt);
  if (!active) {
    await insertFirstLtiKey(db, await newKeyPair());
    active = (await listLtiKeys(db)).find((k) => !k.retiredAt)!;
  }
  return { kid: active.kid, key: await importJWK(active.privateJwk as JWK, TOOL_KEY_ALG) };
}

/** The public JWKS (/api/lti/jwks): the active key and those retired within a day. */
export async function toolJwks(db: Database): Promise<{ keys: JWK[] }> {
  await toolSigningKey(db);
  return { keys: (await listLtiKeys(db)).map((k) => k.publicJwk as JWK) };
}

/** A new signing key; the old ones stop signing now and leave the JWKS a day later. Returns the new kid. */
export async function rotateToolKey(db: Database): Promise<{ kid: string; retired: number }> {
  const pair = await newKeyPair();
  const retired = await rotateLtiKey(db, pair);
  return { kid: pair.kid, retired };
}
