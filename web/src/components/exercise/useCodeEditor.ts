'use client';

import { useCallback, useRef, useState } from 'react';
import type { CodeEditorHandle } from '@/editor/MonacoCodeEditor';
import type { Compile } from './useBrowserRun';

/** The code being edited, which editor shows it (Monaco or plain text), and its compilation to JavaScript for Run. */
export function useCodeEditor(initialCode: string) {
  const [code, setCode] = useState(initialCode);
  const [plain, setPlain] = useState(false);
  const [editorKey, setEditorKey] = useState(0);
  const handle = useRef<CodeEditorHandle | null>(null);

  const compile: Compile = useCallback(async () => {
    if (!plain && handle.current) return handle.current.compile();
    // Without Monaco: strip nothing, run as JavaScript (type annotations will not parse).
    return { js: code };
  }, [code, plain]);

  /** Puts other code in the editor (a restored submission): Monaco is remounted with it. */
  const replaceCode = useCallback((next: string) => {
    setCode(next);
    setEditorKey((k) => k + 1);
  }, []);

  const onReady = useCallback((h: CodeEditorHandle) => {
    handle.current = h;
  }, []);

  return { code, setCode, plain, setPlain, editorKey, compile, replaceCode, onReady };
}
