import { formatDateTime } from '@/lib/format';
import type { EntryView } from '@/server/services/challenges/entries';
import { percent } from './percent';

/** The student's entries with their scores, Verify, and the final picks (until the deadline). */
export function EntriesTable({
  entries,
  maxFinal,
  revealed,
  onToggleFinal,
}: {
  entries: EntryView[];
  maxFinal: number;
  revealed: boolean;
  onToggleFinal: (e: EntryView) => void;
}) {
  return (
    <section className="card space-y-2" aria-labelledby="entries-heading">
      <h2 id="entries-heading" className="text-lg font-semibold">
        Your entries
      </h2>
      <p className="text-xs text-slate-600">
        Mark up to {maxFinal} entries as final: after the deadline the best private score among them counts (none marked: your best public
        entry). The server computes the training accuracy again, since backends differ.
      </p>
      {entries.length === 0 ? (
        <p className="text-sm text-slate-600">No entries yet.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm [&_td]:pr-3 [&_th]:pr-3" data-testid="entries">
            <thead>
              <tr className="border-b">
                <th className="py-1">When</th>
                <th>Status</th>
                <th>Public score</th>
                {revealed && <th>Private score</th>}
                <th>Training accuracy (server / browser)</th>
                <th>Parameters</th>
                <th>Backend</th>
                <th>Verify</th>
                <th>Final</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <EntryRow key={e.id} entry={e} revealed={revealed} onToggleFinal={onToggleFinal} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function EntryRow({ entry: e, revealed, onToggleFinal }: { entry: EntryView; revealed: boolean; onToggleFinal: (e: EntryView) => void }) {
  return (
    <tr className="border-b border-slate-100">
      <td className="py-1">{formatDateTime(e.createdAt)}</td>
      <td>
        {e.status === 'graded' ? 'scored' : e.status}
        {e.message && e.status !== 'graded' ? `: ${e.message}` : ''}
        {e.status === 'graded' && e.message ? ` (${e.message})` : ''}
      </td>
      <td>{percent(e.publicScore)}</td>
      {revealed && <td>{percent(e.privateScore)}</td>}
      <td>
        {percent(e.trainScore)} / {percent(e.browserTrainScore)}
      </td>
      <td>{e.params}</td>
      <td>{e.backend}</td>
      <td>{e.verify ? `${e.verify.status}${e.verify.score !== null ? ` (${percent(e.verify.score)})` : ''}` : '—'}</td>
      <td>
        <label className="flex items-center gap-1">
          <input
            type="checkbox"
            checked={e.final}
            disabled={revealed || e.status !== 'graded'}
            onChange={() => onToggleFinal(e)}
            aria-label={`Final: entry of ${formatDateTime(e.createdAt)}`}
          />
        </label>
      </td>
    </tr>
  );
}
