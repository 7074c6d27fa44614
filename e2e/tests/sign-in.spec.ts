import { demo, expect, signIn, test } from '../fixtures';

test.describe('sign-in', () => {
  test('a wrong password and an unknown email each get their own message', async ({ page, snap }) => {
    await page.goto('/signin');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await snap('sign-in page');

    await page.getByLabel('Email').fill(demo.student.email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('Wrong password for this account. Try again.');
    await expect(page).toHaveURL(/\/signin/);
    await snap('wrong password');

    await page.getByLabel('Email').fill('nobody@deltalab.test');
    await page.getByLabel('Password').fill(demo.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('main').getByRole('alert')).toHaveText(
      'No account uses nobody@deltalab.test. Check the address or sign up.',
    );
    await snap('unknown email');

    await page.getByLabel('Email').fill('not-an-email');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('Enter a valid email address');
    await snap('malformed email');
  });

  test('the demo student signs in, sees the course page, and signs out', async ({ page, snap }) => {
    await signIn(page, demo.student.email);
    await expect(page.getByRole('link', { name: 'Code the forward pass' })).toBeVisible();
    await expect(page.getByText(/\d+ of \d+ exercises solved/)).toBeVisible();
    await snap('course page');

    await page.getByLabel(`Account menu for ${demo.student.name}`).click();
    await expect(page.getByText(`Role in ${demo.courseTitle}: student`)).toBeVisible();
    await snap('account menu');
    await page.getByRole('link', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sign out' })).toBeVisible();
    await expect(page.getByText(`You are signed in as ${demo.student.email}.`)).toBeVisible();
    await snap('sign-out page');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('status')).toHaveText('You are signed out.');
    await page.goto('/course');
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fcourse/);
    await snap('course page after sign-out redirects to sign-in');
  });

  test('a student who opens an instructor page gets a 403 page with a message', async ({ page, snap }) => {
    await signIn(page, demo.student.email);
    await expect(page.getByRole('link', { name: 'Instructor' })).toHaveCount(0);
    const response = await page.goto('/instructor');
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: '403 — Not allowed' })).toBeVisible();
    await expect(page.getByText('it is for the staff of your current course, or for administrators')).toBeVisible();
    await snap('instructor page as a student');
  });

  test('the instructor sees the instructor page with the join code', async ({ page, snap }) => {
    await signIn(page, demo.instructor.email);
    await page.getByRole('link', { name: 'Instructor' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Instructor' })).toBeVisible();
    await expect(page.getByText(demo.joinCode)).toBeVisible();
    await snap('instructor page');
  });
});

test.describe('sign-up', () => {
  const fill = async (
    page: import('@playwright/test').Page,
    values: { name: string; email: string; password: string; joinCode: string },
  ) => {
    await page.getByLabel('Name').fill(values.name);
    await page.getByLabel('Email').fill(values.email);
    await page.getByLabel('Password').fill(values.password);
    await page.getByLabel('Course join code').fill(values.joinCode);
    await page.getByRole('button', { name: 'Create account' }).click();
  };

  test('a malformed form, a wrong join code and a duplicate email get specific messages', async ({ page, snap }) => {
    await page.goto('/signup');
    await expect(page.getByRole('heading', { level: 1, name: 'Create your account' })).toBeVisible();
    await snap('sign-up page');

    await fill(page, { name: '', email: 'not-an-email', password: 'short', joinCode: '' });
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('Please correct the highlighted fields.');
    await expect(page.getByLabel('Name')).toHaveAccessibleDescription(/Enter your name/);
    await expect(page.getByLabel('Email')).toHaveAccessibleDescription(/Enter a valid email address, like name@example.com/);
    await expect(page.getByLabel('Password')).toHaveAccessibleDescription(/Password must be at least 8 characters/);
    await expect(page.getByLabel('Course join code')).toHaveAccessibleDescription(/Enter the join code your instructor gave you/);
    await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
    await snap('malformed form');

    await fill(page, { name: 'New Student', email: 'new.student@example.com', password: 'a-good-password', joinCode: 'WRONG-CODE' });
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('That join code does not match any course.');
    await expect(page.getByLabel('Course join code')).toHaveAccessibleDescription(/No course has the join code "WRONG-CODE"/);
    await snap('wrong join code');

    await fill(page, { name: 'Student Again', email: demo.student.email, password: 'a-good-password', joinCode: demo.joinCode });
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('That email is already registered.');
    await expect(page.getByLabel('Email')).toHaveAccessibleDescription(new RegExp(`An account with ${demo.student.email} already exists`));
    await snap('duplicate email');
  });

  test('sign-up with the right join code enrolls the student and signs them in', async ({ page, snap }) => {
    const email = `signup-${test.info().workerIndex}-${Date.now()}@example.com`;
    await page.goto('/signup?code=delta-ffn');
    await expect(page.getByLabel('Course join code')).toHaveValue('delta-ffn');
    // The join code is case-insensitive.
    await fill(page, { name: 'Grace Newcomer', email, password: 'a-good-password', joinCode: 'delta-ffn' });
    await expect(page).toHaveURL(/\/course$/);
    await expect(page.getByRole('heading', { level: 1, name: demo.courseTitle })).toBeVisible();
    await expect(page.getByText(/^0 of \d+ exercises solved$/)).toBeVisible();
    await expect(page.getByLabel('Account menu for Grace Newcomer')).toBeVisible();
    await snap('course page after sign-up');
  });
});
