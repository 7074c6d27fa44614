import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SubmissionResult } from '@/components/exercise/SubmissionResult';
import { SubmitPanel } from '@/components/exercise/SubmitPanel';
import type { ExerciseRules, SubmissionSummary } from '@/components/exercise/types';

/** A graded submission as GET /api/submissions/:id hands it to the page. */
function graded(overrides: Partial<SubmissionSummary>): SubmissionSummary {
  return {
    id: '00000000-0000-4000-8000-000000000000',
    status: 'graded',
    score: 1,
    passed: true,
    result: { score: 1, passed: true, fields: [] },
    failureMessage: null,
    late: false,
    attempt: 1,
    countsAsAttempt: true,
    payload: { answers: {} },
    createdAt: '2026-11-23T12:00:00.000Z',
    gradedAt: '2026-11-23T12:00:01.000Z',
    ...overrides,
  } as SubmissionSummary;
}

const render = (submission: SubmissionSummary) => renderToStaticMarkup(createElement(SubmissionResult, { submission }));
const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&#x27;|&#39;/g, "'");

describe('SubmissionResult: the recorded score and why it differs from the grader’s', () => {
  it('says nothing extra when the course’s rules changed nothing', () => {
    const html = render(graded({}));
    expect(text(html)).toContain('Score: 100% — passed');
    expect(html).not.toContain('score-adjusted');
  });

  it('names the late penalty when a late submission was recorded lower', () => {
    const html = render(graded({ late: true, score: 0.7 }));
    expect(text(html)).toContain('Score: 70% — passed');
    expect(text(html)).toContain('The grader gave 100%; the course’s rules (late) make it 70%.');
  });

  it('names the attempt when the per-attempt decay lowered it, and both when both did', () => {
    expect(text(render(graded({ attempt: 3, score: 0.5 })))).toContain('the course’s rules (attempt 3) make it 50%.');
    expect(text(render(graded({ attempt: 2, late: true, score: 0.525 })))).toContain('the course’s rules (attempt 2, late) make it 53%.');
  });
});

describe('SubmitPanel: the due date and the course’s late policy', () => {
  const rules = (overrides: Partial<ExerciseRules>): ExerciseRules => ({
    maxAttempts: 10,
    attemptsUsed: 0,
    dueAt: '2030-01-01T23:59:00.000Z',
    pointsDecayPerAttempt: 0,
    timeZone: 'UTC',
    latePolicy: 'accept',
    latePenalty: 0,
    ...overrides,
  });
  const panel = (r: ExerciseRules) =>
    text(renderToStaticMarkup(createElement(SubmitPanel, { rules: r, history: [], phase: 'idle', error: '', latest: null })));

  it('before the due date: only the policy', () => {
    expect(panel(rules({ latePolicy: 'penalize', latePenalty: 0.2 }))).toContain(
      'Late submissions are graded, marked late, and lose 20% of their score.',
    );
    expect(panel(rules({}))).not.toContain('has passed');
  });

  it('after it: the due date on the course’s clock, then the policy', () => {
    const past = rules({ dueAt: '2026-01-10T23:59:00.000Z', timeZone: 'America/New_York', latePolicy: 'refuse' });
    expect(panel(past)).toContain(
      'The due date (10 Jan 2026, 18:59 America/New York) has passed. Submissions after the due date are not accepted.',
    );
  });

  it('without a due date: nothing about lateness', () => {
    expect(panel(rules({ dueAt: null }))).not.toMatch(/late|due date/i);
  });
});
