import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireCoursePage } from '@/server/pageAccess';
import { standingIn } from '@/server/auth/courseAccess';
import { courseCan } from '@/server/auth/permissions';
import { getRegradePreview } from '@/server/services/regrades/regradePreview';
import { SubmissionError } from '@/server/services/submissions/submissionError';
import { formatDateTime } from '@/lib/format';
import { InstructorNav } from '@/components/instructor/InstructorNav';
import { RegradePreviewPanel } from '@/components/instructor/RegradePreviewPanel';

export const metadata: Metadata = { title: 'Regrade' };

export default async function RegradePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { course, db } = await requireCoursePage(`/instructor/regrades/${id}`, 'regrade.preview');
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const preview = await getRegradePreview(db, course, id).catch((error: unknown) => {
    if (error instanceof SubmissionError && error.code === 'not-found') notFound();
    throw error;
  });
  return (
    <div className="space-y-4">
      <InstructorNav course={course} />
      <h1 className="text-2xl font-semibold">
        Regrade of{' '}
        <Link href={`/instructor/exercises/${preview.exercise}`} className="text-indigo-700 hover:underline">
          {preview.exercise}
        </Link>
      </h1>
      <p className="text-sm text-slate-600">
        Requested by {preview.requestedBy ?? 'a former instructor'} on {formatDateTime(new Date(preview.createdAt), course.timeZone)} ·
        scope {JSON.stringify(preview.scope)}
      </p>
      <RegradePreviewPanel initial={preview} canApply={courseCan(standingIn(course), 'regrade.apply')} />
    </div>
  );
}
