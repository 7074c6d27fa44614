import { selectChallengeSettings, selectCourseExerciseBySlug, type CourseExerciseRow, type Database } from '@deltalab/db';
import { findExercise, type Exercise } from '@deltalab/exercises';
import { endOfDay } from '@/lib/endOfDay';
import { standingIn } from '@/server/auth/courseAccess';
import { courseCan, refusal, type CourseStanding } from '@/server/auth/permissions';
import { getCurrentCourse, type CurrentCourse } from '../courses/getCurrentCourse';
import { SubmissionError } from '../submissions/submissionError';

export type ChallengeExerciseDef = Extract<Exercise, { kind: 'challenge' }>;

/** A challenge as one course runs it: the exercise, the course's settings over its defaults, and where it stands now. */
export interface ChallengeContext {
  course: CurrentCourse;
  courseExercise: CourseExerciseRow;
  exercise: ChallengeExerciseDef;
  /** Entries close and the private split is revealed then (the course's setting, else the exercise's due date). */
  deadline: Date | null;
  revealed: boolean;
  entriesPerDay: number;
  /** The start of the student's day in the course's time zone: entries since then count against the limit. */
  dayStart: Date;
  /** When today's entries are given back (the next day start). */
  nextDayStart: Date;
  /** The user's standing in the course (what they may do there: ask courseCan). */
  standing: CourseStanding;
  /** Staff who see everyone's entries: real names, private scores (course.submissions.view). */
  seesAll: boolean;
}

/** The user's course's challenge with this slug, or a SubmissionError (404 for anything that is not one). */
export async function loadChallenge(db: Database, userId: string, slug: string, now = new Date()): Promise<ChallengeContext> {
  const course = await getCurrentCourse(db, userId);
  if (!course) throw new SubmissionError('not-enrolled', 'You are not enrolled in a course: join one with its join code on /course first.');
  const standing = standingIn(course)!;
  if (!courseCan(standing, 'course.view'))
    throw new SubmissionError('forbidden', refusal({ site: null, course: standing }, 'course.view', course.title));
  const exercise = findExercise(slug);
  const courseExercise = exercise?.kind === 'challenge' ? await selectCourseExerciseBySlug(db, course.id, slug) : undefined;
  const previews = courseCan(standing, 'exercise.preview');
  if (!exercise || exercise.kind !== 'challenge' || !courseExercise || (!courseExercise.published && !previews)) {
    throw new SubmissionError('unknown-exercise', `Unknown challenge '${slug}' in ${course.title}.`);
  }
  const settings = await selectChallengeSettings(db, course.id, courseExercise.exerciseId);
  const deadline = settings?.deadline ?? courseExercise.dueAt ?? null;
  // 23:59 of today in the course's zone, plus a minute, is the next day's start (a DST day is an hour off, never more).
  const nextDayStart = new Date(endOfDay(now, course.timeZone).getTime() + 60_000);
  return {
    course,
    courseExercise,
    exercise,
    deadline,
    revealed: deadline !== null && now.getTime() >= deadline.getTime(),
    entriesPerDay: settings?.entriesPerDay ?? exercise.entriesPerDay,
    dayStart: new Date(nextDayStart.getTime() - 24 * 60 * 60_000),
    nextDayStart,
    standing,
    seesAll: courseCan(standing, 'course.submissions.view'),
  };
}
