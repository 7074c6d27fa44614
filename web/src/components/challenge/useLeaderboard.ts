'use client';

import { useEffect, useState } from 'react';
import type { ApiErrorBody } from '@/server/api';
import type { Leaderboard } from '@/server/services/challenges/leaderboard';

/** The board, fetched again when `version` changes (an entry was scored) and on `refresh`; `problem` says why it could not be. */
export function useLeaderboard(slug: string, version: number) {
  const [board, setBoard] = useState<Leaderboard | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  useEffect(() => {
    let live = true;
    void fetch(`/api/challenges/${slug}/leaderboard`)
      .then(async (r) => {
        const body = (await r.json()) as Leaderboard & Partial<ApiErrorBody>;
        if (!live) return;
        if (r.ok) setBoard(body);
        else setProblem(body.error?.message ?? `HTTP ${r.status}`);
      })
      .catch(() => live && setProblem('The server is unreachable.'));
    return () => {
      live = false;
    };
  }, [slug, version, reload]);

  const refresh = () => setReload((n) => n + 1);
  return { board, problem, refresh };
}
