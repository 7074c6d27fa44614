import type { Metadata } from 'next';
import Link from 'next/link';
import { listCourseSections } from '@deltalab/db';
import { requireCoursePage } from '@/server/pageAccess';
import { studentFilterOf } from '@/server/services/dashboards/studentFilter';
import { SectionFilter } from '@/components/instructor/SectionFilter';
import { getCourseOverview } from '@/server/services/dashboards/getCourseOverview';
import { InstructorNav } from '@/components/instructor/InstructorNav';
import { OverviewHeatmap } from '@/components/instructor/OverviewHeatmap';
import { ProgressChart } from '@/components/instructor/ProgressChart';

export const metadata: Metadata = { title: 'Dashboard' };

/** The class at a glance: students × exercises as a heat map, and progress by topic over time. */
export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { course, db } = await requireCoursePage('/instructor/dashboard', 'course.dashboard.view');
  const filter = studentFilterOf(await searchParams);
  const [overview, sections] = await Promise.all([getCourseOverview(db, course, filter), listCourseSections(db, course.id)]);
  return (
    <div className="space-y-4">
      <InstructorNav course={course} />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">Dashboard{filter.section ? ` · ${filter.section}` : ''}</h1>
        <SectionFilter sections={sections} current={filter.section ?? null} />
      </div>
      <section aria-labelledby="progress-heading" className="card space-y-2">
        <h2 id="progress-heading" className="text-lg font-semibold">
          Progress by topic
        </h2>
        <ProgressChart progress={overview.progress} />
      </section>
      <section aria-labelledby="overview-heading" className="space-y-2">
        <h2 id="overview-heading" className="text-lg font-semibold">
          Students × exercises
        </h2>
        <OverviewHeatmap overview={overview} />
      </section>
      <section aria-labelledby="exercises-heading" className="space-y-2">
        <h2 id="exercises-heading" className="text-lg font-semibold">
          Per exercise
        </h2>
        <ul className="grid gap-1 text-sm sm:grid-cols-2 lg:grid-cols-3">
          {overview.exercises.map((e) => (
            <li key={e.slug}>
              <Link
                href={`/instructor/exercises/${e.slug}${filter.section ? `?section=${encodeURIComponent(filter.section)}` : ''}`}
                className="text-indigo-700 hover:underline"
              >
                {e.title}
              </Link>{' '}
              <span className="text-slate-500">{e.published ? '' : '(hidden)'}</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
