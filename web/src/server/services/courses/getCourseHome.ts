import { listCoursesForUser, studentExerciseSummaries, type Database, type StudentExerciseSummary } from '@deltalab/db';
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
  topics: TopicGroup[];
  exercises: StudentExerciseSummary[];
  /** Every course of the user (a switcher shows when there are several). */
  courses: { id: string; title: string; role: string }[];
  /** Why the course is closed to this user (a dropped student), or null. */
  closed: string | null;
}

/** The student's course home: exercises grouped by topic in the notes' order, with progress per topic. */
export async function getCourseHome(db: Database, userId: string): Promise<CourseHome | null> {
  const courses = await listCoursesForUser(db, userId);
  const first = courses[0];
  if (!first) return null;
  const course = currentCourseOfRow(first);
  const courseList = courses.map((c) => ({ id: c.id, title: c.title, role: c.role }));
  const actor = actorIn(null, course);
  // A dropped student still sees the course's name (and can switch to another), not its exercises.
  if (!can(actor, 'course.view'))
    return { course, topics: [], exercises: [], courses: courseList, closed: refusal(actor, 'course.view', course.title) };
  const exercises = await studentExerciseSummaries(db, userId, course.id);
  const order = new Map<string, number>(topics.map((t, i) => [t.id, i]));
  const titles = new Map<string, string>(topics.map((t) => [t.id, t.title]));
  const groups = new Map<string, TopicGroup>();
  for (const exercise of exercises) {
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
  return { course, topics: sorted, exercises, courses: courseList, closed: null };
}
