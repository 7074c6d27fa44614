'use client';

import { useCallback, useRef, useState } from 'react';
import { useDraftAutosave } from '@/components/useDraftAutosave';
import type { CodeEditorHandle } from '@/editor/MonacoCodeEditor';
import type { ChallengeView } from '@/server/services/challenges/getChallenge';
import { formToCode, starterForm, type ModelFormState } from './modelForm';
import type { Compile } from './useTrainingWorker';

export type ModelMode = 'code' | 'form';

/**
 * The model as the student describes it: code in the editor (autosaved as the exercise's draft, as code exercises
 * do) or the form, which writes the same code and can be opened in the editor.
 */
export function useModelSource(challenge: ChallengeView, draft: string | null) {
  const [mode, setMode] = useState<ModelMode>('code');
  const [code, setCode] = useState(draft ?? challenge.starter);
  const [editorKey, setEditorKey] = useState(0);
  const [form, setForm] = useState<ModelFormState>(() => starterForm(challenge.classes));
  const handle = useRef<CodeEditorHandle | null>(null);
  useDraftAutosave({ exercise: challenge.slug, code, initialCode: draft ?? challenge.starter });

  function openFormInEditor() {
    setCode(formToCode(form, challenge.classes));
    setEditorKey((k) => k + 1);
    setMode('code');
  }

  /** The code to train, and Monaco's compilation of it (none for the form's code, or before Monaco has loaded). */
  function toTrain(): { source: string; compile: Compile } {
    const editor = mode === 'code' ? handle.current : null;
    return { source: mode === 'form' ? formToCode(form, challenge.classes) : code, compile: editor ? () => editor.compile() : null };
  }

  const onReady = useCallback((h: CodeEditorHandle) => {
    handle.current = h;
  }, []);

  return { mode, setMode, code, setCode, editorKey, form, setForm, openFormInEditor, toTrain, onReady };
}

export type ModelSource = ReturnType<typeof useModelSource>;
