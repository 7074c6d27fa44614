'use client';

import Link from 'next/link';
import { useMemo, useState } from 'react';
import type { CourseOverview } from '@/server/services/dashboards/getCourseOverview';

type SortKey = 'name' | 'total' | 'solved' | `exercise:${number}`;

/** Green for a full score through amber to red for 0; grey: no submission. */
function heat(score: number | null): string {
  if (score === null) return 'hsl(0 0% 94%)';
  return `hsl(${Math.round(score * 120)} 70% ${85 - score * 20}%)`;
}

/**
 * The overview matrix: one row per student, one column per exercise, each cell coloured by best score with attempts
 * and a late mark. Sort by name, total, solved or any exercise; filter students by name or email, exercises by topic.
 */
export function OverviewHeatmap({ overview }: { overview: CourseOverview }) {
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
    const list = overview.students
      .map((s, i) => ({ ...s, index: i }))
      .filter((s) => !needle || s.name.toLowerCase().includes(needle) || s.email.includes(needle));
    const value = (row: (typeof list)[number]): string | number => {
      if (sort === 'name') return row.name.toLowerCase();
      if (sort === 'total') return row.total;
      if (sort === 'solved') return row.solved;
      return overview.cells[row.index]![Number(sort.slice(9))]?.score ?? -1;
    };
    return list.sort((a, b) => {
      const [x, y] = [value(a), value(b)];
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
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-3 text-sm">
        <label>
          Students{' '}
          <input
            className="input ml-1 w-56"
            placeholder="name or email"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            aria-label="Filter students"
          />
        </label>
        <label>
          Topic{' '}
          <select className="input ml-1" value={topic} onChange={(e) => setTopic(e.target.value)} aria-label="Filter exercises by topic">
            <option value="">all</option>
            {topics.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </label>
        <span className="text-slate-600">{rows.length} students · cell: best score, attempts, L = late</span>
      </div>
      <div className="overflow-auto rounded border border-slate-200 bg-white" style={{ maxHeight: '70vh' }}>
        <table className="border-collapse text-xs" aria-label="Students by exercises">
          <thead className="sticky top-0 bg-white">
            <tr>
              <th className="sticky left-0 bg-white p-1 text-left">
                <button type="button" onClick={() => sortBy('name')}>
                  Student{arrow('name')}
                </button>
              </th>
              <th className="p-1">
                <button type="button" onClick={() => sortBy('total')}>
                  Total{arrow('total')}
                </button>
              </th>
              <th className="p-1">
                <button type="button" onClick={() => sortBy('solved')}>
                  Solved{arrow('solved')}
                </button>
              </th>
              {columns.map((c) => (
                <th key={c.slug} className="p-1 align-bottom" title={c.title}>
                  <button
                    type="button"
                    onClick={() => sortBy(`exercise:${c.index}`)}
                    className="whitespace-nowrap [writing-mode:vertical-rl]"
                  >
                    {c.slug}
                    {arrow(`exercise:${c.index}`)}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.userId} data-testid={`overview-row-${s.email}`}>
                <th className="sticky left-0 bg-white p-1 text-left font-normal">
                  <Link href={`/instructor/students/${s.userId}`} className="text-indigo-700 hover:underline">
                    {s.name}
                  </Link>
                </th>
                <td className="p-1 text-right">{s.total}</td>
                <td className="p-1 text-right">{s.solved}</td>
                {columns.map((c) => {
                  const cell = overview.cells[s.index]![c.index];
                  return (
                    <td
                      key={c.slug}
                      className="min-w-10 border border-white p-1 text-center"
                      style={{ background: heat(cell?.score ?? null) }}
                      title={
                        cell
                          ? `${c.slug}: best ${cell.score ?? 'not graded'}, ${cell.attempts} attempt(s)${cell.late ? ', late' : ''}`
                          : `${c.slug}: no submission`
                      }
                      data-testid={`cell-${s.email}-${c.slug}`}
                    >
                      {cell ? `${cell.score === null ? '…' : Math.round(cell.score * 100)}${cell.late ? 'L' : ''}` : ''}
                      {cell ? <span className="block text-[10px] text-slate-600">×{cell.attempts}</span> : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
