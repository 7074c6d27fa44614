import { listAssessments, listCoursesForUser, studentExerciseSummaries, type Database, type StudentExerciseSummary } from '@deltalab/db';
import { studentAssessments, type StudentAssessment } from '../assessments/studentAssessments';
import { topics } from '@deltalab/exercises';
import { actorIn } from '@/server/auth/courseAccess';
import { can, refusal } from '@/server/auth/permissions';
import { currentCourseOfRow, type CurrentCourse } from './getCurrentCourse';

interface TopicGroup {
  id: string;
  title: string;
  exercises: StudentExerciseSummary[];
  solved: number;
  attempted: number;
}

export interface CourseHome {
  course: CurrentCourse;
  /** The course's assessments as the student sees them (their overrides applied), in course order. */
  assessments: StudentAssessment[];
  /** Exercises in no assessment, grouped by topic. */
  topics: TopicGroup[];
  /**
   * Every exercise the user may see (GET /api/exercises lists these): a student's assessment questions only as their
   * assessments show them (nothing of an exam before its start, a pool's drawn ones), with an exam's scores held back
   * until released; staff see all.
   */
  exercises: StudentExerciseSummary[];
  /** Every course of the user (a switcher shows when there are several). */
  courses: { id: string; title: string; role: string }[];
  /** Why the course is closed to this user (a dropped student), or null. */
  closed: string | null;
}

/**
 * The student's course home: the course's assessments (status, time left, score, their questions), then any exercises in
 * no assessment grouped by topic in the notes' order.
 */
export async function getCourseHome(db: Database, userId: string, now = new Date()): Promise<CourseHome | null> {
  const courses = await listCoursesForUser(db, userId);
  const first = courses[0];
  if (!first) return null;
  const course = currentCourseOfRow(first);
  const courseList = courses.map((c) => ({ id: c.id, title: c.title, role: c.role }));
  const actor = actorIn(null, course);
  // A dropped student still sees the course's name (and can switch to another), not its exercises.
  if (!can(actor, 'course.view'))
    return { course, assessments: [], topics: [], exercises: [], courses: courseList, closed: refusal(actor, 'course.view', course.title) };
  const [exercises, assessments, slotted] = await Promise.all([
    studentExerciseSummaries(db, userId, course.id),
    studentAssessments(db, course, userId, now),
    listAssessments(db, course.id).then((list) => new Set(list.flatMap((a) => a.slots.flatMap((s) => s.exerciseIds)))),
  ]);
  const order = new Map<string, number>(topics.map((t, i) => [t.id, i]));
  const titles = new Map<string, string>(topics.map((t) => [t.id, t.title]));
  const groups = new Map<string, TopicGroup>();
  for (const exercise of exercises.filter((e) => !slotted.has(e.exerciseId))) {
    let group = groups.get(exercise.topic);
    if (!group) {
      group = { id: exercise.topic, title: titles.get(exercise.topic) ?? exercise.topic, exercises: [], solved: 0, attempted: 0 };
      groups.set(exercise.topic, group);
    }
    group.exercises.push(exercise);
    if (exercise.status === 'solved') group.solved++;
    if (exercise.status !== 'not-started') group.attempted++;
  }
  const sorted = [...groups.values()].sort((a, b) => (order.get(a.id) ?? 99) - (order.get(b.id) ?? 99));
  const visible = can(actor, 'exercise.preview') ? exercises : studentVisible(exercises, slotted, assessments);
  return { course, assessments, topics: sorted, exercises: visible, courses: courseList, closed: null };
}

/** What of the course's exercises a student sees: those in no assessment, and their assessments' questions. */
function studentVisible(exercises: StudentExerciseSummary[], slotted: Set<string>, assessments: StudentAssessment[]) {
  const questions = new Map(assessments.flatMap((a) => a.questions.map((q) => [q.exercise, a.scoresHidden] as const)));
  return exercises
    .filter((e) => !slotted.has(e.exerciseId) || questions.has(e.slug))
    .map((e) =>
      // An exam's unreleased scores: whether a question was solved is its score.
      questions.get(e.slug) ? { ...e, bestScore: null, status: e.status === 'solved' ? ('attempted' as const) : e.status } : e,
    );
}
