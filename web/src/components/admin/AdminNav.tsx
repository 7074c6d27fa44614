import Link from 'next/link';

/** The administrators' pages. */
export function AdminNav() {
  return (
    <nav aria-label="Administration" className="flex flex-wrap items-center gap-4 border-b border-slate-200 pb-2 text-sm">
      <span className="font-medium">Administration</span>
      <Link href="/admin/users" className="text-indigo-700 hover:underline">
        Users
      </Link>
      <Link href="/admin/courses" className="text-indigo-700 hover:underline">
        Courses
      </Link>
      <Link href="/admin/lti" className="text-indigo-700 hover:underline">
        LMS platforms
      </Link>
    </nav>
  );
}
