import { decode, encode, type JWT } from 'next-auth/jwt';
import { expect, it } from 'vitest';
import { decodeSessionToken, encodeSessionToken } from '@/server/auth/sessionToken';

const secret = 'a-test-secret-of-enough-length';
const token: JWT = { sub: 'user-1', role: 'student', email: 'a@b.test', name: 'A' };

it("reads next-auth's own session tokens, and writes tokens next-auth reads", async () => {
  expect(await decodeSessionToken({ token: await encode({ token, secret }), secret })).toMatchObject(token);
  expect(await decode({ token: await encodeSessionToken({ token, secret }), secret })).toMatchObject(token);
  const ours = await decodeSessionToken({ token: await encodeSessionToken({ token, secret, maxAge: 60 }), secret });
  expect(Number(ours!.exp) - Number(ours!.iat)).toBe(60);
});

it('refuses a token made with another secret, or tampered with', async () => {
  const made = await encodeSessionToken({ token, secret });
  await expect(decodeSessionToken({ token: made, secret: `${secret}-other` })).rejects.toThrow();
  const parts = made.split('.');
  parts[3] = parts[3]!.slice(0, -2) + (parts[3]!.endsWith('AA') ? 'BB' : 'AA');
  await expect(decodeSessionToken({ token: parts.join('.'), secret })).rejects.toThrow();
  expect(await decodeSessionToken({ token: undefined, secret })).toBeNull();
});

it("finds next-auth's session cookie by either name, whole or in chunks", async () => {
  const { sessionCookie } = await import('@/server/auth/session');
  const jar = (cookies: Record<string, string>) => ({ get: (name: string) => (name in cookies ? { value: cookies[name]! } : undefined) });
  expect(sessionCookie(jar({ 'next-auth.session-token': 'abc' }))).toBe('abc');
  expect(sessionCookie(jar({ '__Secure-next-auth.session-token': 'sec', 'next-auth.session-token': 'plain' }))).toBe('sec');
  expect(sessionCookie(jar({ 'next-auth.session-token.0': 'ab', 'next-auth.session-token.1': 'cd' }))).toBe('abcd');
  expect(sessionCookie(jar({ other: 'x' }))).toBeNull();
});

it('maps a decoded token to the session user the way the session callback does', async () => {
  const { sessionUserFromToken } = await import('@/server/auth/options');
  const decoded = await decodeSessionToken({ token: await encode({ token, secret }), secret });
  expect(sessionUserFromToken(decoded!)).toEqual({ id: 'user-1', role: 'student', email: 'a@b.test', name: 'A' });
  expect(sessionUserFromToken({})).toEqual({ id: '', role: 'student', email: '', name: '' });
});

it('reads the session from a Cookie header as Next parses one, for the requests Node answers without Next', async () => {
  const { sessionUserFromCookieHeader } = await import('@/server/auth/session');
  const { getAuthOptions } = await import('@/server/auth/options');
  const made = await encodeSessionToken({ token, secret: getAuthOptions().secret! });
  const user = { id: 'user-1', role: 'student', email: 'a@b.test', name: 'A' };
  expect(await sessionUserFromCookieHeader(`theme=dark; next-auth.session-token=${made}; broken=%E0%A4%A`)).toEqual(user);
  const [first, second] = [made.slice(0, 100), made.slice(100)];
  expect(await sessionUserFromCookieHeader(`next-auth.session-token.0=${first};next-auth.session-token.1=${second}`)).toEqual(user);
  expect(await sessionUserFromCookieHeader(`next-auth.session-token=${made.slice(0, -3)}xyz`)).toBeNull();
  expect(await sessionUserFromCookieHeader('theme=dark')).toBeNull();
  expect(await sessionUserFromCookieHeader(undefined)).toBeNull();
});
