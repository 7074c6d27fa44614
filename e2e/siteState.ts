import type { APIRequestContext } from '@playwright/test';
import { callServerAction, serverActions, type ActionCall } from './serverActions';

/**
 * What the site shows of the data server actions write, read through its own API so that it works on either
 * database: for a visitor, the course they work in (its settings, their role) and its exercises in order; for a
 * course, its students. Keys name what was read ('view:student', 'students:deep-learning-ffn', …).
 */
export type SiteState = Record<string, unknown>;

export interface CourseView {
  course: { slug: string; role: string; timeZone: string; latePolicy: string; latePenalty: number };
  order: string[];
}

/** A signed-in visitor's course home (GET /api/exercises), or its status when they have none. */
export async function courseView(request: APIRequestContext): Promise<CourseView | { status: number }> {
  const response = await request.get('/api/exercises', { failOnStatusCode: false });
  if (response.status() !== 200) return { status: response.status() };
  const { course, exercises } = (await response.json()) as { course: CourseView['course']; exercises: { slug: string }[] };
  const { slug, role, timeZone, latePolicy, latePenalty } = course;
  // Statuses and scores are left out: grading may change them meanwhile.
  return { course: { slug, role, timeZone, latePolicy, latePenalty }, order: exercises.map((e) => e.slug) };
}

/** A course's students' emails, sorted, as its instructor's overview lists them. */
export async function courseStudents(instructor: APIRequestContext, courseSlug: string): Promise<string[]> {
  const response = await instructor.get(`/api/instructor/overview?course=${courseSlug}`);
  if (response.status() !== 200) throw new Error(`overview of ${courseSlug}: ${response.status()} ${await response.text()}`);
  return ((await response.json()) as { students: { email: string }[] }).students.map((s) => s.email).sort();
}

/** Reads every observer, in order. */
export async function observe(observers: Record<string, () => Promise<unknown>>): Promise<SiteState> {
  const state: SiteState = {};
  for (const [key, read] of Object.entries(observers)) state[key] = await read();
  return state;
}

/** The keys whose value differs between two states. */
export function changedKeys(before: SiteState, after: SiteState): string[] {
  return Object.keys({ ...before, ...after }).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}

/** The ids of the courses a visitor is in, by title, from the course switcher on /course (shown with two or more). */
export async function switcherCourseIds(request: APIRequestContext): Promise<Map<string, string>> {
  const html = await (await request.get('/course')).text();
  const ids = new Map<string, string>();
  for (const [, id, title] of html.matchAll(/<option value="([0-9a-f-]{36})"[^>]*>([^<]*)/g)) ids.set(title!.trim(), id!);
  return ids;
}

/**
 * Puts a signed-in instructor back where a spec found them: in the course they worked in, with its settings and its
 * exercise order as they were. The specs after one that calls server actions share its server, the demo accounts and
 * the demo course. Returns the course view afterwards, for the caller to compare with `original`.
 */
export async function restoreCourseView(
  instructor: APIRequestContext,
  baseURL: string,
  original: CourseView,
  courseTitle: string,
): Promise<CourseView | { status: number }> {
  const actions = serverActions();
  const call = (name: string, how: ActionCall) => callServerAction(instructor, baseURL, actions.get(name)!, how);
  const courseId = (await switcherCourseIds(instructor)).get(courseTitle);
  if (courseId) await call('switchCourseFormAction', { form: { courseId } });
  const { timeZone, latePolicy, latePenalty } = original.course;
  await call('saveCourseSettingsAction', { args: [{ timeZone, latePolicy, latePenaltyPercent: String(Math.round(latePenalty * 100)) }] });
  // Each spec moves one exercise one place: moving the first one out of place back up restores the order.
  const now = await courseView(instructor);
  const moved = 'order' in now ? now.order.findIndex((slug, i) => slug !== original.order[i]) : -1;
  if (moved >= 0) await call('moveExerciseAction', { form: { slug: original.order[moved]!, direction: 'up' } });
  return courseView(instructor);
}
