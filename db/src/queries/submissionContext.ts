import { and, asc, eq, sql, type SQLWrapper } from 'drizzle-orm';
import type { Database } from '../database';
import {
  assessmentDraws,
  assessmentInstances,
  assessmentOverrides,
  assessmentSlotExercises,
  assessmentSlots,
  assessments,
  courseExercises,
  courses,
  enrollments,
  exercises,
  submissions,
  type Assessment,
  type AssessmentInstance,
  type AssessmentOverride,
  type AssessmentSlot,
} from '../schema';
import { builtOnce } from './builtOnce';
import { courseExerciseColumns, type CourseExerciseRow } from './courseExercises';
import { currentCourseFirst, membershipColumns, type CourseWithRole, type Membership } from './courses';
import { rowFromJson } from './rowFromJson';

/** The exercise's assessment and what of it concerns this student: the submit path's assessment rules decide on these. */
export interface SubmissionAssessmentFacts {
  assessment: Assessment;
  slot: AssessmentSlot & { exerciseIds: string[]; exerciseGroups: (number | null)[] };
  /** The student's overrides of this assessment: their own and their section's. */
  overrides: AssessmentOverride[];
  /** Their exam instance, if they started one. */
  instance: AssessmentInstance | null;
  /** The exercises they drew from the slot, if it is a pool and they drew. */
  drawnExerciseIds: string[] | null;
}

/** Everything deciding whether a student may submit to an exercise now, from one query. */
export interface SubmissionContext {
  /** The user's current course (their first enrollment, as listCoursesForUser orders them). */
  course: CourseWithRole;
  /** That course's exercise with the slug; null when the course does not have it. */
  courseExercise: CourseExerciseRow | null;
  /** When the user's latest submissions (any exercise) were made, newest first: at most `limit`, since `since`. */
  recentSubmissionTimes: Date[];
  /** The course exercise's assessment (an exercise is in at most one slot of a course); null: in none. */
  assessment: SubmissionAssessmentFacts | null;
}

type AssessmentFactsJson = {
  assessment: Record<string, unknown>;
  slot: Record<string, unknown>;
  exerciseIds: string[];
  exerciseGroups: (number | null)[];
  overrides: Record<string, unknown>[];
  instance: Record<string, unknown> | null;
  drawn: string[] | null;
};

/**
 * The exercise's assessment facts for one student as one JSON value (null: the exercise is in no assessment), for a
 * statement to select: the submit path's context and the exercise page's check read the same facts the same way.
 */
function assessmentFactsJson(of: { courseId: SQLWrapper; exerciseId: SQLWrapper; userId: SQLWrapper; section: SQLWrapper }) {
  return sql<AssessmentFactsJson | null>`(select json_build_object(
      'assessment', row_to_json(a), 'slot', row_to_json(s),
      'exerciseIds', (select coalesce(json_agg(o.exercise_id order by o.position), '[]'::json)
        from ${assessmentSlotExercises} o where o.slot_id = s.id),
      'exerciseGroups', (select coalesce(json_agg(o.group_number order by o.position), '[]'::json)
        from ${assessmentSlotExercises} o where o.slot_id = s.id),
      'overrides', (select coalesce(json_agg(row_to_json(v)), '[]'::json) from ${assessmentOverrides} v
        where v.assessment_id = a.id and (v.user_id = ${of.userId}
          or (v.section is not null and v.section = ${of.section}))),
      'instance', (select row_to_json(i) from ${assessmentInstances} i where i.assessment_id = a.id and i.user_id = ${of.userId}),
      'drawn', (select d.exercise_ids from ${assessmentDraws} d where d.slot_id = s.id and d.user_id = ${of.userId}))
    from ${assessmentSlotExercises} se
    join ${assessmentSlots} s on s.id = se.slot_id
    join ${assessments} a on a.id = s.assessment_id
    where se.course_id = ${of.courseId} and se.exercise_id = ${of.exerciseId}
    limit 1)`;
}

