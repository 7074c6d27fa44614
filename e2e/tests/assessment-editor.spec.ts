import { readFile } from 'node:fs/promises';
import { demo, expect, signIn, signUpStudent, test } from '../fixtures';

type AssessmentFile = { slug: string; title: string; slots: { exercises: string[] }[] } & Record<string, unknown>;

/**
 * Issue 19's editor in a real browser: the instructor deletes a homework (confirming), which frees its exercises;
 * creates an assessment through the form, first refused with the server's messages beside the fields they name, then
 * stored; and a new student sees it on the course home and in the API. The deleted homework is imported back at the
 * end (its exported file), so the worker's other specs find the demo course as seeded.
 */
test('an instructor creates an assessment through the form and a student sees it', async ({ page, browser, server }) => {
  test.setTimeout(120_000);
  await signIn(page, demo.instructor.email);
  const exported = (await (await page.request.get('/api/instructor/assessments')).json()) as { assessments: AssessmentFile[] };
  const freedFile = exported.assessments.find((a) => a.type === 'homework' && a.slots.length >= 3)!;
  const [single, poolA, poolB] = freedFile.slots.flatMap((s) => s.exercises);
  try {
    await page.goto('/instructor/assessments');
    page.once('dialog', (dialog) => {
      expect(dialog.message()).toContain(`Delete '${freedFile.title}'?`);
      void dialog.accept();
    });
    await page.getByRole('button', { name: `Delete ${freedFile.title}` }).click();
    await expect(
      page.getByRole('heading', { level: 2, name: new RegExp(`^${freedFile.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(`) }),
    ).toHaveCount(0);

    const form = page.getByRole('region', { name: 'New assessment' });
    // Nothing filled in: refused, each message beside its field, nothing stored.
    await form.getByRole('button', { name: 'Create' }).click();
    await expect(form.getByRole('alert')).toBeVisible();
    await expect(form.getByText('give a title')).toBeVisible();
    await expect(form.getByText(/lower-case letters, digits and dashes/).first()).toBeVisible();

    await form.getByLabel('Title', { exact: true }).fill('Practice: forward pass');
    await form.getByLabel('Slug (in its address)').fill('practice-forward');
    await form.getByLabel('Type', { exact: true }).selectOption('homework');
    const due = new Date(Date.now() + 7 * 24 * 3600_000);
    const local = new Date(due.getTime() - due.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await form.getByLabel('Due date (blank: none)').fill(local);
    const slot1 = form.getByRole('group', { name: 'Slot 1', exact: true });
    await slot1.getByLabel('Slot 1 exercise 1', { exact: true }).selectOption(single!);
    await slot1.getByLabel('Points per question').fill('3');
    await slot1.getByLabel('Attempts', { exact: true }).fill('5');
    await form.getByRole('button', { name: 'Add a slot' }).click();
    const slot2 = form.getByRole('group', { name: 'Slot 2', exact: true });
    await slot2.getByLabel('Slot 2 exercise 1', { exact: true }).selectOption(poolA!);
    await slot2.getByRole('button', { name: 'Add an exercise to slot 2' }).click();
    await slot2.getByLabel('Slot 2 exercise 2', { exact: true }).selectOption(poolB!);
    await slot2.getByLabel('Pool: choose').fill('3');
    await slot2.getByLabel('Points per question').fill('2');
    await form.getByRole('button', { name: 'Create' }).click();
    await expect(slot2.getByText('choose 3 of 2: a pool cannot give more than it holds.')).toBeVisible();

    await slot2.getByLabel('Pool: choose').fill('1');
    await form.getByRole('button', { name: 'Create' }).click();
    await expect(form.getByRole('status')).toHaveText('Created practice-forward.');
    await expect(page.getByRole('heading', { level: 2, name: /Practice: forward pass/ })).toBeVisible();
    const created = (await (await page.request.get('/api/instructor/assessments')).json()) as { assessments: AssessmentFile[] };
    expect(created.assessments.find((a) => a.slug === 'practice-forward')?.slots).toEqual([
      expect.objectContaining({ exercises: [single], points: 3, maxAttempts: 5 }),
      expect.objectContaining({ exercises: [poolA, poolB], choose: 1, points: 2 }),
    ]);

    // A new student sees it: on the course home and in the API, 3 + 2 points.
    const context = await browser.newContext({ baseURL: server.baseURL });
    try {
      const student = await context.newPage();
      await signUpStudent(student, 'Editor Student');
      await expect(student.getByRole('region', { name: 'Practice: forward pass' })).toBeVisible();
      const listed = (await (await student.request.get('/api/assessments')).json()) as {
        assessments: { slug: string; type: string; maxPoints: number }[];
      };
      expect(listed.assessments.find((a) => a.slug === 'practice-forward')).toMatchObject({ type: 'homework', maxPoints: 5 });
    } finally {
      await context.close();
    }

    // The course's assessments as one file: Export downloads them all; Import takes such a file back, all or nothing.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export all assessments' }).click();
    const downloaded = await downloading;
    const all = JSON.parse(await readFile((await downloaded.path())!, 'utf8')) as { assessments: AssessmentFile[] };
    expect(all.assessments.map((a) => a.slug)).toContain('practice-forward');
    const importFile = {
      name: 'homework.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ assessments: [freedFile] })),
    };
    const importStatus = page.getByTestId('assessment-import-status');
    // Its exercises are in the new assessment now: refused, nothing written.
    await page.getByLabel('Import assessments from a file').setInputFiles(importFile);
    await expect(importStatus).toContainText('An exercise may be in one slot of one assessment of a course');
    const deleted = await page.request.delete('/api/instructor/assessments/practice-forward', { data: { confirm: 'practice-forward' } });
    expect(deleted.status(), await deleted.text()).toBe(200);
    await page.getByLabel('Import assessments from a file').setInputFiles(importFile);
    await expect(importStatus).toHaveText(`Imported ${freedFile.slug}.`);
  } finally {
    // Put the demo course back: the new one deleted, the homework imported from its file.
    await page.request.delete('/api/instructor/assessments/practice-forward', {
      data: { confirm: 'practice-forward' },
      failOnStatusCode: false,
    });
    const restored = await page.request.post('/api/instructor/assessments', { data: { assessments: [freedFile] } });
    expect(restored.status(), await restored.text()).toBe(201);
  }
});
