import Link from 'next/link';

const links = [
  ['/instructor', 'Course'],
  ['/instructor/dashboard', 'Dashboard'],
  ['/instructor/authoring/new', 'New exercise'],
  ['/instructor/regrades', 'Regrades'],
] as const;

/** The instructor pages' own navigation, with the course they are about. */
export function InstructorNav({ courseTitle }: { courseTitle: string }) {
  return (
    <nav aria-label="Instructor" className="flex flex-wrap items-center gap-4 border-b border-slate-200 pb-2 text-sm">
      <span className="font-medium">{courseTitle}</span>
      {links.map(([href, label]) => (
        <Link key={href} href={href} className="text-indigo-700 hover:underline">
          {label}
        </Link>
      ))}
      <a href="/api/instructor/gradebook.csv" className="text-indigo-700 hover:underline" download>
        Gradebook CSV
      </a>
      <a href="/api/instructor/gradebook.csv?format=canvas" className="text-indigo-700 hover:underline" download>
        Canvas CSV
      </a>
      <a href="/api/instructor/submissions.csv" className="text-indigo-700 hover:underline" download>
        Submissions CSV
      </a>
    </nav>
  );
}
