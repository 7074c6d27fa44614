import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { listCourseMembers, studentTimeline } from '@deltalab/db';
import { storedGradeResult, type StoredGradeResult } from '@/server/grading/storedResult';
import { requireCoursePage } from '@/server/pageAccess';
import { formatDateTime } from '@/lib/format';
import { InstructorNav } from '@/components/instructor/InstructorNav';

export const metadata: Metadata = { title: 'Student' };

/** One student's timeline in the course: every submission, newest first, with what was sent and the feedback. */
export default async function StudentTimelinePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { course, db } = await requireCoursePage(`/instructor/students/${id}`, 'course.dashboard.view');
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const student = (await listCourseMembers(db, course.id)).find((m) => m.userId === id);
  if (!student) notFound();
  const timeline = await studentTimeline(db, course.id, id);
  return (
    <div className="space-y-4">
      <InstructorNav course={course} />
      <h1 className="text-2xl font-semibold">{student.name}</h1>
      <p className="text-sm text-slate-600">
        {student.email} · {timeline.length} submission(s)
      </p>
      <ol className="space-y-3" aria-label="Submissions">
        {timeline.map((s) => {
          const result: Partial<StoredGradeResult> = storedGradeResult(s.result) ?? {};
          const { payload } = s;
          return (
            <li key={s.id} className="card space-y-2">
              <p className="text-sm">
                <span className="font-medium">{formatDateTime(s.createdAt, course.timeZone)}</span> ·{' '}
                <Link href={`/instructor/exercises/${s.slug}`} className="text-indigo-700 underline">
                  {s.title}
                </Link>{' '}
                · attempt {s.attempt} · {s.status}
                {s.score !== null ? ` · ${Math.round(s.score * 1000) / 10} %` : ''}
                {s.late ? ' · late' : ''}
              </p>
              {'code' in payload ? (
                <pre className="max-h-64 overflow-auto rounded bg-slate-100 p-2 text-xs">{payload.code}</pre>
              ) : (
                <p className="font-mono text-xs">
                  {Object.entries('answers' in payload ? payload.answers : {})
                    .map(([k, v]) => `${k} = ${String(v)}`)
                    .join('   ')}
                </p>
              )}
              <ul className="text-xs text-slate-700">
                {result.error && <li>{result.error.message}</li>}
                {result.diagnosis && <li>{result.diagnosis.message}</li>}
                {result.fields?.map((f) => (
                  <li key={f.name}>
                    {f.name}: {f.status}
                    {f.message ? ` — ${f.message}` : ''}
                  </li>
                ))}
                {result.cases
                  ?.filter((c) => !c.passed)
                  .slice(0, 5)
                  .map((c) => (
                    <li key={c.name}>
                      {c.name}: {c.message ?? 'failed'}
                    </li>
                  ))}
                {s.failureMessage && <li>{s.failureMessage}</li>}
                {(s.regrades ?? []).map((r) => (
                  <li key={r.regradeId}>
                    Regraded {formatDateTime(new Date(r.appliedAt), course.timeZone)}: {r.fromScore ?? '—'} → {r.toScore ?? '—'} ({r.reason}
                    )
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
