import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import 'katex/dist/katex.min.css';
import type { CourseExerciseRow } from '@deltalab/db';
import { selectCourseExerciseBySlug, selectDraft } from '@deltalab/db';
import { findExercise, type Exercise, type StudentVariant } from '@deltalab/exercises';
import { ChallengeWorkspace } from '@/components/challenge/ChallengeWorkspace';
import { getChallenge } from '@/server/services/challenges/getChallenge';
import { listMyEntries } from '@/server/services/challenges/entries';
import { SubmissionError } from '@/server/services/submissions/submissionError';
import { requireUser } from '@/server/auth/session';
import { getDb } from '@/server/db';
import { standingIn } from '@/server/auth/courseAccess';
import { courseCan } from '@/server/auth/permissions';
import { getCurrentCourse, type CurrentCourse } from '@/server/services/courses/getCurrentCourse';
import { exerciseRules } from '@/server/services/exercises/exerciseRules';
import { getExerciseForStudent } from '@/server/services/exercises/getExerciseForStudent';
import { getExercisePreview } from '@/server/services/exercises/getExercisePreview';
import { previewTargetFromSearchParams } from '@/server/services/exercises/previewVariant';
import { submissionView } from '@/server/services/submissions/getSubmission';
import { renderMarkdown } from '@/lib/renderMarkdown';
import { formatDateTime } from '@/lib/format';
import { ExerciseWorkspace } from '@/components/exercise/ExerciseWorkspace';
import { PreviewBanner } from '@/components/exercise/PreviewBanner';
import { PreviewProvider } from '@/components/exercise/PreviewContext';
import { ReferenceAnswers } from '@/components/exercise/ReferenceAnswers';
import { AssessmentBanner } from '@/components/assessment/AssessmentParts';
import { studentAssessments } from '@/server/services/assessments/studentAssessments';

type SearchParams = Record<string, string | string[] | undefined>;

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  return { title: (await params).slug };
}

/**
 * A student sees their own variant (whatever ?variant= says). Staff of the course (exercise.preview) see a preview: any
 * variant (?variant=canonical|<seed>, ?student=<user id>), checked without storing anything, plus the reference.
 */
export default async function ExercisePage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { slug } = await params;
  const user = await requireUser(`/exercises/${slug}`);
  const db = await getDb();
  if (findExercise(slug)?.kind === 'challenge') return <ChallengePage slug={slug} userId={user.id} />;
  const course = await getCurrentCourse(db, user.id);
  if (courseCan(standingIn(course), 'exercise.preview'))
    return <InstructorPreview slug={slug} viewerId={user.id} searchParams={await searchParams} />;

  const found = await getExerciseForStudent(db, user.id, slug);
  if (!found) notFound();
  const { exercise, variant, courseExercise } = found;
  // The assessment it is a question of: its timer (an exam's) and the way to the next question.
  const now = new Date();
  const assessment = (await studentAssessments(db, found.course, user.id, now)).find((a) => a.questions.some((q) => q.exercise === slug));
  return (
    <ExerciseLayout
      course={found.course}
      exercise={exercise}
      variant={variant}
      courseExercise={courseExercise}
      banner={assessment && <AssessmentBanner assessment={assessment} exercise={slug} serverNow={now.getTime()} />}
    >
      <ExerciseWorkspace
        exercise={exercise}
        variant={variant}
        rules={exerciseRules(found.course, courseExercise, found.attemptsUsed)}
        history={found.history.map((s) => submissionView(s, courseExercise))}
        draft={found.draft}
      />
    </ExerciseLayout>
  );
}

