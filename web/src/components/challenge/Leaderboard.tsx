'use client';

import { useEffect, useState } from 'react';
import type { ChallengeView } from '@/server/services/challenges/getChallenge';
import type { ApiErrorBody } from '@/server/api';
import type { VerifyRequested } from '@/server/services/challenges/entries';
import type { Leaderboard as Board } from '@/server/services/challenges/leaderboard';
import type { BoardName, ChallengeSettings } from '@/server/services/challenges/settings';
import { readApiBody } from '@/components/apiResponse';
import { BoundaryCanvas } from './BoundaryCanvas';
import { percent } from './percent';

/** Side of the server's boundary grid (@deltalab/exercises BOUNDARY_GRID). */
const SERVER_GRID = 48;

/** The board, the student's name on it, and for instructors the challenge's settings and Verify. */
export function Leaderboard({ challenge, version }: { challenge: ChallengeView; version: number }) {
  const slug = challenge.slug;
  const [board, setBoard] = useState<Board | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  useEffect(() => {
    let live = true;
    void fetch(`/api/challenges/${slug}/leaderboard`)
      .then(async (r) => {
        const body = (await r.json()) as Board & Partial<ApiErrorBody>;
        if (!live) return;
        if (r.ok) setBoard(body);
        else setProblem(body.error?.message ?? `HTTP ${r.status}`);
      })
      .catch(() => live && setProblem('The server is unreachable.'));
    return () => {
      live = false;
    };
  }, [slug, version, reload]);

  const showPrivate = board?.rows.some((r) => r.privateScore !== undefined) ?? false;
  return (
    <section className="card space-y-3" aria-labelledby="board-heading">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="board-heading" className="text-lg font-semibold">
          Leaderboard {board?.revealed ? '(private scores: final)' : '(public scores)'}
        </h2>
        <button type="button" className="text-sm underline" onClick={() => setReload((n) => n + 1)}>
          Refresh
        </button>
      </div>
      <p className="text-xs text-slate-600">
        {board?.revealed
          ? 'The deadline has passed: the private half of the hidden test set decides. Verified: the code, re-trained on the server with its recorded seed and epochs, came within '
          : `Ranked by accuracy on the public half of the hidden test set; fewer parameters win ties. After the deadline${challenge.deadline ? ` (${new Date(challenge.deadline).toLocaleString()})` : ''} the private half decides. Verified: re-trained on the server within `}
        {board ? `${(board.verifyMargin * 100).toFixed(0)} points of its score.` : ''}
      </p>
      {!challenge.isInstructor && <NameForm slug={slug} initial={challenge.name} onSaved={() => setReload((n) => n + 1)} />}
      {challenge.isInstructor && <SettingsForm challenge={challenge} onSaved={() => setReload((n) => n + 1)} />}
      {problem && (
        <p role="alert" className="text-sm text-red-800">
          {problem}
        </p>
      )}
      {board && (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm [&_td]:pr-3 [&_th]:pr-3" data-testid="leaderboard">
            <thead>
              <tr className="border-b">
                <th className="py-1">Rank</th>
                <th>Name</th>
                {challenge.isInstructor && <th>Student</th>}
                <th>Public score</th>
                {showPrivate && <th>Private score</th>}
                <th>Parameters</th>
                <th>Entries</th>
                <th>Last entry</th>
                <th>Verified</th>
                {challenge.isInstructor && <th>Verify</th>}
              </tr>
            </thead>
            <tbody>
              {board.rows.map((row, i) => (
                <tr
                  key={`${row.name}-${i}`}
                  className={`border-b border-slate-100 ${row.baseline ? 'italic text-slate-600' : ''} ${row.mine ? 'bg-amber-50 font-medium' : ''}`}
                  data-baseline={row.baseline ? 'true' : undefined}
                >
                  <td className="py-1">{row.rank ?? '—'}</td>
                  <td>
                    {row.name}
                    {row.mine ? ' (you)' : ''}
                  </td>
                  {challenge.isInstructor && <td>{row.realName ?? ''}</td>}
                  <td>{percent(row.publicScore)}</td>
                  {showPrivate && <td>{percent(row.privateScore)}</td>}
                  <td>{row.params}</td>
                  <td>{row.entries ?? ''}</td>
                  <td>{row.lastEntryAt ? new Date(row.lastEntryAt).toLocaleString() : ''}</td>
                  <td>
                    {row.verified
                      ? '✔ verified'
                      : row.verifyStatus && row.verifyStatus !== 'queued'
                        ? row.verifyStatus
                        : row.verifyStatus === 'queued'
                          ? 'queued'
                          : ''}
                  </td>
                  {challenge.isInstructor && (
                    <td>{row.entryId && <VerifyButton slug={slug} entryId={row.entryId} onDone={() => setReload((n) => n + 1)} />}</td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {board?.reveal && board.reveal.top.length > 0 && (
        <div className="space-y-2">
          <h3 className="font-semibold">The top entries over the hidden test points</h3>
          <div className="flex flex-wrap gap-4">
            {board.reveal.top.map((top) => (
              <figure key={top.rank} className="space-y-1">
                <BoundaryCanvas
                  bounds={challenge.bounds}
                  gridSize={SERVER_GRID}
                  classes={Array.from(top.boundary, Number)}
                  points={board.reveal!.test}
                  size={240}
                  label={`Decision boundary of rank ${top.rank}, ${top.name}, over the hidden test points`}
                />
                <figcaption className="text-xs">
                  {top.rank}. {top.name}
                </figcaption>
              </figure>
            ))}
          </div>
        </div>
      )}
    </section>
  );
}

function NameForm({ slug, initial, onSaved }: { slug: string; initial: string | null; onSaved: () => void }) {
  const [name, setName] = useState(initial ?? '');
  const [status, setStatus] = useState('');
  return (
    <form
      className="flex flex-wrap items-center gap-2 text-sm"
      onSubmit={async (e) => {
        e.preventDefault();
        const r = await fetch(`/api/challenges/${slug}/name`, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ name }),
        });
        const body = await readApiBody<BoardName>(r);
        setStatus(r.ok ? `The board shows you as ${body.name}.` : (body.error?.message ?? `HTTP ${r.status}`));
        if (r.ok) onSaved();
      }}
    >
      <label className="flex items-center gap-2">
        Your name on the board
        <input
          className="rounded border border-slate-300 px-2 py-1"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          placeholder="a pseudonym"
        />
      </label>
      <button type="submit" className="btn btn-secondary">
        Save name
      </button>
      <span role="status">{status}</span>
    </form>
  );
}

/** A datetime-local value (the browser's zone) for an ISO instant. */
function localInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function SettingsForm({ challenge, onSaved }: { challenge: ChallengeView; onSaved: () => void }) {
  const [deadline, setDeadline] = useState(localInput(challenge.deadline));
  const [perDay, setPerDay] = useState(String(challenge.limits.entriesPerDay));
  const [status, setStatus] = useState('');
  return (
    <form
      className="flex flex-wrap items-end gap-3 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm"
      aria-label="Challenge settings"
      onSubmit={async (e) => {
        e.preventDefault();
        const body = { deadline: deadline ? new Date(deadline).toISOString() : null, entriesPerDay: perDay ? Number(perDay) : null };
        const r = await fetch(`/api/challenges/${challenge.slug}/settings`, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        });
        const answer = await readApiBody<ChallengeSettings>(r);
        setStatus(
          r.ok
            ? answer.revealed
              ? 'Saved: the deadline has passed, the private board is revealed.'
              : 'Saved.'
            : (answer.error?.message ?? `HTTP ${r.status}`),
        );
        if (r.ok) onSaved();
      }}
    >
      <label className="flex flex-col">
        Deadline (your time zone)
        <input
          type="datetime-local"
          className="rounded border border-slate-300 px-2 py-1"
          value={deadline}
          onChange={(e) => setDeadline(e.currentTarget.value)}
        />
      </label>
      <label className="flex flex-col">
        Entries per day
        <input
          type="number"
          min={1}
          className="w-24 rounded border border-slate-300 px-2 py-1"
          value={perDay}
          onChange={(e) => setPerDay(e.currentTarget.value)}
        />
      </label>
      <button type="submit" className="btn btn-primary">
        Save settings
      </button>
      <span role="status">{status}</span>
    </form>
  );
}

function VerifyButton({ slug, entryId, onDone }: { slug: string; entryId: string; onDone: () => void }) {
  const [state, setState] = useState('');
  return (
    <button
      type="button"
      className="text-xs underline"
      onClick={async () => {
        const r = await fetch(`/api/challenges/${slug}/entries/${entryId}/verify`, { method: 'POST' });
        const body = await readApiBody<VerifyRequested>(r);
        setState(body.message ?? body.error?.message ?? '');
        onDone();
      }}
      title={state}
    >
      {state ? state.split(':')[0] : 'Verify now'}
    </button>
  );
}
