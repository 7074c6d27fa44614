import { listCoursesForUser, studentExerciseSummaries, type Database, type StudentExerciseSummary } from '@deltalab/db';
import { topics } from '@deltalab/exercises';
import type { CurrentCourse } from './getCurrentCourse';

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
}

/** The student's course home: exercises grouped by topic in the notes' order, with progress per topic. */
export async function getCourseHome(db: Database, userId: string): Promise<CourseHome | null> {
  const courses = await listCoursesForUser(db, userId);
  const first = courses[0];
  if (!first) return null;
  const course: CurrentCourse = {
    id: first.id,
    slug: first.slug,
    title: first.title,
    joinCode: first.joinCode,
    role: first.role,
    timeZone: first.timeZone,
    latePolicy: first.latePolicy,
    latePenalty: first.latePenalty,
  };
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
  return { course, topics: sorted, exercises, courses: courses.map((c) => ({ id: c.id, title: c.title, role: c.role })) };
}
