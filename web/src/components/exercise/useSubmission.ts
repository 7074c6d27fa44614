'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { usePreviewTarget } from './PreviewContext';
import { followSubmission, gradePreview, sendSubmission, type Payload } from './submissionRequests';
import type { SubmissionSummary } from './types';

export type SubmissionPhase = 'idle' | 'sending' | 'waiting';

/**
 * Submit to POST /api/submissions?wait=…, which most often answers with the grade; a submission still queued then is
 * followed with GET /api/submissions/:id?wait=… until graded or failed. On an instructor's
 * preview (PreviewProvider) it grades through POST /api/preview instead: the result comes back at once, is kept in
 * this page's history only, and nothing is stored.
 */
export function useSubmission(exercise: string, initialHistory: SubmissionSummary[]) {
  const preview = usePreviewTarget();
  const previewCount = useRef(0);
  const [history, setHistory] = useState(initialHistory);
  const [phase, setPhase] = useState<SubmissionPhase>('idle');
  const [error, setError] = useState('');
  // A submission still in flight when the page was loaded is the latest one, and is followed at once (below).
  const [latestId, setLatestId] = useState<string | null>(() => inFlight(initialHistory)?.id ?? null);
  const cancelled = useRef(false);
  useEffect(() => () => void (cancelled.current = true), []);

  const upsert = useCallback((submission: SubmissionSummary) => {
    setHistory((items) => [submission, ...items.filter((s) => s.id !== submission.id)]);
  }, []);

  const follow = useCallback(
    async (id: string) => {
      setPhase('waiting');
      await followSubmission(id, upsert, () => cancelled.current);
      setPhase('idle');
    },
    [upsert],
  );

  // Resume following a submission still in flight when the page was loaded.
  useEffect(() => {
    const pending = inFlight(initialHistory);
    // Following is subscribing to the server for the grade; follow() marks the phase as it starts.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (pending) void follow(pending.id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const submit = useCallback(
    async (payload: Payload) => {
      setError('');
      setPhase('sending');
      const sent = preview
        ? await gradePreview(exercise, preview, payload, ++previewCount.current)
        : await sendSubmission(exercise, payload);
      if ('error' in sent) {
        setError(sent.error);
        setPhase('idle');
        return;
      }
      upsert(sent.submission);
      setLatestId(sent.submission.id);
      // A preview grade is final at once; a stored submission is followed until it is graded, unless it is already.
      if (preview || !inFlight([sent.submission])) setPhase('idle');
      else await follow(sent.submission.id);
    },
    [exercise, follow, upsert, preview],
  );

  const latest = history.find((s) => s.id === latestId) ?? null;
  return { history, phase, error, latest, submit };
}

function inFlight(history: SubmissionSummary[]): SubmissionSummary | undefined {
  return history.find((s) => s.status === 'queued' || s.status === 'running');
}
