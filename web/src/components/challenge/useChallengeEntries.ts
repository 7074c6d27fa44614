'use client';

import { useCallback, useState } from 'react';
import { callApi } from '@/components/apiResponse';
import type { EntryAccepted, EntryList, EntryView } from '@/server/services/challenges/entries';
import type { ChallengeView } from '@/server/services/challenges/getChallenge';
import type { Trained } from './useTrainingWorker';

type SubmitState = { kind: 'idle' } | { kind: 'sending' } | { kind: 'error'; message: string };

/**
 * The student's entries: submitting a trained model (then following it until scored), marking entries final, the
 * entries left today, and a version that tells the board to reload.
 */
export function useChallengeEntries(challenge: ChallengeView, initialEntries: EntryView[]) {
  const slug = challenge.slug;
  const [entries, setEntries] = useState<EntryView[]>(initialEntries);
  const [entriesLeft, setEntriesLeft] = useState(challenge.entriesLeftToday);
  const [submitState, setSubmitState] = useState<SubmitState>({ kind: 'idle' });
  const [boardVersion, setBoardVersion] = useState(0);

  const refreshEntries = useCallback(async () => {
    const result = await callApi<EntryList>(`/api/challenges/${slug}/entries`);
    if (result.ok) setEntries(result.value.entries);
  }, [slug]);

  async function submit(trained: Trained) {
    setSubmitState({ kind: 'sending' });
    const result = await callApi<EntryAccepted>(`/api/challenges/${slug}/entries`, {
      method: 'POST',
      body: JSON.stringify({ model: trained.model, provenance: provenanceOf(trained) }),
    });
    if (!result.ok) {
      setSubmitState({ kind: 'error', message: result.message });
      return;
    }
    setSubmitState({ kind: 'idle' });
    setEntriesLeft((n) => Math.max(0, n - 1));
    await refreshEntries();
    // Follow the entry until it is scored (a few hundred ms in a grading child).
    for (let i = 0; i < 120; i++) {
      const entry = await callApi<EntryView>(`/api/challenges/${slug}/entries/${result.value.id}`);
      if (entry.ok && (entry.value.status === 'graded' || entry.value.status === 'failed')) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    await refreshEntries();
    setBoardVersion((v) => v + 1);
  }

  async function toggleFinal(entry: EntryView) {
    const result = await callApi<EntryView>(`/api/challenges/${slug}/entries/${entry.id}/final`, {
      method: 'PUT',
      body: JSON.stringify({ final: !entry.final }),
    });
    if (!result.ok) setSubmitState({ kind: 'error', message: result.message });
    await refreshEntries();
    setBoardVersion((v) => v + 1);
  }

  const resetSubmit = () => setSubmitState({ kind: 'idle' });
  return { entries, entriesLeft, submitState, boardVersion, submit, toggleFinal, resetSubmit };
}

/** How the model was trained, as the entry records it (the server trains the code again to verify it). */
function provenanceOf(trained: Trained) {
  return {
    code: trained.code,
    backend: trained.backend,
    epochs: trained.epochs,
    seed: trained.seed,
    trainingMs: Math.round(trained.ms),
    trainAccuracy: trained.accuracy,
    curve: trained.curve.map((p) => ({ epoch: p.epoch, loss: Number.isFinite(p.loss) ? p.loss : null, accuracy: p.accuracy })),
  };
}
