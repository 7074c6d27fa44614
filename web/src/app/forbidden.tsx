import Link from 'next/link';

export default function Forbidden() {
  return (
    <div className="mx-auto max-w-md text-center">
      <h1 className="mb-2 text-2xl font-semibold">403 — Not allowed</h1>
      <p className="mb-6 text-slate-700">
        Your account may not open this page: it is for the staff of your current course, or for administrators. If you work in several
        courses, switch course first.
      </p>
      <Link href="/course" className="btn btn-primary">
        Back to your course
      </Link>
    </div>
  );
}
