import Link from 'next/link';
import { getSessionUser } from '@/server/auth/session';
import { getDb } from '@/server/db';
import { getCurrentCourse } from '@/server/services/courses/getCurrentCourse';
import { standingIn } from '@/server/auth/courseAccess';
import { can, courseCan, roleName } from '@/server/auth/permissions';
import { LeaveStudentViewButton } from '@/components/course/StudentViewButton';

export async function SiteHeader() {
  const user = await getSessionUser();
  const course = user ? await getCurrentCourse(await getDb(), user.id) : null;
  const site = { site: user, course: null };
  const staffPages = courseCan(standingIn(course), 'exercise.preview') || can(site, 'course.create');
  return (
    <header className="border-b border-slate-200 bg-white">
      {user?.studentViewOf && (
        <div className="bg-amber-100 px-4 py-2 text-sm text-amber-950" role="status">
          <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2">
            <span>
              You are viewing {course?.title ?? 'the course'} as its test student ({user.studentViewOf.name}’s). Its work is kept out of
              every figure.
            </span>
            <LeaveStudentViewButton />
          </div>
        </div>
      )}
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-semibold text-indigo-700">
          Deltalab
        </Link>
        {course && (
          <Link href="/course" className="min-w-0 truncate text-sm text-slate-700 hover:text-slate-900" data-testid="header-course">
            {course.title}
          </Link>
        )}
        <nav aria-label="Main" className="ml-auto flex items-center gap-3 text-sm">
          {user ? (
            <>
              {course && (
                <Link href="/course" className="text-slate-700 hover:text-slate-900">
                  Exercises
                </Link>
              )}
              {staffPages && (
                <Link href="/instructor" className="text-slate-700 hover:text-slate-900">
                  Instructor
                </Link>
              )}
              {can(site, 'admin.users') && (
                <Link href="/admin/users" className="text-slate-700 hover:text-slate-900">
                  Admin
                </Link>
              )}
              <details className="relative">
                <summary
                  className="cursor-pointer list-none rounded-md border border-slate-300 px-3 py-1.5 text-slate-800 hover:bg-slate-50"
                  aria-label={`Account menu for ${user.name}`}
                >
                  {user.name}
                </summary>
                <div className="absolute right-0 z-10 mt-2 w-64 rounded-md border border-slate-200 bg-white p-3 shadow-lg">
                  <p className="truncate text-sm font-medium">{user.name}</p>
                  <p className="truncate text-xs text-slate-600">{user.email}</p>
                  <p className="mt-1 text-xs text-slate-600">
                    {course ? `Role in ${course.title}: ${roleName(course.role)}${course.dropped ? ' (dropped)' : ''}` : 'In no course yet'}
                    {user.isAdmin ? ' · administrator' : ''}
                  </p>
                  {!user.studentViewOf && (
                    <Link href="/account" className="btn btn-secondary mt-3 w-full">
                      Account
                    </Link>
                  )}
                  <Link href="/signout" className="btn btn-secondary mt-2 w-full">
                    Sign out
                  </Link>
                </div>
              </details>
            </>
          ) : (
            <>
              <Link href="/signin" className="text-slate-700 hover:text-slate-900">
                Sign in
              </Link>
              <Link href="/signup" className="btn btn-primary py-1.5">
                Sign up
              </Link>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}
