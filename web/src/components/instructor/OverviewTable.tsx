import Link from 'next/link';
import type { CourseOverview } from '@/server/services/dashboards/getCourseOverview';
import type { OverviewColumn, OverviewStudentRow, SortKey } from './useOverviewTable';

interface Sorting {
  sortBy: (key: SortKey) => void;
  /** The arrow after a header: the direction when the table is sorted by it. */
  arrow: (key: SortKey) => string;
}

/** Green for a full score through amber to red for 0; grey: no submission. */
function heat(score: number | null): string {
  if (score === null) return 'hsl(0 0% 94%)';
  return `hsl(${Math.round(score * 120)} 70% ${85 - score * 20}%)`;
}

function OverviewHead({ columns, sortBy, arrow }: { columns: OverviewColumn[] } & Sorting) {
  return (
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
            <button type="button" onClick={() => sortBy(`exercise:${c.index}`)} className="whitespace-nowrap [writing-mode:vertical-rl]">
              {c.slug}
              {arrow(`exercise:${c.index}`)}
            </button>
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** One student's exercise: best score in percent (… while grading), L when late, and the attempts under it. */
function OverviewCell({
  email,
  column,
  cell,
}: {
  email: string;
  column: OverviewColumn;
  cell: CourseOverview['cells'][number][number] | undefined;
}) {
  return (
    <td
      className="min-w-10 border border-white p-1 text-center"
      style={{ background: heat(cell?.score ?? null) }}
      title={
        cell
          ? `${column.slug}: best ${cell.score ?? 'not graded'}, ${cell.attempts} attempt(s)${cell.late ? ', late' : ''}`
          : `${column.slug}: no submission`
      }
      data-testid={`cell-${email}-${column.slug}`}
    >
      {cell ? `${cell.score === null ? '…' : Math.round(cell.score * 100)}${cell.late ? 'L' : ''}` : ''}
      {cell ? <span className="block text-[10px] text-slate-600">×{cell.attempts}</span> : null}
    </td>
  );
}

/** The students × exercises table, its headers sorting it. */
export function OverviewTable({
  columns,
  rows,
  cells,
  ...sorting
}: { columns: OverviewColumn[]; rows: OverviewStudentRow[]; cells: CourseOverview['cells'] } & Sorting) {
  return (
    <div className="overflow-auto rounded border border-slate-200 bg-white" style={{ maxHeight: '70vh' }}>
      <table className="border-collapse text-xs" aria-label="Students by exercises">
        <OverviewHead columns={columns} {...sorting} />
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
              {columns.map((c) => (
                <OverviewCell key={c.slug} email={s.email} column={c} cell={cells[s.index]![c.index]} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
