'use client';

import { useRef, useState } from 'react';
import type { ProbeTiming, RunCaseResult, TfReady } from '@/editor/runner/protocol';
import { useBackendChoice } from '@/editor/runner/useBackendChoice';
import type { CodeSetup } from './types';

export type RunState =
  | { phase: 'idle' }
  | { phase: 'running'; results: RunCaseResult[] }
  | { phase: 'done'; ok: boolean; message?: string; results: RunCaseResult[]; ms?: number };

export type Compile = () => Promise<{ js: string } | { error: string }>;

/**
 * Run: the exercise's visible cases in a Web Worker in this browser, results shown as they come; never a grade. tf
 * exercises run on the backend the student picked (remembered), and every Run after the first reuses its probe.
 */
export function useBrowserRun(setup: CodeSetup, compile: Compile) {
  const [run, setRun] = useState<RunState>({ phase: 'idle' });
  const tfChoice = useBackendChoice();
  const [tfStatus, setTfStatus] = useState<TfReady | null>(null);
  const probe = useRef<ProbeTiming[] | undefined>(undefined);

  async function start() {
    setRun({ phase: 'running', results: [] });
    const compiled = await compile();
    if ('error' in compiled) {
      setRun({ phase: 'done', ok: false, message: compiled.error, results: [] });
      return;
    }
    const { runInBrowser } = await import('@/editor/runner/runInBrowser');
    setTfStatus(null);
    const outcome = await runInBrowser(
      {
        js: compiled.js,
        cases: setup.visibleCases,
        tolerance: setup.tolerance,
        ...(setup.usesTf ? { tf: { choice: tfChoice, ...(probe.current ? { probe: probe.current } : {}) } } : {}),
      },
      setup.timeLimitMs,
      {
        onProgress: (results) => setRun({ phase: 'running', results }),
        onTf: (status) => {
          probe.current = status.probe;
          setTfStatus(status);
        },
      },
    );
    setRun(
      outcome.ok
        ? { phase: 'done', ok: true, results: outcome.results, ms: outcome.ms }
        : { phase: 'done', ok: false, message: outcome.message, results: outcome.results },
    );
  }

  return { run, tfChoice, tfStatus, start };
}
