import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="mx-auto max-w-md text-center">
      <h1 className="mb-2 text-2xl font-semibold">Page not found</h1>
      <p className="mb-6 text-slate-700">There is nothing at this address.</p>
      <Link href="/" className="btn btn-primary">
        Go to the start page
      </Link>
    </div>
  );
}
