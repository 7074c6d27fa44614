import type { Metadata } from 'next';
import Link from 'next/link';
import { requireCourseInstructor } from '@/server/instructorPage';
import { getCourseOverview } from '@/server/services/dashboards/getCourseOverview';
import { InstructorNav } from '@/components/instructor/InstructorNav';
import { OverviewHeatmap } from '@/components/instructor/OverviewHeatmap';
import { ProgressChart } from '@/components/instructor/ProgressChart';

export const metadata: Metadata = { title: 'Dashboard' };

/** The class at a glance: students × exercises as a heat map, and progress by topic over time. */
export default async function DashboardPage() {
  const { course, db } = await requireCourseInstructor('/instructor/dashboard');
  const overview = await getCourseOverview(db, course);
  return (
    <div className="space-y-4">
      <InstructorNav courseTitle={course.title} />
      <h1 className="text-2xl font-semibold">Dashboard</h1>
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
              <Link href={`/instructor/exercises/${e.slug}`} className="text-indigo-700 hover:underline">
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
