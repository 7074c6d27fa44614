import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { adminLinkToken } from '../server';
import { demo, e2eAdmin, expect, signIn, signUpStudent, test } from '../fixtures';

/**
 * Issue 18 in a real browser: the instructor's staff page (a teaching assistant added, invited, promoted, removed; the
 * last instructor kept), the roster (a CSV import refused with its line number, then taken whole; sections as a
 * dashboard filter; drop and restore; a reset link; the test student's view), and the administrators' pages.
 */
const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

/** Signs a fresh browser page in as the test administrator: through the one-time link the first time. */
async function adminPage(page: Page, dataDir: string): Promise<void> {
  await page.goto(`/password?token=${adminLinkToken(dataDir)}`);
  if (await page.getByLabel('New password again').isVisible()) {
    await page.getByLabel('New password', { exact: true }).fill(demo.password);
    await page.getByLabel('New password again').fill(demo.password);
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    // An administrator in no course starts on the users page.
    await expect(page).toHaveURL(/\/admin\/users$/);
  } else {
    await expect(page.getByText(/already used/)).toBeVisible();
    await page.goto('/signin');
    await page.getByLabel('Email').fill(e2eAdmin.email);
    await page.getByLabel('Password').fill(demo.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/course$/);
  }
}

test('the staff page adds a teaching assistant, invites one who signs up through the link, changes roles and keeps an instructor', async ({
  page,
  browser,
  baseURL,
  snap,
}) => {
  test.setTimeout(180_000);
  // Someone with an account (a student of the other course) and someone without one.
  const existing = await browser.newPage({ baseURL });
  await existing.goto('/signup');
  const existingEmail = `ta-existing-${stamp()}@example.com`;
  await existing.getByLabel('Name').fill('Tess Existing');
  await existing.getByLabel('Email').fill(existingEmail);
  await existing.getByLabel('Password').fill(demo.password);
  await existing.getByLabel('Course join code').fill('SANDBOX-1');
  await existing.getByRole('button', { name: 'Create account' }).click();
  await expect(existing).toHaveURL(/\/course$/);

  await signIn(page, demo.instructor.email);
  await page.goto('/instructor/staff');
  await expect(page.getByRole('heading', { name: 'Staff', level: 1 })).toBeVisible();
  await expect(page.getByText('Teaching assistants can')).toContainText('see its dashboards');
  await page.getByLabel('Email').fill(existingEmail);
  await page.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByTestId('staff-status')).toHaveText('Tess Existing is now on the staff.');
  await expect(page.getByRole('table', { name: 'Staff' })).toContainText('Tess Existing');

  // Bad input: a malformed address, a duplicate, the course's own instructor.
  await page.getByLabel('Email').fill('not an email');
  await page.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByTestId('staff-status')).toHaveText('Please correct the highlighted fields.');
  await expect(page.getByText('Enter a valid email address, like name@example.com')).toBeVisible();
  await page.getByLabel('Email').fill(existingEmail);
  await page.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByTestId('staff-status')).toHaveText(`${existingEmail} is already teaching assistant of ${demo.courseTitle}.`);

  // Someone without an account: an invitation, its link shown once (this site sends no email).
  const newEmail = `ta-new-${stamp()}@example.com`;
  await page.getByLabel('Email').fill(newEmail);
  await page.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByTestId('staff-status')).toContainText(`${newEmail} has no account yet: they are invited.`);
  const link = await page.getByLabel('Invitation link.').inputValue();
  expect(link).toMatch(/\/invitation\?token=[\w-]{43}$/);
  await expect(page.getByRole('heading', { name: 'Invited, no account yet' })).toBeVisible();
  await snap('staff page with a pending invitation');

  const invitee = await browser.newPage({ baseURL });
  await invitee.goto(link);
  await expect(invitee.getByText(`${newEmail} is invited as teaching assistant of ${demo.courseTitle}.`)).toBeVisible();
  await expect(invitee.getByLabel('Email')).toHaveValue(newEmail);
  await expect(invitee.getByLabel('Course join code')).toHaveCount(0);
  await invitee.getByLabel('Name').fill('Nina New');
  await invitee.getByLabel('Password').fill(demo.password);
  await invitee.getByRole('button', { name: 'Create account' }).click();
  await expect(invitee).toHaveURL(/\/course$/);
  // A teaching assistant: the dashboard, not the course's settings or the staff page.
  await invitee.goto('/instructor');
  await expect(invitee.getByText('Only an instructor of this course can change them.')).toBeVisible();
  await expect(invitee.getByRole('navigation', { name: 'Instructor' }).getByRole('link', { name: 'Dashboard' })).toBeVisible();
  await expect(invitee.getByRole('navigation', { name: 'Instructor' }).getByRole('link', { name: 'Staff' })).toHaveCount(0);
  expect((await invitee.goto('/instructor/staff'))?.status()).toBe(403);
  expect((await invitee.goto('/instructor/dashboard'))?.status()).toBe(200);

  await page.reload();
  // Taken up: no longer pending (other specs running beside this one may leave invitations of their own there).
  await expect(page.locator('section[aria-labelledby="pending-heading"]').getByText(newEmail)).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Staff' })).toContainText('Nina New');
  // The last instructor cannot step down or leave.
  await page.getByLabel('Role of Ada Instructor').selectOption('teaching-assistant');
  await expect(page.getByText(/This is the only instructor of .*: make someone else instructor first/)).toBeVisible();
  // Promote Nina, then Ada may step down; back again, and Nina leaves.
  await page.getByLabel('Role of Nina New').selectOption('instructor');
  await expect(page.getByText('Nina New is now instructor.')).toBeVisible();
  await page.reload();
  await page.getByLabel('Role of Nina New').selectOption('teaching-assistant');
  await expect(page.getByText('Nina New is now teaching assistant.')).toBeVisible();
  const staff = page.getByRole('table', { name: 'Staff' });
  await page.getByRole('button', { name: 'Remove Nina New' }).click();
  await expect(staff).not.toContainText('Nina New');
  await page.getByRole('button', { name: 'Remove Tess Existing' }).click();
  await expect(staff).not.toContainText('Tess Existing');
  await page.reload();
  // Back to where it started (other specs on this worker's server may have added staff of their own).
  await expect(page.getByRole('table', { name: 'Staff' })).not.toContainText(/Nina New|Tess Existing/);
  await expect(page.getByLabel('Role of Ada Instructor')).toHaveValue('instructor');
  await snap('staff page back to its instructor');
  expect((await invitee.goto('/instructor/dashboard'))?.status()).toBe(403);
  await existing.close();
  await invitee.close();
});

