import { apiSignIn, apiSignInAdmin, demo, expect, test } from '../fixtures';
import { startServer, type RunningServer } from '../server';
import { startSmtpServer } from '@deltalab/web/test';

/**
 * Issue 18: accounts on a server of their own. With SMTP_URL, reset links and invitations go by email (to a real SMTP
 * server this test starts), and nobody else sees them; a password change ends the account's other sessions, "sign
 * out everywhere" all of them. A database holding the demo accounts where no demo is wanted warns at every start,
 * naming `npm run admin -- remove-demo`, which removes them.
 */
const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
const database = () =>
  test.info().project.name === 'postgres'
    ? { kind: 'postgres' as const, url: process.env.TEST_DATABASE_URL! }
    : { kind: 'pglite' as const };

test('with SMTP_URL, links go by email; a password change and "sign out everywhere" end the other sessions', async ({
  playwright,
  browser,
}) => {
  test.setTimeout(300_000);
  const smtp = await startSmtpServer();
  let server: RunningServer | undefined;
  try {
    server = await startServer(`smtp-${test.info().workerIndex}`, database(), (baseURL) => ({ SMTP_URL: smtp.url, NEXTAUTH_URL: baseURL }));
    const { baseURL } = server;
    const linkIn = (text: string) => new RegExp(`${baseURL}/\\S+`).exec(text)?.[0] ?? '';

    // A student with a session in a browser and one through the API.
    const email = `mail-${stamp()}@example.com`;
    const browserSession = await browser.newContext({ baseURL });
    const page = await browserSession.newPage();
    await page.goto('/signup');
    await page.getByLabel('Name').fill('Mai Mail');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(demo.password);
    await page.getByLabel('Course join code').fill(demo.joinCode);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page).toHaveURL(/\/course$/);
    const phone = await playwright.request.newContext({ baseURL });
    await apiSignIn(phone, email);
    expect((await phone.get('/api/exercises')).status()).toBe(200);

    // Change the password in the browser: a wrong current one is refused; then the phone's session ends, this one goes on.
    await page.goto('/account');
    await page.getByLabel('Current password').fill('not my password');
    await page.getByLabel('New password', { exact: true }).fill('a newer password');
    await page.getByLabel('New password again').fill('a newer password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByText('This is not your current password')).toBeVisible();
    await page.getByLabel('Current password').fill(demo.password);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByText('Password changed. Every other session of this account has ended.')).toBeVisible();
    expect((await phone.get('/api/exercises')).status()).toBe(401);
    await page.goto('/course');
    await expect(page.getByRole('heading', { level: 1, name: demo.courseTitle })).toBeVisible();
    // next-auth's own session endpoint agrees.
    expect(((await (await phone.get('/api/auth/session')).json()) as { user?: unknown }).user).toBeUndefined();

    // Sign out everywhere: both end.
    await apiSignIn(phone, email, 'a newer password');
    await page.goto('/account');
    await page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await expect(page).toHaveURL(/\/signin\?signedOut=1/);
    expect((await phone.get('/api/exercises')).status()).toBe(401);
    await page.goto('/course');
    await expect(page).toHaveURL(/\/signin/);

    // An administrator's reset link goes to the student's mailbox, not to the administrator.
    const admin = await playwright.request.newContext({ baseURL });
    await apiSignInAdmin(admin, server);
    const found = (await (await admin.get(`/api/admin/users?q=${encodeURIComponent(email)}`)).json()) as { users: { id: string }[] };
    const issued = await admin.post(`/api/admin/users/${found.users[0]!.id}/reset-link`);
    expect(issued.status()).toBe(201);
    expect(await issued.json()).toMatchObject({ emailed: true, link: null, email });
    await expect.poll(() => smtp.to(email).length).toBe(1);
    const reset = smtp.to(email)[0]!;
    expect(reset.subject).toBe('Reset your Deltalab password');
    await page.goto(linkIn(reset.text));
    await page.getByLabel('New password', { exact: true }).fill('from the email');
    await page.getByLabel('New password again').fill('from the email');
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    await expect(page).toHaveURL(/\/course$/);

    // An invitation to the staff goes by email too; its link signs the new teaching assistant up.
    const instructor = await playwright.request.newContext({ baseURL });
    await apiSignIn(instructor, demo.instructor.email);
    const ta = `mail-ta-${stamp()}@example.com`;
    const invited = await instructor.post('/api/instructor/staff', { data: { email: ta, role: 'teaching-assistant' } });
    expect(await invited.json()).toMatchObject({ added: 'invitation', link: null, mailProblem: null });
    await expect.poll(() => smtp.to(ta).length).toBe(1);
    expect(smtp.to(ta)[0]!.text).toContain(`Ada Instructor added you to ${demo.courseTitle} as teaching assistant.`);
    const taPage = await (await browser.newContext({ baseURL })).newPage();
    await taPage.goto(linkIn(smtp.to(ta)[0]!.text));
    await taPage.getByLabel('Name').fill('Tom TA');
    await taPage.getByLabel('Password').fill(demo.password);
    await taPage.getByRole('button', { name: 'Create account' }).click();
    await expect(taPage).toHaveURL(/\/course$/);
    expect((await taPage.goto('/instructor/dashboard'))?.status()).toBe(200);
    for (const context of [phone, admin, instructor]) await context.dispose();
    await browserSession.close();
    await taPage.context().close();
  } finally {
    await server?.stop();
    await smtp.close();
  }
});

test('demo accounts where no demo is wanted: a warning at every start naming remove-demo, which removes them', async ({ playwright }) => {
  test.setTimeout(300_000);
  const server = await startServer(`demo-${test.info().workerIndex}`, database());
  try {
    const warning = 'Remove them with: npm run admin -- remove-demo';
    expect(server.log()).not.toContain(warning); // seeded as a demo: nothing to say
    await server.restart({ DELTALAB_DEMO: '0' });
    await expect.poll(() => server.log()).toContain(warning);
    expect(server.log()).toContain('This database holds the demo accounts (instructor@deltalab.test');
    const warnings = () => server.log().split(warning).length - 1;
    let removed = '';
    // The embedded database allows one process: the command runs while the server is stopped.
    await server.restart({ DELTALAB_DEMO: '0' }, 'graceful', async () => {
      removed = await server.admin(['remove-demo']);
    });
    expect(removed).toContain('✔ Removed 5 demo account(s).');
    expect(removed).toMatch(/Removed the demo course\(s\)|Kept, archived/);
    await new Promise((r) => setTimeout(r, 2000));
    expect(warnings()).toBe(1); // the second start said nothing
    const client = await playwright.request.newContext({ baseURL: server.baseURL });
    const csrf = ((await (await client.get('/api/auth/csrf')).json()) as { csrfToken: string }).csrfToken;
    const signIn = await client.post('/api/auth/callback/credentials', {
      form: { csrfToken: csrf, email: demo.instructor.email, password: demo.password, json: 'true' },
      maxRedirects: 0,
    });
    expect(decodeURIComponent(signIn.headers()['location'] ?? (await signIn.text()))).toContain('No account uses instructor@deltalab.test');
    await client.dispose();
  } finally {
    await server.stop();
  }
});
