import { switchCourseFormAction } from '@/app/course/actions';
import { asFormAction } from '@/server/formAction';

/**
 * For someone in several courses (an instructor teaching two, a student taking two): which one they work in. A plain
 * form posting to a server action: no client code of its own, so the student pages' JavaScript stays as it was.
 */
export function CourseSwitcher({ courses, currentId }: { courses: { id: string; title: string; role: string }[]; currentId: string }) {
  if (courses.length < 2) return null;
  return (
    <form action={asFormAction(switchCourseFormAction)} className="flex items-center gap-2 text-sm" aria-label="Switch course">
      <label htmlFor="switch-course">Course</label>
      <select id="switch-course" name="courseId" className="input w-auto" defaultValue={currentId}>
        {courses.map((c) => (
          <option key={c.id} value={c.id}>
            {c.title} ({c.role})
          </option>
        ))}
      </select>
      <button type="submit" className="rounded border border-slate-300 px-2 py-1">
        Switch
      </button>
    </form>
  );
}