async function InstructorPreview({ slug, viewerId, searchParams }: { slug: string; viewerId: string; searchParams: SearchParams }) {
  const { target, problem } = previewTargetFromSearchParams(searchParams);
  let result = await getExercisePreview(await getDb(), viewerId, slug, target);
  let shownProblem = problem;
  if (!result.ok && result.reason === 'unknown-student') {
    shownProblem = result.message;
    result = await getExercisePreview(await getDb(), viewerId, slug, { variant: 'canonical' });
  }
  if (!result.ok) notFound();
  const { preview, exercise, variant, courseExercise, reference } = result.value;
  const targetJson = preview.student ? { student: preview.student.userId } : { variant: preview.variant };
  return (
    <ExerciseLayout
      course={preview.course}
      exercise={exercise}
      variant={variant}
      courseExercise={courseExercise}
      banner={
        <PreviewBanner slug={slug} variant={preview.variant} student={preview.student} students={preview.students} problem={shownProblem} />
      }
    >
      <ReferenceAnswers reference={reference} />
      {/* Keyed by variant: switching variants starts with an empty form and check history. */}
      <PreviewProvider key={JSON.stringify(targetJson)} target={targetJson}>
        <ExerciseWorkspace
          exercise={exercise}
          variant={variant}
          rules={exerciseRules(preview.course, courseExercise, 0)}
          history={[]}
          draft={null}
        />
      </PreviewProvider>
    </ExerciseLayout>
  );
}

function ExerciseLayout({
  course,
  exercise,
  variant,
  courseExercise,
  banner,
  children,
}: {
  course: CurrentCourse;
  exercise: Exercise;
  variant: StudentVariant;
  courseExercise: CourseExerciseRow;
  banner?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/course" className="text-indigo-700 hover:underline">
          ← {course.title}
        </Link>
      </nav>
      {banner}
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">{exercise.title}</h1>
        <p className="text-sm text-slate-600">
          {courseExercise.points ?? exercise.points} point{(courseExercise.points ?? exercise.points) === 1 ? '' : 's'}
          {courseExercise.dueAt ? ` · Due ${formatDateTime(courseExercise.dueAt, course.timeZone)}` : ''}
          {courseExercise.maxAttempts !== null ? ` · ${courseExercise.maxAttempts} attempts` : ''}
        </p>
      </header>
      <article
        aria-label="Exercise statement"
        className="statement card max-w-none space-y-3 leading-relaxed [&_.katex-display]:overflow-x-auto [&_.katex-display]:overflow-y-hidden [&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6 [&_pre]:overflow-auto [&_pre]:rounded [&_pre]:bg-slate-100 [&_pre]:p-3 [&_code]:font-mono"
        dangerouslySetInnerHTML={{ __html: renderMarkdown(variant.statementMarkdown) }}
      />
      {children}
    </div>
  );
}

/**
 * A challenge: the statement, then the training workspace (code or form, trained in a Web Worker), the student's
 * entries and the board. Instructors see the same page with real names, both splits, the settings and Verify.
 */
async function ChallengePage({ slug, userId }: { slug: string; userId: string }) {
  const db = await getDb();
  let challenge;
  try {
    challenge = await getChallenge(db, userId, slug);
  } catch (error) {
    if (error instanceof SubmissionError) notFound();
    throw error;
  }
  const course = await getCurrentCourse(db, userId);
  const courseExercise = course ? await selectCourseExerciseBySlug(db, course.id, slug) : undefined;
  const [entries, draft] = await Promise.all([
    listMyEntries(db, userId, slug),
    courseExercise ? selectDraft(db, userId, courseExercise.exerciseId) : undefined,
  ]);
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/course" className="text-indigo-700 hover:underline">
          ← {course?.title}
        </Link>
      </nav>
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">{challenge.title}</h1>
        <p className="text-sm text-slate-600" data-testid="challenge-rules">
          {challenge.points} points · full credit from {(challenge.threshold * 100).toFixed(0)} % public test accuracy
          {challenge.deadline
            ? ` · ${challenge.revealed ? 'Closed' : 'Deadline'} ${formatDateTime(new Date(challenge.deadline), challenge.timeZone)}`
            : ''}{' '}
          · {challenge.entriesLeftToday} of {challenge.limits.entriesPerDay} entries left today
        </p>
      </header>
      <article
        aria-label="Exercise statement"
        className="statement card max-w-none space-y-3 leading-relaxed [&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6 [&_code]:font-mono"
        dangerouslySetInnerHTML={{ __html: renderMarkdown(challenge.statementMarkdown) }}
      />
      <ChallengeWorkspace challenge={challenge} initialEntries={entries} draft={draft?.code ?? null} />
    </div>
  );
}
