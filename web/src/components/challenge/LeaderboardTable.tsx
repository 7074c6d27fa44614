import { formatDateTime } from '@/lib/format';
import type { BoardRow, Leaderboard } from '@/server/services/challenges/leaderboard';
import { percent } from './percent';
import { VerifyButton } from './VerifyButton';

/** The Verified column: verified, else how the verification stands (failed, queued…), else nothing. */
function verifiedLabel(row: BoardRow): string {
  return row.verified
    ? '✔ verified'
    : row.verifyStatus && row.verifyStatus !== 'queued'
      ? row.verifyStatus
      : row.verifyStatus === 'queued'
        ? 'queued'
        : '';
}

interface Columns {
  slug: string;
  /** Staff see the student's real name; those who may verify, a Verify button per row. */
  seesAll: boolean;
  verify: boolean;
  showPrivate: boolean;
  onVerified: () => void;
}

function LeaderboardRow({ row, slug, seesAll, verify, showPrivate, onVerified }: { row: BoardRow } & Columns) {
  return (
    <tr
      className={`border-b border-slate-100 ${row.baseline ? 'italic text-slate-600' : ''} ${row.mine ? 'bg-amber-50 font-medium' : ''}`}
      data-baseline={row.baseline ? 'true' : undefined}
    >
      <td className="py-1">{row.rank ?? '—'}</td>
      <td>
        {row.name}
        {row.mine ? ' (you)' : ''}
      </td>
      {seesAll && <td>{row.realName ?? ''}</td>}
      <td>{percent(row.publicScore)}</td>
      {showPrivate && <td>{percent(row.privateScore)}</td>}
      <td>{row.params}</td>
      <td>{row.entries ?? ''}</td>
      <td>{row.lastEntryAt ? formatDateTime(row.lastEntryAt) : ''}</td>
      <td>{verifiedLabel(row)}</td>
      {verify && <td>{row.entryId && <VerifyButton slug={slug} entryId={row.entryId} onDone={onVerified} />}</td>}
    </tr>
  );
}

/** The board's rows: rank, name, scores (private ones once revealed, or for staff), size, entries, Verified. */
export function LeaderboardTable({ board, ...columns }: { board: Leaderboard } & Omit<Columns, 'showPrivate'>) {
  const showPrivate = board.rows.some((r) => r.privateScore !== undefined);
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm [&_td]:pr-3 [&_th]:pr-3" data-testid="leaderboard">
        <thead>
          <tr className="border-b">
            <th className="py-1">Rank</th>
            <th>Name</th>
            {columns.seesAll && <th>Student</th>}
            <th>Public score</th>
            {showPrivate && <th>Private score</th>}
            <th>Parameters</th>
            <th>Entries</th>
            <th>Last entry</th>
            <th>Verified</th>
            {columns.verify && <th>Verify</th>}
          </tr>
        </thead>
        <tbody>
          {board.rows.map((row, i) => (
            <LeaderboardRow key={`${row.name}-${i}`} row={row} showPrivate={showPrivate} {...columns} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
