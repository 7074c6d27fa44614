import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { requireUser } from '@/server/auth/session';
import { getDb } from '@/server/db';
import { getCurrentCourse } from '@/server/services/courses/getCurrentCourse';

export const metadata: Metadata = { title: 'Instructor' };

export default async function InstructorPage() {
  const user = await requireUser('/instructor');
  const course = await getCurrentCourse(await getDb(), user.id);
  if (user.role !== 'instructor' && user.role !== 'admin' && course?.role !== 'instructor') forbidden();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Instructor</h1>
      {course ? (
        <div className="card">
          <h2 className="text-lg font-medium">{course.title}</h2>
          <p className="mt-2 text-sm">
            Students join with the code <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono">{course.joinCode}</code>.
          </p>
        </div>
      ) : (
        <p>You do not teach a course yet.</p>
      )}
    </div>
  );
}
