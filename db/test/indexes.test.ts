import { sql, type SQLWrapper } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { leaderboardQuery, listQueuedSubmissionsQuery, studentExerciseSummariesQuery, submissionHistoryQuery } from '../src/index';
import { makeCourse, makeCourseExercise, makeEnrolledUser, makeSubmission } from '../src/test/factories';
import { describeEachDriver } from './drivers';

// The hot queries must walk their indexes in index order. A mismatch such as ORDER BY x DESC (NULLS FIRST)
// against an index on x DESC NULLS LAST silently adds a sort over every row. On tiny test tables the planner
// would prefer a sequential scan anyway, so seq scans are disabled and the plan's shape is checked instead. Sorts are
// disabled too: with rows of other suites in the table, PostgreSQL's statistics may rate "another index, then sort" as
// cheaper, and the question here is whether an index walk in order exists at all (without one, a Sort still appears).
describeEachDriver('query plans', (use) => {
  async function plan(query: SQLWrapper): Promise<string> {
    return use().db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      await tx.execute(sql`set local enable_sort = off`);
      const result = (await tx.execute(sql`explain (costs off) ${query}`)) as unknown;
      const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, string>[];
      return rows.map((row) => row['QUERY PLAN']).join('\n');
    });
  }

  async function setup() {
    const course = await makeCourse(use().db);
    const exercise = await makeCourseExercise(use().db, course.id);
    const student = await makeEnrolledUser(use().db, course.id);
    await makeSubmission(use().db, { userId: student.id, courseId: course.id, exercise });
    return { course, exercise, student };
  }

  it('history walks submissions_user_exercise_created_idx without sorting', async () => {
    const { exercise, student } = await setup();
    const text = await plan(submissionHistoryQuery(use().db, student.id, exercise.exerciseId));
    expect(text).toMatch(/Index Scan using submissions_user_exercise_created_idx/);
    expect(text).not.toMatch(/Sort/);
  });

  it('leaderboard takes each student best straight from submissions_leaderboard_idx (Unique over the index, no sort below it)', async () => {
    const { course, exercise } = await setup();
    const text = await plan(leaderboardQuery(use().db, course.id, exercise.exerciseId));
    expect(text).toMatch(/Unique\n\s+->\s+Index (Only )?Scan using submissions_leaderboard_idx/);
    expect(text).not.toMatch(/Sort Key: submissions\.user_id/);
  });

  it('unfinished submissions come from the partial index', async () => {
    await setup();
    const text = await plan(listQueuedSubmissionsQuery(use().db));
    // Index or bitmap scan is the planner's cost choice; either way only unfinished rows are read.
    expect(text).toMatch(/Index Scan (using|on) submissions_unfinished_idx/);
    expect(text).not.toMatch(/Seq Scan on submissions/);
  });

  it("the course home reads one student's submissions through submissions_user_course_exercise_idx", async () => {
    const { course, student } = await setup();
    const text = await plan(studentExerciseSummariesQuery(use().db, student.id, course.id));
    expect(text).toMatch(/submissions_user_course_exercise_idx/);
  });
});
