import { decode, encode, type JWT } from 'next-auth/jwt';
import { expect, it } from 'vitest';
import { decodeSessionToken, encodeSessionToken } from '@/server/auth/sessionToken';

const secret = 'a-test-secret-of-enough-length';
const token: JWT = { sub: 'user-1', sv: 3, email: 'a@b.test', name: 'A' };

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
  expect(sessionCookie(jar({ 'next-auth.session-token': 'abc' }))).toEqual({ name: 'next-auth.session-token', value: 'abc' });
  expect(sessionCookie(jar({ '__Secure-next-auth.session-token': 'sec', 'next-auth.session-token': 'plain' }))).toEqual({
    name: '__Secure-next-auth.session-token',
    value: 'sec',
  });
  expect(sessionCookie(jar({ 'next-auth.session-token.0': 'ab', 'next-auth.session-token.1': 'cd' }))).toEqual({
    name: 'next-auth.session-token',
    value: 'abcd',
  });
  expect(sessionCookie(jar({ other: 'x' }))).toBeNull();
});

it('reads the session cookie from a Cookie header as Next parses one, for the requests Node answers without Next', async () => {
  const { cookiesOfHeader, sessionCookie } = await import('@/server/auth/session');
  const made = await encodeSessionToken({ token, secret });
  const whole = { name: 'next-auth.session-token', value: made };
  expect(sessionCookie(cookiesOfHeader(`theme=dark; next-auth.session-token=${made}; broken=%E0%A4%A`))).toEqual(whole);
  const [first, second] = [made.slice(0, 100), made.slice(100)];
  expect(sessionCookie(cookiesOfHeader(`next-auth.session-token.0=${first};next-auth.session-token.1=${second}`))).toEqual(whole);
  expect(sessionCookie(cookiesOfHeader(`next-auth.session-token=old; next-auth.session-token=${made}`))).toEqual(whole);
  expect(sessionCookie(cookiesOfHeader('theme=dark; broken=%E0%A4%A'))).toBeNull();
  expect(sessionCookie(cookiesOfHeader(undefined))).toBeNull();
});
