import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { listCountedStudents, listExerciseVersions, listRegradesForExercise, selectCourseExerciseBySlug } from '@deltalab/db';
import { listCourseSections } from '@deltalab/db';
import { requireCoursePage } from '@/server/pageAccess';
import { standingIn } from '@/server/auth/courseAccess';
import { courseCan } from '@/server/auth/permissions';
import { studentFilterOf } from '@/server/services/dashboards/studentFilter';
import { SectionFilter } from '@/components/instructor/SectionFilter';
import { resolveExercise } from '@/server/exercises/resolveExercise';
import { getExerciseStats } from '@/server/services/dashboards/getExerciseStats';
import { formatDateTime } from '@/lib/format';
import { ExerciseCharts } from '@/components/instructor/ExerciseCharts';
import { ExerciseSettingsForm } from '@/components/instructor/ExerciseSettingsForm';
import { InstructorNav } from '@/components/instructor/InstructorNav';
import { RegradeForm } from '@/components/instructor/RegradeForm';

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  return { title: `${(await params).slug} · statistics` };
}

const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)} %`);

/** One exercise: how the class does on it, its settings in the course, its versions, and regrades. */
export default async function ExerciseDashboardPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const { course, db } = await requireCoursePage(`/instructor/exercises/${slug}`, 'course.dashboard.view');
  const filter = studentFilterOf(await searchParams);
  const standing = standingIn(course);
  const row = await selectCourseExerciseBySlug(db, course.id, slug);
  if (!row) notFound();
  const [stats, resolved, versions, students, regrades, sections] = await Promise.all([
    getExerciseStats(db, course, slug, filter),
    resolveExercise(db, row),
    listExerciseVersions(db, course.id, row.exerciseId),
    listCountedStudents(db, course.id),
    listRegradesForExercise(db, course.id, row.exerciseId),
    listCourseSections(db, course.id),
  ]);
  const figures: [string, string | number][] = [
    ['Submissions', stats.submissions],
    ['Students who tried', stats.studentsAttempted],
    ['Solved', stats.studentsSolved],
    ['Success rate', percent(stats.successRate)],
    ['Median attempts to solve', stats.medianAttemptsToSolve ?? '—'],
    ['Median time to solve', stats.medianMinutesToSolve === null ? '—' : `${stats.medianMinutesToSolve} min`],
    ['Discrimination', stats.discrimination ?? '—'],
  ];
  return (
    <div className="space-y-5">
      <InstructorNav course={course} />
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">{row.title}</h1>
        <p className="text-sm text-slate-600">
          <code>{slug}</code> · {row.kind} · {row.source === 'site' ? 'authored in the site' : 'from exercises/'} ·{' '}
          {row.published ? 'published' : 'hidden from students'}
        </p>
        <p className="flex flex-wrap gap-4 text-sm">
          <Link href={`/exercises/${slug}?variant=canonical`} className="text-indigo-700 hover:underline">
            Preview as a student
          </Link>
          {row.source === 'site' && courseCan(standing, 'exercise.author') && (
            <Link href={`/instructor/authoring/${slug}`} className="text-indigo-700 hover:underline">
              Edit
            </Link>
          )}
          {courseCan(standing, 'exercise.author') && (
            <a href={`/api/instructor/exercises/${slug}/archive`} className="text-indigo-700 hover:underline" download>
              Export folder (.tar.gz)
            </a>
          )}
        </p>
      </header>

      <section aria-labelledby="figures-heading" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="figures-heading" className="text-lg font-semibold">
            How the class does{filter.section ? ` · ${filter.section}` : ''}
          </h2>
          <SectionFilter sections={sections} current={filter.section ?? null} />
        </div>
        <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4" data-testid="exercise-figures">
          {figures.map(([label, value]) => (
            <div key={label} className="card">
              <dt className="text-xs text-slate-600">{label}</dt>
              <dd className="text-lg font-semibold">{value}</dd>
            </div>
          ))}
        </dl>
        <ExerciseCharts attempts={stats.attemptsDistribution} scores={stats.scoreHistogram} firstScores={stats.firstScoreHistogram} />
        <div className="grid gap-4 md:grid-cols-2">
          <Table
            title="Most common diagnoses"
            head={['Mistake', 'Students']}
            rows={stats.diagnoses.map((d) => [d.message, `${percent(d.share)} (${d.students})`])}
          />
          {stats.failingCases.length > 0 && (
            <Table
              title="Most failed cases"
              head={['Case', 'Students']}
              rows={stats.failingCases.map((c) => [c.name, `${percent(c.share)} (${c.students})`])}
            />
          )}
          {stats.numeric && (
            <>
              <Table
                title="Field that goes wrong first"
                head={['Field', 'Submissions']}
                rows={stats.numeric.firstWrongField.map((f) => [f.field, `${percent(f.share)} (${f.submissions})`])}
              />
              <Table
                title={`Credit carried forward: ${percent(stats.numeric.carriedShare)} of graded submissions`}
                head={['Field', 'Submissions']}
                rows={stats.numeric.carriedByField.map((f) => [f.field, String(f.submissions)])}
              />
              <Table
                title="Most common wrong values"
                head={['Field', 'Value', 'Known mistake', 'Submissions']}
                rows={stats.numeric.wrongValues.map((w) => [w.field, String(w.value), w.mistake ?? '—', String(w.submissions)])}
              />
              {stats.numeric.wrongExpressions.length > 0 && (
                <Table
                  title="Most common wrong expressions"
                  head={['Field', 'Expression (as read)', 'Known mistake', 'Submissions']}
                  rows={stats.numeric.wrongExpressions.map((w) => [w.field, w.expression, w.mistake ?? '—', String(w.submissions)])}
                />
              )}
            </>
          )}
        </div>
      </section>

      {courseCan(standing, 'course.settings.edit') && (
        <section aria-labelledby="settings-heading" className="card space-y-3">
          <h2 id="settings-heading" className="text-lg font-semibold">
            Settings in this course
          </h2>
          <ExerciseSettingsForm
            slug={slug}
            initial={{
              published: row.published,
              points: row.points,
              defaultPoints: resolved?.exercise.points ?? 1,
              maxAttempts: row.maxAttempts,
              decayPercent: Math.round(row.pointsDecayPerAttempt * 1000) / 10,
              dueAt: row.dueAt?.toISOString() ?? null,
              showScore: row.showScore,
              showFeedback: row.showFeedback,
              showAnswers: row.showAnswers,
            }}
          />
        </section>
      )}

      {courseCan(standing, 'regrade.preview') && (
        <section aria-labelledby="regrade-heading" className="card space-y-3">
          <h2 id="regrade-heading" className="text-lg font-semibold">
            Regrade
          </h2>
          <RegradeForm slug={slug} versions={versions.map((v) => ({ number: v.number, submissions: v.submissions }))} students={students} />
          {regrades.length > 0 && (
            <ul className="text-sm">
              {regrades.map((r) => (
                <li key={r.id}>
                  <Link href={`/instructor/regrades/${r.id}`} className="text-indigo-700 hover:underline">
                    {formatDateTime(r.createdAt, course.timeZone)}
                  </Link>{' '}
                  · {r.items} submissions · {r.status}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      <section aria-labelledby="versions-heading" className="space-y-2">
        <h2 id="versions-heading" className="text-lg font-semibold">
          Versions
        </h2>
        <Table
          title="Versions (each submission keeps the one it was graded on)"
          head={['Version', 'Content hash', 'Made', 'Submissions']}
          rows={versions.map((v) => [
            `${v.number}${v.id === row.currentVersionId ? ' (current)' : ''}`,
            v.contentHash,
            formatDateTime(new Date(v.createdAt), course.timeZone),
            String(v.submissions),
          ])}
        />
      </section>
    </div>
  );
}

function Table({ title, head, rows }: { title: string; head: string[]; rows: string[][] }) {
  return (
    <div className="card overflow-auto">
      <h3 className="mb-2 text-sm font-medium">{title}</h3>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">None yet.</p>
      ) : (
        <table className="w-full text-sm">
          <thead>
            <tr>
              {head.map((h) => (
                <th key={h} className="text-left font-medium text-slate-600">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((cells, i) => (
              <tr key={i}>
                {cells.map((c, j) => (
                  <td key={j} className="pr-3">
                    {c}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
