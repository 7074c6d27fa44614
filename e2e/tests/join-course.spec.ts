import postgres from 'postgres';
import { demo, expect, signUpStudent, test } from '../fixtures';

// Runs in the 'postgres' project only (playwright.config.ts): it needs the server's database to make an account
// without a course, as GitHub or Google sign-in does (every account made on the site itself joins with its code).
test.describe('joining a course (an account without one)', () => {
  test('sees a join form instead of exercises, gets a message for a wrong code, and joins with the right one', async ({
    page,
    server,
    snap,
  }) => {
    test.skip(!server.databaseUrl, 'needs the server’s own PostgreSQL database');
    const student = await signUpStudent(page, 'Oauth Student');
    const sql = postgres(server.databaseUrl!, { max: 1, onnotice: () => {} });
    try {
      const removed =
        await sql`delete from enrollments where user_id = (select id from users where email = ${student.email}) returning user_id`;
      expect(removed).toHaveLength(1);
    } finally {
      await sql.end();
    }

    await page.goto('/course');
    await expect(page.getByRole('heading', { level: 1, name: 'No course yet' })).toBeVisible();
    const form = page.getByRole('form', { name: 'Join a course' });
    const api = await page.request.get('/api/exercises');
    expect(api.status()).toBe(403);
    expect(await api.json()).toMatchObject({ error: { code: 'not-enrolled' } });
    await snap('an account without a course');

    await form.getByLabel('Course join code').fill('NOPE-123');
    await form.getByRole('button', { name: 'Join the course' }).click();
    await expect(form.getByRole('alert')).toHaveText('That join code does not match any course.');
    await expect(form.getByLabel('Course join code')).toHaveAccessibleDescription(
      'No course has the join code "NOPE-123". Check it with your instructor.',
    );
    await snap('a wrong join code');

    await form.getByLabel('Course join code').fill(demo.joinCode.toLowerCase());
    await form.getByRole('button', { name: 'Join the course' }).click();
    await expect(page.getByRole('heading', { level: 1, name: demo.courseTitle })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Forward pass through a 3-2-2 network' })).toBeVisible();
    expect((await page.request.get('/api/exercises')).status()).toBe(200);
    await snap('joined');
  });
});
