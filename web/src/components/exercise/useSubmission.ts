'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { usePreviewTarget, type PreviewTargetJson } from './PreviewContext';
import type { SubmissionSummary } from './types';

type Phase = 'idle' | 'sending' | 'waiting';

/** How long each follow request lets the server hold it (the route allows up to 30 s). */
const FOLLOW_WAIT_SECONDS = 25;

type Payload = { code: string } | { answers: Record<string, string | string[]> };

/**
 * Submit to POST /api/submissions, then follow GET /api/submissions/:id?wait=… until graded or failed. On an instructor's
 * preview (PreviewProvider) it grades through POST /api/preview instead: the result comes back at once, is kept in
 * this page's history only, and nothing is stored.
 */
export function useSubmission(exercise: string, initialHistory: SubmissionSummary[]) {
  const preview = usePreviewTarget();
  const previewCount = useRef(0);
  const [history, setHistory] = useState(initialHistory);
  const [phase, setPhase] = useState<Phase>('idle');
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
      const deadline = Date.now() + 5 * 60_000;
      let retryDelay = 500;
      while (!cancelled.current && Date.now() < deadline) {
        try {
          // The server holds each request until the grade is recorded (or 25 s pass): the result shows the moment
          // it exists, with one request per submission instead of a poll.
          const response = await fetch(`/api/submissions/${id}?wait=${FOLLOW_WAIT_SECONDS}`, { cache: 'no-store' });
          if (response.ok) {
            retryDelay = 500;
            const submission = (await response.json()) as SubmissionSummary;
            upsert(submission);
            if (submission.status === 'graded' || submission.status === 'failed') break;
            continue;
          }
        } catch {
          // transient network error: try again after a pause
        }
        await new Promise((r) => setTimeout(r, retryDelay));
        retryDelay = Math.min(retryDelay * 2, 5000);
      }
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
      if (preview) {
        const graded = await gradePreview(exercise, preview, payload, ++previewCount.current);
        if ('error' in graded) setError(graded.error);
        else {
          upsert(graded.submission);
          setLatestId(graded.submission.id);
        }
        setPhase('idle');
        return;
      }
      try {
        const response = await fetch('/api/submissions', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ exercise, ...payload }),
        });
        const body = (await response.json().catch(() => ({}))) as { id?: string; error?: { message?: string } };
        if (response.status !== 202 || !body.id) {
          const retryAfter = response.headers.get('Retry-After');
          setError(
            (body.error?.message ?? `Submission refused (HTTP ${response.status}).`) +
              (response.status === 429 && retryAfter && !body.error?.message ? ` Try again in ${retryAfter} s.` : ''),
          );
          setPhase('idle');
          return;
        }
        const queued: SubmissionSummary = {
          id: body.id,
          status: 'queued',
          score: null,
          passed: null,
          result: null,
          failureMessage: null,
          late: false,
          attempt: 0,
          countsAsAttempt: true,
          payload,
          createdAt: new Date().toISOString(),
          gradedAt: null,
        };
        upsert(queued);
        setLatestId(body.id);
        await follow(body.id);
      } catch {
        setError('Could not reach the server. Check your connection and try again.');
        setPhase('idle');
      }
    },
    [exercise, follow, upsert, preview],
  );

  const latest = history.find((s) => s.id === latestId) ?? null;
  return { history, phase, error, latest, submit };
}

/** One preview grade, shaped like a graded submission so the same feedback and history components show it. */
async function gradePreview(
  exercise: string,
  target: PreviewTargetJson,
  payload: Payload,
  count: number,
): Promise<{ submission: SubmissionSummary } | { error: string }> {
  try {
    const response = await fetch('/api/preview', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ exercise, ...target, ...payload }),
    });
    const body = (await response.json().catch(() => ({}))) as {
      score?: number;
      passed?: boolean;
      result?: unknown;
      error?: { message?: string };
    };
    if (!response.ok || typeof body.score !== 'number') {
      return { error: body.error?.message ?? `Preview grading refused (HTTP ${response.status}).` };
    }
    const now = new Date().toISOString();
    return {
      submission: {
        id: `preview-${count}`,
        status: 'graded',
        score: body.score,
        passed: body.passed ?? false,
        result: body.result ?? null,
        failureMessage: null,
        late: false,
        attempt: count,
        countsAsAttempt: false,
        payload,
        createdAt: now,
        gradedAt: now,
      },
    };
  } catch {
    return { error: 'Could not reach the server. Check your connection and try again.' };
  }
}

function inFlight(history: SubmissionSummary[]): SubmissionSummary | undefined {
  return history.find((s) => s.status === 'queued' || s.status === 'running');
}
