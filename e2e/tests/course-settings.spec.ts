import type { Page } from '@playwright/test';
import { demo, expect, signIn, signUpStudent, test } from '../fixtures';

const settingsForm = (page: Page) => page.getByRole('form', { name: 'Course settings' });

/** Fills and saves the instructor's course settings form. */
async function saveSettings(page: Page, settings: { timeZone: string; policy: RegExp; penaltyPercent?: string }) {
  const form = settingsForm(page);
  await form.getByLabel('Time zone').fill(settings.timeZone);
  await form.getByRole('radio', { name: settings.policy }).check();
  if (settings.penaltyPercent !== undefined) await form.getByLabel('Late penalty (% of the score)').fill(settings.penaltyPercent);
  await form.getByRole('button', { name: 'Save settings' }).click();
}

test.describe('course settings (issue 5: the late policy is the course’s)', () => {
  test('the instructor sets the time zone and a late penalty; students see the due dates on that clock and the policy', async ({
    page,
    browser,
    server,
    snap,
  }) => {
    test.setTimeout(120_000);
    await signIn(page, demo.instructor.email);
    await page.goto('/instructor');
    const current = page.getByTestId('current-late-policy');
    await expect(current).toHaveText('Now: due dates on UTC time. Late submissions are graded as usual and marked late.');
    await snap('course settings as seeded');

    try {
      // Bad input: a specific message per field, nothing saved.
      await saveSettings(page, { timeZone: 'Mars/Olympus_Mons', policy: /with a penalty/, penaltyPercent: '150' });
      await expect(settingsForm(page).getByRole('alert')).toHaveText('Please correct the highlighted fields.');
      await expect(settingsForm(page).getByLabel('Time zone')).toHaveAccessibleDescription(/Unknown time zone: use an IANA name/);
      await expect(settingsForm(page).getByLabel('Late penalty (% of the score)')).toHaveAccessibleDescription(
        'The late penalty is between 0 and 100 %',
      );
      await expect(current).toContainText('on UTC time');
      await snap('bad settings refused with a message per field');

      await saveSettings(page, { timeZone: 'Europe/Berlin', policy: /with a penalty/, penaltyPercent: '25' });
      await expect(page.getByTestId('settings-message')).toHaveText('Settings saved.');
      await expect(current).toHaveText(
        'Now: due dates on Europe/Berlin time. Late submissions are graded, marked late, and lose 25% of their score.',
      );
      // The seeded 23:59 UTC deadlines read as 00:59 (or 01:59 in summer) the next day in Berlin.
      await expect(
        page
          .getByRole('list', { name: 'Exercise previews' })
          .getByText(/Due .* 0[01]:59 Europe\/Berlin/)
          .first(),
      ).toBeVisible();
      await snap('settings saved');

      const studentContext = await browser.newContext({ baseURL: server.baseURL });
      try {
        const student = await studentContext.newPage();
        await signUpStudent(student, 'Clock Student');
        await expect(student.getByTestId('course-late-policy')).toHaveText(
          'Due dates are on Europe/Berlin time. Late submissions are graded, marked late, and lose 25% of their score.',
        );
        await expect(student.getByText(/Due .* 0[01]:59 Europe\/Berlin/).first()).toBeVisible();
        await student.getByRole('link', { name: 'Forward pass through a 3-2-2 network' }).click();
        await expect(student.getByRole('heading', { level: 1, name: 'Forward pass through a 3-2-2 network' })).toBeVisible();
        await expect(student.getByTestId('late-policy')).toHaveText(
          'Late submissions are graded, marked late, and lose 25% of their score.',
        );
        const api = (await (await student.request.get('/api/exercises/mlp-forward-pass')).json()) as Record<string, unknown>;
        expect(api).toMatchObject({ timeZone: 'Europe/Berlin', latePolicy: 'penalize', latePenalty: 0.25 });
        await snap('the student sees the policy');
      } finally {
        await studentContext.close();
      }
    } finally {
      // Other specs on this worker's server expect the seeded settings.
      await page.goto('/instructor');
      await saveSettings(page, { timeZone: 'UTC', policy: /as usual/ });
      await expect(page.getByTestId('settings-message')).toHaveText('Settings saved.');
      await expect(current).toHaveText('Now: due dates on UTC time. Late submissions are graded as usual and marked late.');
    }
  });

  test('a student cannot reach the settings', async ({ page }) => {
    await signUpStudent(page, 'Curious Student');
    const response = await page.goto('/instructor');
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('form', { name: 'Course settings' })).toHaveCount(0);
  });
});
