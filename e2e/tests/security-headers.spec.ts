import { demo, expect, signIn, test } from '../fixtures';
import { startServer } from '../server';

/**
 * Issue 12: security headers on every response, a nonce-based Content-Security-Policy on every page that still lets
 * Monaco, the tfjs workers and WASM run (the page fixture fails any test that meets a violation), and secure cookies
 * behind an HTTPS proxy.
 */
const everywhere = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

test.describe('security headers (issue 12)', () => {
  test('pages carry a nonce policy; API answers and static files the common headers', async ({ page, request }) => {
    const signin = await request.get('/signin');
    expect(signin.headers()).toMatchObject(everywhere);
    const policy = signin.headers()['content-security-policy'] ?? '';
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1];
    expect(nonce, policy).toBeTruthy();
    expect(policy).toContain("'strict-dynamic'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    // Every script of the page carries this response's nonce, and the next response has another.
    const html = await signin.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    const again = (await request.get('/signin')).headers()['content-security-policy'];
    expect(again).not.toContain(nonce!);

    const api = await request.get('/api/exercises');
    expect(api.status()).toBe(401);
    expect(api.headers()).toMatchObject({ ...everywhere, 'content-security-policy': "default-src 'none'; frame-ancestors 'none'" });
    const asset = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeTruthy();
    expect((await request.get(asset!)).headers()).toMatchObject(everywhere);

    // The pages themselves load with no violation (checked by the page fixture).
    await signIn(page, demo.student.email);
  });

  test('an injected inline event handler is refused and reported as a violation (what the page fixture fails a test on)', async ({
    browser,
    baseURL,
  }) => {
    // A page of its own, outside the fixture, since this test makes the violation on purpose.
    const page = await browser.newPage({ baseURL });
    const reported: string[] = [];
    page.on('console', (message) => reported.push(message.text()));
    await page.goto('/signin');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    // Markup a student could try to smuggle in: an inline event handler.
    await page.evaluate(() => {
      document.body.insertAdjacentHTML('beforeend', '<img src="/no-such-image" onerror="window.injected = true">');
    });
    await expect
      .poll(() => reported.some((text) => /inline event handler violates the following Content Security Policy/.test(text)))
      .toBe(true);
    expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected ?? false)).toBe(false);
    await page.close();
  });

  test('Monaco, Run in its worker and the WASM backend work under the policy', async ({ page }) => {
    test.setTimeout(180_000);
    await signIn(page, demo.secondStudent.email);
    await page.getByRole('link', { name: 'Code the forward pass' }).click();
    await expect(page.getByRole('textbox', { name: 'Code editor' })).toBeAttached({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Run' }).click();
    await expect(page.getByRole('region', { name: /Run in your browser/ }).getByRole('heading')).toHaveText(/sample cases pass/, {
      timeout: 60_000,
    });
    await page.goto('/exercises/gradient-descent-tf-code');
    await expect(page.getByRole('textbox', { name: 'Code editor' })).toBeAttached({ timeout: 30_000 });
    await page.getByLabel('TensorFlow.js backend for Run').selectOption('wasm');
    await page.getByRole('button', { name: 'Run' }).click();
    const run = page.getByRole('region', { name: /Run in your browser/ });
    await expect(run.getByTestId('tf-backend')).toContainText(/ran on wasm/, { timeout: 120_000 });
  });

  test('behind an HTTPS proxy the session cookie is Secure and __Secure- prefixed, and pages send HSTS', async ({ playwright }) => {
    test.setTimeout(150_000);
    const server = await startServer('https-proxy', undefined, { NEXTAUTH_URL: 'https://course.example.edu' });
    try {
      // What a TLS-terminating proxy forwards: plain http inside, the public https origin in the headers.
      const api = await playwright.request.newContext({
        baseURL: server.baseURL,
        extraHTTPHeaders: { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'course.example.edu' },
      });
      const page = await api.get('/signin');
      expect(page.headers()['strict-transport-security']).toBe('max-age=15552000; includeSubDomains');
      // The cookie jar would not send a Secure cookie back over the plain http inside the proxy: send it by hand.
      const csrf = await api.get('/api/auth/csrf');
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const csrfCookie = csrf.headersArray().find((h) => h.name.toLowerCase() === 'set-cookie' && h.value.includes('csrf-token='))!.value;
      expect(csrfCookie).toMatch(/^__Host-next-auth\.csrf-token=.*;\s*Secure/i);
      const signedIn = await api.post('/api/auth/callback/credentials', {
        form: { csrfToken, email: demo.student.email, password: demo.password, json: 'true' },
        headers: { Cookie: csrfCookie.split(';')[0]! },
        maxRedirects: 0,
      });
      const cookies = signedIn
        .headersArray()
        .filter((h) => h.name.toLowerCase() === 'set-cookie')
        .map((h) => h.value);
      const session = cookies.find((c) => c.includes('session-token='));
      expect(session, cookies.join('\n')).toMatch(/^__Secure-next-auth\.session-token=/);
      expect(session).toMatch(/;\s*Secure/i);
      expect(session).toMatch(/;\s*HttpOnly/i);
      expect(session).toMatch(/;\s*SameSite=Lax/i);
      await api.dispose();
    } finally {
      await server.stop();
    }
  });
});
