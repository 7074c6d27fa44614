import type { APIRequestContext } from '@playwright/test';
import { apiSignIn, demo, expect, signUpStudent, test } from '../fixtures';

/**
 * Issue 12: password sign-ins are throttled per account (8 failures in 15 minutes) and per address (100), with 429,
 * Retry-After and a message saying when, through the API and on the sign-in page.
 */
async function attempt(api: APIRequestContext, email: string, password: string, address?: string) {
  const headers = address ? { 'X-Forwarded-For': address } : undefined;
  const { csrfToken } = (await (await api.get('/api/auth/csrf', { headers })).json()) as { csrfToken: string };
  return api.post('/api/auth/callback/credentials', { form: { csrfToken, email, password, json: 'true' }, headers, maxRedirects: 0 });
}

const errorOf = async (response: { json(): Promise<unknown> }) =>
  new URL(((await response.json()) as { url: string }).url).searchParams.get('error');

test.describe('sign-in throttling (issue 12)', () => {
  test('the ninth wrong password in 15 minutes is refused with 429 and Retry-After, the right one too, on the page as well', async ({
    page,
    browser,
    playwright,
    baseURL,
  }) => {
    const { email } = await signUpStudent(page, 'Forgetful Student');
    const api = await playwright.request.newContext({ baseURL });
    for (let i = 1; i <= 8; i++) {
      const wrong = await attempt(api, email, `wrong-${i}`);
      expect(wrong.status()).toBe(401);
      expect(await errorOf(wrong)).toBe('Wrong password for this account. Try again.');
    }
    const refused = await attempt(api, email, 'wrong-9');
    expect(refused.status()).toBe(429);
    const retryAfter = Number(refused.headers()['retry-after']);
    expect(retryAfter).toBeGreaterThan(800);
    expect(retryAfter).toBeLessThanOrEqual(900);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error).toEqual({
      code: 'rate-limited',
      message: 'Too many failed sign-ins for this account or from this network. Try again in 15 minutes.',
    });
    expect((await attempt(api, email, demo.password)).status(), 'the right password waits too').toBe(429);

    // The sign-in page shows the same message.
    const other = await browser.newPage({ baseURL });
    await other.goto('/signin');
    await other.getByLabel('Email').fill(email);
    await other.getByLabel('Password').fill(demo.password);
    await other.getByRole('button', { name: 'Sign in' }).click();
    await expect(other.getByRole('main').getByRole('alert')).toHaveText(
      'Too many failed sign-ins for this account or from this network. Try again in 15 minutes.',
    );
    await expect(other).toHaveURL(/\/signin/);
    await other.close();

    // Another account from the same address still signs in: 9 failures are far below the address's 100.
    await apiSignIn(api, demo.secondStudent.email);
    await api.dispose();
  });

  test('a hundred failures from one address block it for every account, and no other address', async ({ playwright, baseURL }) => {
    test.setTimeout(120_000);
    const api = await playwright.request.newContext({ baseURL });
    const lab = '198.51.100.23';
    for (let i = 0; i < 100; i++) {
      expect((await attempt(api, `nobody-${i}@example.com`, 'x', lab)).status()).toBe(401);
    }
    const refused = await attempt(api, demo.instructor.email, demo.password, lab);
    expect(refused.status()).toBe(429);
    expect(Number(refused.headers()['retry-after'])).toBeGreaterThan(800);
    const elsewhere = await attempt(api, demo.instructor.email, demo.password, '198.51.100.24');
    expect(elsewhere.status()).toBe(200);
    await api.dispose();
  });
});