test('the roster imports a CSV all or nothing, filters the dashboard by section, drops and restores, resets a password, and shows the course as a test student', async ({
  page,
  browser,
  baseURL,
  snap,
}, testInfo) => {
  test.setTimeout(240_000);
  const studentPage = await browser.newPage({ baseURL });
  const student = await signUpStudent(studentPage, `Rosa Roster ${stamp()}`);
  const invited = `roster-${stamp()}@example.com`;

  await signIn(page, demo.instructor.email);
  await page.goto('/instructor/roster');
  await expect(page.getByRole('heading', { name: 'Roster', level: 1 })).toBeVisible();
  mkdirSync(testInfo.outputDir, { recursive: true });
  const file = (name: string, text: string) => {
    const path = join(testInfo.outputDir, name);
    writeFileSync(path, text);
    return path;
  };
  // A bad line refuses the whole file, naming the line; nothing of it is applied.
  await page
    .getByLabel('Roster file')
    .setInputFiles(
      file('bad.csv', `email,name,section\n${student.email},Rosa,Lab R\n${invited},Ivo Invited,Lab R\nnot-an-email,Bad,Lab R\n`),
    );
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByTestId('import-status')).toHaveText(
    'Nothing was imported: line 4: "not-an-email": Enter a valid email address, like name@example.com.',
  );
  await snap('roster import refused with its line number');
  await page.reload();
  await expect(page.getByText(invited)).toHaveCount(0);
  await page
    .getByLabel('Roster file')
    .setInputFiles(file('good.csv', `email,name,section\n${student.email},Rosa,Lab R\n${invited},Ivo Invited,Lab R\n`));
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByTestId('import-status')).toHaveText('Imported: 0 enrolled, 1 invited (no account yet), 1 updated, 0 unchanged.');
  await page.reload();
  await expect(page.getByRole('heading', { name: /Added by email, no account yet/ })).toBeVisible();
  await expect(page.getByLabel(`Section of ${student.name}`)).toHaveValue('Lab R');

  // The invited student signs up without a join code and is in the course, in the section.
  const invitedPage = await browser.newPage({ baseURL });
  await invitedPage.goto('/signup');
  await invitedPage.getByLabel('Name').fill('Ivo Invited');
  await invitedPage.getByLabel('Email').fill(invited);
  await invitedPage.getByLabel('Password').fill(demo.password);
  await invitedPage.getByRole('button', { name: 'Create account' }).click();
  await expect(invitedPage).toHaveURL(/\/course$/);
  await expect(invitedPage.getByRole('heading', { level: 1, name: demo.courseTitle })).toBeVisible();

  // The dashboard filtered by the section shows those two only.
  await page.goto('/instructor/dashboard?section=Lab%20R');
  await expect(page.getByRole('heading', { name: 'Dashboard · Lab R' })).toBeVisible();
  const rows = page.locator('[data-testid^="overview-row-"]');
  await expect(rows).toHaveCount(2);
  await snap('dashboard of one section');

  // Drop: the student is told, out of the dashboard; restore undoes it.
  await page.goto('/instructor/roster');
  await page.getByRole('button', { name: `Drop ${student.name}` }).click();
  await expect(page.getByText(`${student.name} is dropped: their submissions stay.`)).toBeVisible();
  await studentPage.goto('/course');
  await expect(studentPage.getByText(`You were dropped from ${demo.courseTitle}: ask its instructor to restore you.`)).toBeVisible();
  await page.goto('/instructor/dashboard?section=Lab%20R');
  await expect(rows).toHaveCount(1);
  await page.goto('/instructor/roster');
  await page.getByRole('button', { name: `Restore ${student.name}` }).click();
  await expect(page.getByText(`${student.name} is restored.`)).toBeVisible();
  await studentPage.goto('/course');
  await expect(studentPage.getByRole('heading', { level: 1, name: demo.courseTitle })).toBeVisible();

  // A reset link for the student: shown once, used once.
  await page.getByRole('button', { name: `Reset link for ${student.name}` }).click();
  const reset = await page.getByLabel(`Password link for ${student.email}.`).inputValue();
  const resetPage = await browser.newPage({ baseURL });
  await resetPage.goto(reset);
  await expect(resetPage.getByRole('heading', { name: 'Reset your password' })).toBeVisible();
  await resetPage.getByLabel('New password', { exact: true }).fill('a brand new one');
  await resetPage.getByLabel('New password again').fill('a different one');
  await resetPage.getByRole('button', { name: 'Set password and sign in' }).click();
  await expect(resetPage.getByText('The two passwords differ')).toBeVisible();
  await resetPage.getByLabel('New password again').fill('a brand new one');
  await resetPage.getByRole('button', { name: 'Set password and sign in' }).click();
  await expect(resetPage).toHaveURL(/\/course$/);
  // The student's other session ended with the new password; the link works no more.
  await studentPage.goto('/course');
  await expect(studentPage).toHaveURL(/\/signin/);
  await resetPage.goto(reset);
  await expect(
    resetPage.getByText('This link was already used: a link sets a password once. Sign in, or ask for a new link.'),
  ).toBeVisible();
  await snap('roster with a reset link');

  // The test student: the course as a student sees it, then back.
  await page.getByRole('button', { name: 'View as a test student' }).click();
  await expect(page).toHaveURL(/\/course$/);
  await expect(page.getByRole('status').filter({ hasText: 'as its test student' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Instructor' })).toHaveCount(0);
  await snap('the course as its test student');
  await page.getByRole('button', { name: 'Leave student view' }).click();
  await expect(page).toHaveURL(/\/instructor$/);
  await expect(page.getByRole('heading', { name: 'Instructor', level: 1 })).toBeVisible();
  for (const p of [studentPage, invitedPage, resetPage]) await p.close();
});

test('administrators search accounts, allow course creation, deactivate (ending sessions) and archive courses', async ({
  page,
  browser,
  baseURL,
  server,
  snap,
}) => {
  test.setTimeout(180_000);
  const userPage = await browser.newPage({ baseURL });
  const user = await signUpStudent(userPage, `Carl Creator ${stamp()}`);
  await adminPage(page, server.dataDir);
  await expect(page.getByRole('link', { name: 'Admin' })).toBeVisible();
  await page.goto(`/admin/users?q=${encodeURIComponent(user.email)}`);
  await expect(page.getByTestId('user-count')).toHaveText(`1 account matching “${user.email}”.`);
  await page.getByRole('button', { name: `Allow course creation for ${user.email}` }).click();
  await expect(page.getByText(`${user.email} may create courses.`)).toBeVisible();
  // The right holds at the user's next request: no new sign-in.
  await userPage.goto('/instructor');
  await expect(userPage.getByRole('heading', { name: 'New course' })).toBeVisible();
  await snap('users page: course creation allowed');

  await page.getByRole('button', { name: `Deactivate ${user.email}` }).click();
  await expect(page.getByText(`${user.email} is deactivated: their sessions have ended.`)).toBeVisible();
  await userPage.goto('/course');
  await expect(userPage).toHaveURL(/\/signin/);
  await userPage.getByLabel('Email').fill(user.email);
  await userPage.getByLabel('Password').fill(demo.password);
  await userPage.getByRole('button', { name: 'Sign in' }).click();
  await expect(userPage.getByText('This account is deactivated. Ask your site administrator to reactivate it.')).toBeVisible();
  await page.getByRole('button', { name: `Reactivate ${user.email}` }).click();
  await expect(page.getByText(`${user.email} is reactivated.`)).toBeVisible();
  await userPage.getByRole('button', { name: 'Sign in' }).click();
  await expect(userPage).toHaveURL(/\/course$/);
  // Administrators cannot lock themselves out.
  await page.goto(`/admin/users?q=${encodeURIComponent(e2eAdmin.email)}`);
  await expect(page.getByRole('button', { name: `Deactivate ${e2eAdmin.email}` })).toBeDisabled();

  // Archive the second course: read-only for its members (a student of it signed up just before); unarchive.
  const sandboxStudent = await browser.newContext({ baseURL });
  const sandboxPage = await sandboxStudent.newPage();
  await sandboxPage.goto('/signup');
  const sandboxEmail = `sandbox-${stamp()}@example.com`;
  await sandboxPage.getByLabel('Name').fill('Sandy Sandbox');
  await sandboxPage.getByLabel('Email').fill(sandboxEmail);
  await sandboxPage.getByLabel('Password').fill(demo.password);
  await sandboxPage.getByLabel('Course join code').fill('SANDBOX-1');
  await sandboxPage.getByRole('button', { name: 'Create account' }).click();
  await expect(sandboxPage).toHaveURL(/\/course$/);
  await page.goto('/admin/courses');
  await page.getByRole('button', { name: 'Archive Deltalab Sandbox' }).click();
  await expect(page.getByText('Deltalab Sandbox is archived: read-only from now on.')).toBeVisible();
  await snap('courses page with an archived course');
  const refused = await sandboxStudent.request.post('/api/submissions', {
    data: { exercise: 'perceptron-forward', answers: { y_hat: '0.5' } },
  });
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { error: { message: string } }).error.message).toBe(
    'Deltalab Sandbox is archived: it is read-only now.',
  );
  await sandboxPage.goto('/course');
  await expect(sandboxPage.getByRole('heading', { level: 1, name: 'Deltalab Sandbox' })).toBeVisible();
  await page.getByRole('button', { name: 'Unarchive Deltalab Sandbox' }).click();
  await expect(page.getByText('Deltalab Sandbox is open again.')).toBeVisible();
  const accepted = await sandboxStudent.request.post('/api/submissions', {
    data: { exercise: 'perceptron-forward', answers: { y_hat: '0.5' } },
  });
  expect(accepted.status()).toBe(202);
  await sandboxStudent.close();
  // A student is refused the pages.
  expect((await userPage.goto('/admin/users'))?.status()).toBe(403);
  await userPage.close();
});