// Built once per database (the submit path runs it for every submission); values are bound per run.
const submissionContextQuery = builtOnce((db) => {
  const userId = sql.placeholder('userId');
  // Milliseconds since the epoch in a JSON array: both drivers hand back JSON parsed, whatever their date settings.
  const recent = sql<number[] | null>`(select json_agg(ms) from (
    select extract(epoch from ${submissions.createdAt}) * 1000 as ms from ${submissions}
    where ${submissions.userId} = ${userId} and ${submissions.createdAt} >= ${sql.placeholder('since')}
    order by ${submissions.createdAt} desc limit ${sql.placeholder('limit')}) recent)`;
  // The exercise's assessment, slot, and this student's overrides, instance and draw, as JSON in the same row: the
  // assessment rules would otherwise cost two to four statements more per submission (issue 22).
  const assessment = assessmentFactsJson({ courseId: courses.id, exerciseId: exercises.id, userId, section: enrollments.section });
  return db
    .select({
      course: courses,
      membership: membershipColumns,
      courseExercise: courseExerciseColumns,
      linked: courseExercises.courseId,
      recent,
      assessment,
    })
    .from(enrollments)
    .innerJoin(courses, eq(courses.id, enrollments.courseId))
    .leftJoin(exercises, eq(exercises.slug, sql.placeholder('slug')))
    .leftJoin(courseExercises, and(eq(courseExercises.courseId, courses.id), eq(courseExercises.exerciseId, exercises.id)))
    .where(eq(enrollments.userId, userId))
    .orderBy(currentCourseFirst(userId), asc(enrollments.createdAt), asc(courses.title))
    .limit(1)
    .prepare('submission_context');
});

/**
 * The submit path's one read (in the spirit of PrairieLearn's one-query-per-job): course and role, the course's
 * exercise, and the user's recent submission times for the rate limit. Null when the user is in no course.
 */
export async function selectSubmissionContext(
  db: Database,
  userId: string,
  slug: string,
  rateWindow: { since: Date; limit: number },
): Promise<SubmissionContext | null> {
  const [row] = await submissionContextQuery(db).execute({ userId, slug, since: rateWindow.since.toISOString(), limit: rateWindow.limit });
  if (!row) return null;
  return {
    course: { ...row.course, ...(row.membership as Membership) },
    courseExercise: row.linked === null ? null : (row.courseExercise as CourseExerciseRow),
    recentSubmissionTimes: (row.recent ?? []).map((ms) => new Date(Number(ms))),
    assessment: row.linked === null || !row.assessment ? null : assessmentFactsOf(row.assessment),
  };
}

function assessmentFactsOf(json: AssessmentFactsJson): SubmissionAssessmentFacts {
  return {
    assessment: rowFromJson(assessments, json.assessment),
    slot: { ...rowFromJson(assessmentSlots, json.slot), exerciseIds: json.exerciseIds, exerciseGroups: json.exerciseGroups },
    overrides: json.overrides.map((o) => rowFromJson(assessmentOverrides, o)),
    instance: json.instance ? rowFromJson(assessmentInstances, json.instance) : null,
    drawnExerciseIds: json.drawn,
  };
}

/**
 * The exercise's assessment facts for one student of a course (their section's overrides included), in one statement:
 * what the exercise page asks before showing an assessment's question. Null: the exercise is in no assessment.
 */
export async function selectAssessmentFacts(
  db: Database,
  courseId: string,
  exerciseId: string,
  userId: string,
): Promise<SubmissionAssessmentFacts | null> {
  const section = sql`(select ${enrollments.section} from ${enrollments}
    where ${enrollments.courseId} = ${courseId} and ${enrollments.userId} = ${userId})`;
  const facts = assessmentFactsJson({
    courseId: sql`${courseId}::uuid`,
    exerciseId: sql`${exerciseId}::uuid`,
    userId: sql`${userId}::uuid`,
    section,
  });
  const [row] = await db.select({ facts }).from(sql`(select 1) as one`);
  return row?.facts ? assessmentFactsOf(row.facts) : null;
}
