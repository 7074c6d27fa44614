import { request as playwrightRequest } from '@playwright/test';
import { apiSignIn, demo, expect, signUpStudent, test } from '../fixtures';

/**
 * Issue 19: a timed exam in a real browser. A new student starts the demo quiz (the honor code first), sees the
 * server's countdown and their three drawn questions, moves between them, and once the exam closes (its deadline moved
 * a few seconds ahead by the instructor: the unit tests move the clock instead) the page says so and an answer is
 * refused with 409 naming the time, using no attempt.
 */
test('a student starts the 20-minute quiz, works through it, and it closes by the server clock', async ({ page, server }) => {
  test.setTimeout(120_000);
  await signUpStudent(page, 'Exam Student');
  const quiz = page.getByRole('region', { name: 'Quiz: activation functions' });
  await expect(quiz.getByText('Not started')).toBeVisible();
  await quiz.getByRole('link', { name: 'Start Quiz: activation functions' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Quiz: activation functions' })).toBeVisible();
  await expect(page.getByText('Time limit: 20 minutes.')).toBeVisible();

  // Without the honor code: refused, nothing started.
  await page.getByRole('button', { name: 'Start the exam' }).click();
  await expect(page.getByRole('status')).toContainText('Tick the honor code');
  await page.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Start the exam' }).click();
  const countdown = page.getByTestId('exam-countdown').first();
  await expect(countdown).toContainText(/1[89] min|20 min/);
  const questions = page.getByRole('region', { name: 'Questions' }).getByRole('link');
  await expect(questions).toHaveCount(3);
  const first = (await questions.first().getAttribute('href'))!.replace('/exercises/', '');

  // Inside the exam: its timer and the way to the next question.
  await questions.first().click();
  const banner = page.getByRole('complementary', { name: 'Assessment' });
  await expect(banner.getByText('Question 1 of 3')).toBeVisible();
  await expect(banner.getByTestId('exam-countdown')).toContainText('min');
  await expect(banner.getByRole('link', { name: /Next question/ })).toBeVisible();

  // The instructor moves the quiz's deadline a few seconds ahead: the instance closes then.
  const instructor = await playwrightRequest.newContext({ baseURL: server.baseURL });
  await apiSignIn(instructor, demo.instructor.email);
  const listed = (await (await instructor.get('/api/instructor/assessments')).json()) as {
    assessments: ({ slug: string; dueAt: string | null } & Record<string, unknown>)[];
  };
  const { passwordSet: _p, scoresReleasedAt: _s, ...original } = listed.assessments.find((a) => a.slug === 'quiz-activations')!;
  try {
    const moved = await instructor.put('/api/instructor/assessments/quiz-activations', {
      data: { ...original, dueAt: new Date(Date.now() + 6_000).toISOString() },
    });
    expect(moved.status(), await moved.text()).toBe(200);
    await page.goto('/assessments/quiz-activations');
    await expect(page.getByTestId('exam-countdown').first()).toContainText(/\d s left/);
    await expect(page.getByText(/answers are no longer taken/)).toBeVisible({ timeout: 20_000 });

    // A well-formed answer (the payload is checked first), refused by the closed exam: 409 naming the time.
    const exercise = (await (await page.request.get(`/api/exercises/${first}`)).json()) as { fields?: { name: string; kind?: string }[] };
    const answers = Object.fromEntries((exercise.fields ?? []).map((f) => [f.name, f.kind === 'expression' ? '1' : '0.5']));
    const refused = await page.request.post('/api/submissions', {
      data: { exercise: first, answers, assessment: 'quiz-activations' },
      failOnStatusCode: false,
    });
    expect(refused.status(), await refused.text()).toBe(409);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(
      /ended .* this answer was not stored and used no attempt/,
    );
  } finally {
    await instructor.put('/api/instructor/assessments/quiz-activations', { data: original });
    await instructor.dispose();
  }
});
