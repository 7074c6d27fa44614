import Link from 'next/link';

export default function Forbidden() {
  return (
    <div className="mx-auto max-w-md text-center">
      <h1 className="mb-2 text-2xl font-semibold">403 — Not allowed</h1>
      <p className="mb-6 text-slate-700">This page is for instructors only. You are signed in with a student account.</p>
      <Link href="/course" className="btn btn-primary">
        Back to your exercises
      </Link>
    </div>
  );
}
