'use client';

import { formatDateTime } from '@/lib/format';
import type { ChallengeView } from '@/server/services/challenges/getChallenge';
import { BoardNameForm } from './BoardNameForm';
import { ChallengeSettingsForm } from './ChallengeSettingsForm';
import { LeaderboardTable } from './LeaderboardTable';
import { RevealedBoundaries } from './RevealedBoundaries';
import { useLeaderboard } from './useLeaderboard';

/** The board, the student's name on it, and for instructors the challenge's settings and Verify. */
export function Leaderboard({ challenge, version }: { challenge: ChallengeView; version: number }) {
  const slug = challenge.slug;
  const { board, problem, refresh } = useLeaderboard(slug, version);
  return (
    <section className="card space-y-3" aria-labelledby="board-heading">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="board-heading" className="text-lg font-semibold">
          Leaderboard {board?.revealed ? '(private scores: final)' : '(public scores)'}
        </h2>
        <button type="button" className="text-sm underline" onClick={refresh}>
          Refresh
        </button>
      </div>
      <p className="text-xs text-slate-600">
        {board?.revealed
          ? 'The deadline has passed: the private half of the hidden test set decides. Verified: the code, re-trained on the server with its recorded seed and epochs, came within '
          : `Ranked by accuracy on the public half of the hidden test set; fewer parameters win ties. After the deadline${challenge.deadline ? ` (${formatDateTime(challenge.deadline, challenge.timeZone)})` : ''} the private half decides. Verified: re-trained on the server within `}
        {board ? `${(board.verifyMargin * 100).toFixed(0)} points of its score.` : ''}
      </p>
      {!challenge.rights.seesAll && <BoardNameForm slug={slug} initial={challenge.name} onSaved={refresh} />}
      {challenge.rights.editSettings && <ChallengeSettingsForm challenge={challenge} onSaved={refresh} />}
      {problem && (
        <p role="alert" className="text-sm text-red-800">
          {problem}
        </p>
      )}
      {board && (
        <LeaderboardTable
          board={board}
          slug={slug}
          seesAll={challenge.rights.seesAll}
          verify={challenge.rights.verify}
          onVerified={refresh}
        />
      )}
      {board?.reveal && board.reveal.top.length > 0 && <RevealedBoundaries reveal={board.reveal} bounds={challenge.bounds} />}
    </section>
  );
}
