import { enrollUser, insertSubmission, insertUser, listCourseExercises, recordGradingOutcomes, type Database } from '@deltalab/db';
import { hashPassword } from '../src/server/services/auth/passwords';
import { demoPassword, seed } from '../src/server/seed';

/** The demo course plus `students` more students (password: the demo password), each with a few graded submissions. */
export async function seedLargeCourse(db: Database, students: number, submissionsPerStudent = 4) {
  const { courseId } = await seed(db);
  const exercises = (await listCourseExercises(db, courseId)).filter((e) => e.kind !== 'challenge');
  const passwordHash = await hashPassword(demoPassword);
  let made = 0;
  for (let i = 1; i <= students; i++) {
    const user = await insertUser(db, { email: `bench-student-${i}@deltalab.test`, name: `Bench Student ${i}`, passwordHash });
    if (!user) continue; // already seeded
    await enrollUser(db, { userId: user.id, courseId });
    for (let j = 0; j < submissionsPerStudent; j++) {
      const exercise = exercises[(i * 7 + j * 3) % exercises.length]!;
      const outcome = await insertSubmission(db, {
        userId: user.id,
        courseId,
        exerciseId: exercise.exerciseId,
        exerciseVersionId: exercise.currentVersionId!,
        kind: exercise.kind,
        payload: exercise.kind === 'code' ? { code: 'export function f() {}' } : { answers: { x: '1' } },
      });
      if (!outcome.ok) continue;
      const score = ((i + j) % 5) / 4;
      await recordGradingOutcomes(db, [
        {
          submissionId: outcome.submission.id,
          status: 'graded',
          score,
          passed: score === 1,
          result: {},
          graderVersion: 'bench',
          timings: null,
        },
      ]);
      made++;
    }
  }
  return { courseId, submissions: made };
}
