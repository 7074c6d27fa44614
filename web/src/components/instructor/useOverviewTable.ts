'use client';

import { useMemo, useState } from 'react';
import type { CourseOverview } from '@/server/services/dashboards/getCourseOverview';

export type SortKey = 'name' | 'total' | 'solved' | `exercise:${number}`;
/** An exercise column, with its index in the overview's cells. */
export type OverviewColumn = CourseOverview['exercises'][number] & { index: number };
/** A student's row, with its index in the overview's cells. */
export type OverviewStudentRow = CourseOverview['students'][number] & { index: number };

/** What a row is sorted by: its name (lower case), total, solved count, or best score on one exercise (-1: none). */
function sortValue(overview: CourseOverview, sort: SortKey, row: OverviewStudentRow): string | number {
  if (sort === 'name') return row.name.toLowerCase();
  if (sort === 'total') return row.total;
  if (sort === 'solved') return row.solved;
  return overview.cells[row.index]![Number(sort.slice(9))]?.score ?? -1;
}

/**
 * The heat map's view of the overview: students filtered by name or email and sorted (a second click on the same
 * header reverses; numbers start highest first), exercises filtered by topic.
 */
export function useOverviewTable(overview: CourseOverview) {
  const [sort, setSort] = useState<SortKey>('name');
  const [descending, setDescending] = useState(false);
  const [filter, setFilter] = useState('');
  const [topic, setTopic] = useState('');
  const columns = useMemo(
    () => overview.exercises.map((e, i) => ({ ...e, index: i })).filter((e) => !topic || e.topic === topic),
    [overview, topic],
  );
  const rows = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return overview.students
      .map((s, i) => ({ ...s, index: i }))
      .filter((s) => !needle || s.name.toLowerCase().includes(needle) || s.email.includes(needle))
      .sort((a, b) => {
        const [x, y] = [sortValue(overview, sort, a), sortValue(overview, sort, b)];
        const order = x < y ? -1 : x > y ? 1 : 0;
        return descending ? -order : order;
      });
  }, [overview, filter, sort, descending]);
  const sortBy = (key: SortKey) => {
    if (key === sort) setDescending(!descending);
    else {
      setSort(key);
      setDescending(key !== 'name');
    }
  };
  const arrow = (key: SortKey) => (sort === key ? (descending ? ' ▼' : ' ▲') : '');
  const topics = [...new Set(overview.exercises.map((e) => e.topic))];
  return { filter, setFilter, topic, setTopic, topics, columns, rows, sortBy, arrow };
}
