import { randomUUID } from 'node:crypto';
import type { Database } from '../database';
import { insertCourse } from '../queries/courses';
import { upsertCourseExercise, type CourseExerciseInput } from '../queries/courseExercises';
import { enrollUser } from '../queries/enrollments';
import { registerExercise, type ExerciseInput } from '../queries/exercises';
import { recordGradingOutcomes } from '../queries/grading';
import { insertSubmission, type NewSubmissionInput } from '../queries/submissions';
import { insertUser, type NewUserInput } from '../queries/users';
import type { Course, CourseRole, Submission, User } from '../schema';

/**
 * Rows for tests. Every value that must be unique gets a random suffix, so suites can share one real Postgres
 * database and run in parallel: each makes its own rows and never wipes anything.
 */
export function uniqueSuffix(): string {
  return randomUUID().slice(0, 8);
}

export async function makeUser(db: Database, overrides: Partial<NewUserInput> = {}): Promise<User> {
  const suffix = uniqueSuffix();
  const user = await insertUser(db, { email: `user-${suffix}@example.test`, name: `User ${suffix}`, ...overrides });
  if (!user) throw new Error(`makeUser: email ${overrides.email} is taken`);
  return user;
}

export async function makeCourse(db: Database, overrides: Partial<Pick<Course, 'title' | 'slug' | 'joinCode'>> = {}): Promise<Course> {
  const suffix = uniqueSuffix();
  const course = await insertCourse(db, { title: `Course ${suffix}`, slug: `course-${suffix}`, joinCode: `JOIN-${suffix}`, ...overrides });
  if (!course) throw new Error('makeCourse: slug or join code taken');
  return course;
}

export async function makeEnrolledUser(
  db: Database,
  courseId: string,
  role: CourseRole = 'student',
  overrides: Partial<NewUserInput> = {},
): Promise<User> {
  const user = await makeUser(db, { canCreateCourses: role === 'instructor', ...overrides });
  await enrollUser(db, { userId: user.id, courseId, role });
  return user;
}

export interface MadeExercise {
  exerciseId: string;
  versionId: string;
  slug: string;
}

export async function makeExercise(
  db: Database,
  overrides: Partial<ExerciseInput> & { contentHash?: string; definition?: unknown } = {},
): Promise<MadeExercise> {
  const suffix = uniqueSuffix();
  const slug = overrides.slug ?? `exercise-${suffix}`;
  const ids = await registerExercise(db, {
    title: `Exercise ${suffix}`,
    topic: 'forward-pass',
    kind: 'code',
    position: 0,
    contentHash: `hash-${suffix}`,
    definition: { slug },
    ...overrides,
    slug,
  });
  return { ...ids, slug };
}

/** An exercise registered and added to the course. */
export async function makeCourseExercise(
  db: Database,
  courseId: string,
  overrides: Partial<Omit<CourseExerciseInput, 'courseId' | 'exerciseId'>> & Partial<ExerciseInput> = {},
): Promise<MadeExercise> {
  const { dueAt, maxAttempts, pointsDecayPerAttempt, published, position, ...exercise } = overrides;
  const made = await makeExercise(db, exercise);
  await upsertCourseExercise(db, { courseId, exerciseId: made.exerciseId, dueAt, maxAttempts, pointsDecayPerAttempt, published, position });
  return made;
}

export async function makeSubmission(
  db: Database,
  input: { userId: string; courseId: string; exercise: MadeExercise } & Partial<Omit<NewSubmissionInput, 'userId' | 'courseId'>>,
): Promise<Submission> {
  const { exercise, ...rest } = input;
  const outcome = await insertSubmission(db, {
    exerciseId: exercise.exerciseId,
    exerciseVersionId: exercise.versionId,
    kind: 'code',
    payload: { code: 'export function f() { return 1; }' },
    ...rest,
  });
  if (!outcome.ok) throw new Error(`makeSubmission: ${outcome.reason}`);
  return outcome.submission;
}

/** A grade recorded the way the grading workers record one; true when this call recorded it (exactly once). */
export async function recordGrade(
  db: Database,
  submissionId: string,
  grade: { score: number; passed: boolean; result?: unknown; graderVersion?: string; timings?: Record<string, number> | null },
): Promise<boolean> {
  const recorded = await recordGradingOutcomes(db, [
    { submissionId, status: 'graded', result: null, graderVersion: 'test', timings: null, ...grade },
  ]);
  return recorded.ids.length > 0;
}

/** A grading failure recorded the way the workers record one (the attempt is given back); true when recorded. */
export async function recordFailure(
  db: Database,
  submissionId: string,
  failureMessage: string,
  details: { graderVersion?: string } = {},
): Promise<boolean> {
  const recorded = await recordGradingOutcomes(db, [{ submissionId, status: 'failed', failureMessage, ...details }]);
  return recorded.ids.length > 0;
}
