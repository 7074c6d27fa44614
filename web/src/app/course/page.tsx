import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import Link from 'next/link';
import { requireUser } from '@/server/auth/session';
import { getDb } from '@/server/db';
import { getCourseHome } from '@/server/services/courses/getCourseHome';
import { CourseSwitcher } from '@/components/course/CourseSwitcher';
import { JoinCourseForm } from '@/components/course/JoinCourseForm';
import { StatusBadge } from '@/components/course/StatusBadge';
import { formatDateTime, formatScore, formatTimeZone } from '@/lib/format';
import { describeLatePolicy } from '@/lib/latePolicy';
import { formatTimeLeft } from '@/lib/assessmentRules';
import { AssessmentStatus, DueLine, pointsText } from '@/components/assessment/AssessmentParts';

export const metadata: Metadata = { title: 'Course' };

const kindLabels = { numeric: 'Numeric', code: 'Code', choice: 'Choice', challenge: 'Challenge' } as const;

export default async function CoursePage() {
  const user = await requireUser('/course');
  const home = await getCourseHome(await getDb(), user.id);
  if (!home) {
    return (
      <div className="card">
        <h1 className="text-xl font-semibold">No course yet</h1>
        <p className="mt-2 mb-4 text-sm">Your account is not enrolled in a course yet. Type the join code your instructor gave you.</p>
        <JoinCourseForm />
      </div>
    );
  }
  if (home.closed) {
    return (
      <div className="card space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h1 className="text-xl font-semibold">{home.course.title}</h1>
          <CourseSwitcher courses={home.courses} currentId={home.course.id} />
        </div>
        <p className="text-sm" role="status">
          {home.closed}
        </p>
      </div>
    );
  }
  // A server component renders once per request: the time of the request is what it shows.
  // eslint-disable-next-line react-hooks/purity
  const now = Date.now();
  const solved = home.exercises.filter((e) => e.status === 'solved').length;
  return (
    <div className="space-y-8">
      <div>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h1 className="text-2xl font-semibold">{home.course.title}</h1>
          <CourseSwitcher courses={home.courses} currentId={home.course.id} />
        </div>
        <p className="mt-1 text-sm text-slate-600">
          {solved} of {home.exercises.length} exercises solved
        </p>
        <p className="mt-1 text-xs text-slate-600" data-testid="course-late-policy">
          Due dates are on {formatTimeZone(home.course.timeZone)} time. {describeLatePolicy(home.course)}
        </p>
      </div>
      {home.assessments.map((assessment) => {
        const headingId = `assessment-${assessment.slug}`;
        return (
          <section key={assessment.slug} aria-labelledby={headingId} className="space-y-3" data-testid="assessment">
            <div className="flex flex-wrap items-end justify-between gap-2">
              <div>
                <h2 id={headingId} className="text-lg font-semibold">
                  <Link href={`/assessments/${assessment.slug}`} className="hover:underline">
                    {assessment.title}
                  </Link>
                </h2>
                <p className="text-xs text-slate-600">
                  {assessment.type === 'exam' ? 'Exam' : 'Homework'}
                  {assessment.timeLimitMinutes !== null ? ` · ${assessment.effectiveTimeLimitMinutes} minutes` : ''}
                  {assessment.dueAt ? ' · ' : ''}
                  <DueLine assessment={assessment} timeZone={home.course.timeZone} />
                  {assessment.status === 'not-released' && assessment.releaseAt
                    ? ` · opens ${formatDateTime(assessment.releaseAt, home.course.timeZone)}`
                    : ''}
                </p>
              </div>
              <dl className="flex items-center gap-4 text-sm">
                <div>
                  <dt className="sr-only">Status</dt>
                  <dd>
                    <AssessmentStatus status={assessment.status} />
                  </dd>
                </div>
                {assessment.timeLeftMs !== null && <Figure label="Time left">{formatTimeLeft(assessment.timeLeftMs)}</Figure>}
                <Figure label="Score">
                  {assessment.scoresHidden ? 'not released' : pointsText(assessment.score, assessment.maxPoints)}
                </Figure>
              </dl>
            </div>
            {assessment.type === 'exam' && assessment.questions.length === 0 ? (
              <p className="text-sm">
                {assessment.status === 'not-started' ? (
                  <Link href={`/assessments/${assessment.slug}`} className="text-indigo-700 hover:underline">
                    Start {assessment.title}
                  </Link>
                ) : (
                  'Its questions show once it opens.'
                )}
              </p>
            ) : (
              <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
                {assessment.questions.map((q) => (
                  <li key={q.exercise} className="flex flex-col gap-2 p-4 sm:flex-row sm:items-center sm:justify-between">
                    <div className="min-w-0">
                      <Link href={`/exercises/${q.exercise}`} className="font-medium text-indigo-700 hover:underline">
                        {q.title}
                      </Link>
                      <p className="text-xs text-slate-600">{kindLabels[q.kind]}</p>
                    </div>
                    <dl className="flex shrink-0 items-center gap-4 text-sm">
                      <div>
                        <dt className="sr-only">Status</dt>
                        <dd>
                          <StatusBadge status={q.status} />
                        </dd>
                      </div>
                      <Figure label="Points">{pointsText(q.earned, q.points)}</Figure>
                      <Figure label="Attempts">{attemptsText(q)}</Figure>
                    </dl>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
      {home.topics.length > 0 && home.assessments.length > 0 && <h2 className="text-lg font-semibold">Other exercises</h2>}
      {home.topics.map((topic) => {
        const headingId = `topic-${topic.id}`;
        const percent = topic.exercises.length ? Math.round((topic.solved / topic.exercises.length) * 100) : 0;
        return (
          <section key={topic.id} aria-labelledby={headingId} className="space-y-3">
            <div className="flex flex-wrap items-end justify-between gap-2">
              <h2 id={headingId} className="text-lg font-semibold">
                {topic.title}
              </h2>
              <div className="flex items-center gap-2 text-sm text-slate-600">
                <span>
                  {topic.solved}/{topic.exercises.length} solved
                </span>
                <progress
                  className="h-2 w-28 overflow-hidden rounded [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-green-600"
                  max={topic.exercises.length}
                  value={topic.solved}
                  aria-label={`${topic.title}: ${percent}% solved`}
                />
              </div>
            </div>
            <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
              {topic.exercises.map((exercise) => {
                const overdue = exercise.dueAt !== null && exercise.dueAt.getTime() < now && exercise.status !== 'solved';
                return (
                  <li key={exercise.slug} className="flex flex-col gap-2 p-4 sm:flex-row sm:items-center sm:justify-between">
                    <div className="min-w-0">
                      <Link href={`/exercises/${exercise.slug}`} className="font-medium text-indigo-700 hover:underline">
                        {exercise.title}
                      </Link>
                      <p className="text-xs text-slate-600">
                        {kindLabels[exercise.kind]}
                        {exercise.dueAt && (
                          <>
                            {' · '}
                            <span className={overdue ? 'font-medium text-red-700' : undefined}>
                              Due {formatDateTime(exercise.dueAt, home.course.timeZone)}
                              {overdue ? ' (past due)' : ''}
                            </span>
                          </>
                        )}
                      </p>
                    </div>
                    <dl className="flex shrink-0 items-center gap-4 text-sm">
                      <div>
                        <dt className="sr-only">Status</dt>
                        <dd>
                          <StatusBadge status={exercise.status} />
                        </dd>
                      </div>
                      <Figure label="Best">{formatScore(exercise.bestScore)}</Figure>
                      <Figure label="Attempts">{attemptsText(exercise)}</Figure>
                    </dl>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

/** One figure of a row (a label over its value, right-aligned) in the course home's lists. */
function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="text-right">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function attemptsText({ attempts, maxAttempts }: { attempts: number; maxAttempts: number | null }): string {
  return maxAttempts !== null ? `${attempts} / ${maxAttempts}` : String(attempts);
}
