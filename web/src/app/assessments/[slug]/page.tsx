import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireUser } from '@/server/auth/session';
import { getDb } from '@/server/db';
import { standingIn } from '@/server/auth/courseAccess';
import { courseCan } from '@/server/auth/permissions';
import { getCurrentCourse } from '@/server/services/courses/getCurrentCourse';
import { studentAssessments } from '@/server/services/assessments/studentAssessments';
import { formatDateTime, formatTimeZone } from '@/lib/format';
import { AssessmentStatus, CreditTimeline, DueLine, pointsText } from '@/components/assessment/AssessmentParts';
import { Countdown } from '@/components/assessment/Countdown';
import { FinishExamButton, StartExamForm } from '@/components/assessment/ExamControls';
import { StatusBadge } from '@/components/course/StatusBadge';

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  return { title: (await params).slug };
}

/** One assessment as the student sees it: dates and credit, an exam's start, countdown and finish, the questions. */
export default async function AssessmentPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requireUser(`/assessments/${slug}`);
  const db = await getDb();
  const course = await getCurrentCourse(db, user.id);
  if (!course || !courseCan(standingIn(course), 'course.view')) notFound();
  // A server component renders once per request: the time of the request is what it shows.
  const now = new Date();
  const assessment = (await studentAssessments(db, course, user.id, now)).find((a) => a.slug === slug);
  if (!assessment) notFound();
  const limit =
    assessment.effectiveTimeLimitMinutes === null
      ? 'No time limit: it closes at the due date.'
      : `Time limit: ${assessment.effectiveTimeLimitMinutes} minutes${assessment.effectiveTimeLimitMinutes !== assessment.timeLimitMinutes ? ' (your extended time)' : ''}.`;
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/course" className="text-indigo-700 hover:underline">
          ← {course.title}
        </Link>
      </nav>
      <header className="space-y-1">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold">{assessment.title}</h1>
          <AssessmentStatus status={assessment.status} />
        </div>
        <p className="text-sm text-slate-600">
          {assessment.type === 'exam' ? 'Exam' : 'Homework'} · {pointsText(assessment.score, assessment.maxPoints)} points
          {assessment.scoresHidden ? ' (scores are shown once your instructor releases them)' : ''}
          {assessment.dueAt ? ' · ' : ''}
          <DueLine assessment={assessment} timeZone={course.timeZone} />
        </p>
        {assessment.status === 'not-released' && assessment.releaseAt && (
          <p className="text-sm">Opens {formatDateTime(assessment.releaseAt, course.timeZone)}.</p>
        )}
        <p className="text-xs text-slate-600">Times are on {formatTimeZone(course.timeZone)} time.</p>
      </header>
      <CreditTimeline assessment={assessment} timeZone={course.timeZone} />
      {assessment.type === 'exam' && assessment.status === 'not-started' && (
        <StartExamForm
          slug={assessment.slug}
          honorCode={assessment.honorCode}
          passwordRequired={assessment.passwordRequired}
          timeLimit={limit}
        />
      )}
      {assessment.status === 'in-progress' && assessment.endsAt && (
        <div className="card flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm">
            <Countdown endsAt={assessment.endsAt} serverNow={now.getTime()} /> · closes {formatDateTime(assessment.endsAt, course.timeZone)}
          </p>
          <FinishExamButton slug={assessment.slug} />
        </div>
      )}
      {assessment.status === 'finished' && assessment.endsAt && (
        <p className="card text-sm" role="status">
          Closed {formatDateTime(assessment.endsAt, course.timeZone)}: answers are no longer taken.
        </p>
      )}
      {assessment.questions.length > 0 && (
        <section aria-labelledby="questions" className="space-y-2">
          <h2 id="questions" className="text-lg font-semibold">
            Questions
          </h2>
          <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {assessment.questions.map((q) => (
              <li key={q.exercise} className="flex flex-wrap items-center justify-between gap-2 p-3">
                <Link href={`/exercises/${q.exercise}`} className="font-medium text-indigo-700 hover:underline">
                  {q.number}. {q.title}
                </Link>
                <span className="flex items-center gap-3 text-sm">
                  <StatusBadge status={q.status} />
                  <span>{pointsText(q.earned, q.points)}</span>
                  <span className="text-slate-600">
                    {q.attempts}
                    {q.maxAttempts !== null ? ` / ${q.maxAttempts}` : ''} attempts
                    {q.pointsPerAttempt ? ` (points per attempt: ${q.pointsPerAttempt.join(', ')})` : ''}
                  </span>
                </span>
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
