'use client';

import type { RunCaseResult, RunRequest, RunResponse, TfBackend, TfReady } from './protocol';
import { runTimeLimitMessage, runTimeLimitMs } from './runTimeLimit';

export type RunOutcome = { ok: true; results: RunCaseResult[]; ms: number } | { ok: false; message: string; results: RunCaseResult[] };

/** Loading tfjs and probing its backends (first Run on a page) gets this long before the student's time starts. */
const TF_SETUP_LIMIT_MS = 60_000;

/**
 * Runs compiled code against cases in a fresh Web Worker. The worker is terminated `timeLimitMs` after the
 * student's module starts loading (tf exercises: after tfjs is ready; on a GPU backend, a multiple of it), or if tfjs
 * takes longer than TF_SETUP_LIMIT_MS to start.
 */
export function runInBrowser(
  request: RunRequest,
  timeLimitMs: number,
  callbacks: { onProgress?(results: RunCaseResult[]): void; onTf?(status: TfReady): void } = {},
): Promise<RunOutcome> {
  return new Promise((resolve) => {
    let started = performance.now();
    const worker = new Worker(new URL('./run.worker.ts', import.meta.url), { type: 'module', name: 'run' });
    let latest: RunCaseResult[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    let backend: TfBackend | null = null;
    const finish = (outcome: RunOutcome) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(outcome);
    };
    const limit = (ms: number, message: string) => {
      clearTimeout(timer);
      timer = setTimeout(() => finish({ ok: false, message, results: latest }), ms);
    };
    const studentLimit = () => {
      const ms = runTimeLimitMs(timeLimitMs, backend);
      limit(ms, runTimeLimitMessage(ms, backend));
    };
    if (request.tf) limit(TF_SETUP_LIMIT_MS, `Stopped: TensorFlow.js did not start within ${TF_SETUP_LIMIT_MS / 1000} s.`);
    else studentLimit();
    worker.onmessage = (event: MessageEvent<RunResponse>) => {
      const message = event.data;
      switch (message.type) {
        case 'tf':
          backend = message.status.backend;
          callbacks.onTf?.(message.status);
          break;
        case 'started':
          if (request.tf) {
            started = performance.now();
            studentLimit();
          }
          break;
        case 'progress':
          latest = message.results;
          callbacks.onProgress?.(latest);
          break;
        case 'error':
          finish({ ok: false, message: message.message, results: latest });
          break;
        case 'done':
          finish({ ok: true, results: message.results, ms: performance.now() - started });
          break;
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish({ ok: false, message: `Your code crashed the runner: ${event.message}`, results: latest });
    };
    worker.postMessage(request);
  });
}
