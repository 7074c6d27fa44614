'use client';

import type { RunCaseResult, RunRequest, RunResponse } from './protocol';

export type RunOutcome =
  | { ok: true; results: RunCaseResult[]; ms: number }
  | { ok: false; message: string; results: RunCaseResult[] };

/** Runs compiled code against cases in a fresh Web Worker, terminated after `timeLimitMs`. */
export function runInBrowser(request: RunRequest, timeLimitMs: number, onProgress?: (results: RunCaseResult[]) => void): Promise<RunOutcome> {
  return new Promise((resolve) => {
    const started = performance.now();
    const worker = new Worker(new URL('./run.worker.ts', import.meta.url), { type: 'module', name: 'run' });
    let latest: RunCaseResult[] = [];
    const finish = (outcome: RunOutcome) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(outcome);
    };
    const timer = setTimeout(
      () => finish({ ok: false, message: `Stopped after ${(timeLimitMs / 1000).toFixed(1)} s: your code took too long (an endless loop?).`, results: latest }),
      timeLimitMs,
    );
    worker.onmessage = (event: MessageEvent<RunResponse>) => {
      const message = event.data;
      if (message.type === 'error') finish({ ok: false, message: message.message, results: latest });
      else if (message.type === 'progress') {
        latest = message.results;
        onProgress?.(latest);
      } else finish({ ok: true, results: message.results, ms: performance.now() - started });
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish({ ok: false, message: `Your code crashed the runner: ${event.message}`, results: latest });
    };
    worker.postMessage(request);
  });
}
