'use client';

import type { CourseOverview } from '@/server/services/dashboards/getCourseOverview';
import { OverviewFilters } from './OverviewFilters';
import { OverviewTable } from './OverviewTable';
import { useOverviewTable } from './useOverviewTable';

/**
 * The overview matrix: one row per student, one column per exercise, each cell coloured by best score with attempts
 * and a late mark. Sort by name, total, solved or any exercise; filter students by name or email, exercises by topic.
 */
export function OverviewHeatmap({ overview }: { overview: CourseOverview }) {
  const { filter, setFilter, topic, setTopic, topics, columns, rows, sortBy, arrow } = useOverviewTable(overview);
  return (
    <div className="space-y-2">
      <OverviewFilters filter={filter} onFilter={setFilter} topic={topic} onTopic={setTopic} topics={topics} shown={rows.length} />
      <OverviewTable columns={columns} rows={rows} cells={overview.cells} sortBy={sortBy} arrow={arrow} />
    </div>
  );
}
