import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { standingIn } from '@/server/auth/courseAccess';
import { can, courseCan } from '@/server/auth/permissions';
import { StudentViewButton } from '@/components/course/StudentViewButton';
import { listAuthoringDrafts, listCourseExercises, listCoursesForUser } from '@deltalab/db';
import { topics } from '@deltalab/exercises';
import { requireUser } from '@/server/auth/session';
import { getDb } from '@/server/db';
import { getCurrentCourse } from '@/server/services/courses/getCurrentCourse';
import { formatDateTime, formatTimeZone } from '@/lib/format';
import { describeLatePolicy } from '@/lib/latePolicy';
import { CourseSettingsForm } from '@/components/instructor/CourseSettingsForm';
import { moveExerciseAction } from './actions';
import { asFormAction } from '@/server/formAction';
import { CreateCourseForm } from '@/components/instructor/CreateCourseForm';
import { InstructorNav } from '@/components/instructor/InstructorNav';
import { CourseSwitcher } from '@/components/course/CourseSwitcher';

export const metadata: Metadata = { title: 'Instructor' };

const topicTitles = new Map<string, string>(topics.map((t) => [t.id, t.title]));
// UTC is not in the runtime's list of canonical zones but is the default most courses keep.
const timeZones = ['UTC', ...Intl.supportedValuesOf('timeZone')];

export default async function InstructorPage() {
  const user = await requireUser('/instructor');
  const db = await getDb();
  const current = await getCurrentCourse(db, user.id);
  const standing = standingIn(current);
  const mayCreate = can({ site: user, course: null }, 'course.create');
  // Staff of their current course, or someone who may create one.
  if (!courseCan(standing, 'exercise.preview') && !mayCreate) forbidden();
  const course = courseCan(standing, 'exercise.preview') ? current : null;
  const exercises = course ? await listCourseExercises(db, course.id, { includeUnpublished: true }) : [];
  const drafts = course && courseCan(standing, 'exercise.author') ? await listAuthoringDrafts(db, course.id) : [];
  const courses = await listCoursesForUser(db, user.id);
  const published = new Set(exercises.map((e) => e.slug));
  return (
    <div className="space-y-4">
      {course && <InstructorNav course={course} />}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">Instructor</h1>
        {current && <CourseSwitcher courses={courses.map((c) => ({ id: c.id, title: c.title, role: c.role }))} currentId={current.id} />}
      </div>
      {course ? (
        <>
          <div className="card">
            <h2 className="text-lg font-medium">{course.title}</h2>
            <p className="mt-2 text-sm">
              {course.archived ? (
                <>This course is archived: it is read-only, and takes no new students or submissions.</>
              ) : (
                <>
                  Students join with the code <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono">{course.joinCode}</code>.
                </>
              )}
            </p>
            {courseCan(standing, 'course.viewAsStudent') && <StudentViewButton />}
          </div>
          <section aria-labelledby="settings-heading" className="card space-y-3">
            <h2 id="settings-heading" className="text-lg font-semibold">
              Course settings
            </h2>
            <p className="text-sm text-slate-600" data-testid="current-late-policy">
              Now: due dates on {formatTimeZone(course.timeZone)} time. {describeLatePolicy(course)}
            </p>
            {courseCan(standing, 'course.settings.edit') ? (
              <CourseSettingsForm
                initial={{ timeZone: course.timeZone, latePolicy: course.latePolicy, latePenalty: course.latePenalty }}
                timeZones={timeZones}
              />
            ) : (
              <p className="text-sm">
                Only an instructor of this course can change them{course.archived ? ', and not while it is archived' : ''}.
              </p>
            )}
          </section>
          {exercises.length > 0 && (
            <section aria-labelledby="preview-list-heading" className="space-y-2">
              <h2 id="preview-list-heading" className="text-lg font-semibold">
                Exercises
              </h2>
              <p className="text-sm text-slate-600">
                Preview any exercise as a student sees it: the canonical variant, any seed, or a given student’s variant.
              </p>
              <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" aria-label="Exercise previews">
                {exercises.map((exercise) => (
                  <li key={exercise.slug} className="flex flex-col gap-1 p-3 sm:flex-row sm:items-center sm:justify-between">
                    <div className="min-w-0">
                      <Link href={`/exercises/${exercise.slug}?variant=canonical`} className="font-medium text-indigo-700 hover:underline">
                        {exercise.title}
                      </Link>
                      {courseCan(standing, 'course.dashboard.view') && (
                        <Link href={`/instructor/exercises/${exercise.slug}`} className="ml-3 text-sm text-indigo-700 hover:underline">
                          Statistics and settings
                        </Link>
                      )}
                      <p className="text-xs text-slate-600">
                        {topicTitles.get(exercise.topic) ?? exercise.topic} · {exercise.kind}
                        {exercise.dueAt ? ` · Due ${formatDateTime(exercise.dueAt, course.timeZone)}` : ''}
                        {exercise.published ? '' : ' · unpublished'}
                      </p>
                    </div>
                    <div className="flex items-center gap-2">
                      <code className="text-xs text-slate-500">{exercise.slug}</code>
                      {courseCan(standing, 'course.settings.edit') &&
                        (['up', 'down'] as const).map((direction) => (
                          <form key={direction} action={asFormAction(moveExerciseAction)}>
                            <input type="hidden" name="slug" value={exercise.slug} />
                            <input type="hidden" name="direction" value={direction} />
                            <button
                              type="submit"
                              className="rounded border border-slate-300 px-1.5 text-xs"
                              aria-label={`Move ${exercise.title} ${direction}`}
                            >
                              {direction === 'up' ? '↑' : '↓'}
                            </button>
                          </form>
                        ))}
                    </div>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {drafts.some((d) => !published.has(d.slug)) && (
            <section aria-labelledby="drafts-heading" className="space-y-2">
              <h2 id="drafts-heading" className="text-lg font-semibold">
                Unpublished drafts
              </h2>
              <ul className="text-sm">
                {drafts
                  .filter((d) => !published.has(d.slug))
                  .map((d) => (
                    <li key={d.slug}>
                      <Link href={`/instructor/authoring/${d.slug}`} className="text-indigo-700 hover:underline">
                        {d.slug}
                      </Link>
                    </li>
                  ))}
              </ul>
            </section>
          )}
        </>
      ) : (
        <p>You do not teach a course yet.</p>
      )}
      {mayCreate && (
        <section aria-labelledby="new-course-heading" className="card space-y-3">
          <h2 id="new-course-heading" className="text-lg font-semibold">
            New course
          </h2>
          <CreateCourseForm timeZones={timeZones} />
        </section>
      )}
    </div>
  );
}
