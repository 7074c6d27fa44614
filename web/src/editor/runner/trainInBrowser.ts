'use client';

import type { TfStatus } from './protocol';
import type { EpochPoint, FromTrainWorker, TrainRequest } from './trainProtocol';

type TrainOutcome = Extract<FromTrainWorker, { type: 'done' }> | { type: 'error'; message: string };

export interface TrainingHandle {
  /** Stops after the current epoch; the model so far is kept. */
  stop(): void;
  /** Ends the worker at once (leaving the page). */
  cancel(): void;
  done: Promise<TrainOutcome>;
}

/** Trains a challenge's code in a fresh Web Worker; progress comes back through the callbacks. */
export function trainInBrowser(
  request: Omit<TrainRequest, 'type'>,
  callbacks: {
    onTf?(status: TfStatus): void;
    onEpochs?(points: EpochPoint[]): void;
    onBoundary?(boundary: { epoch: number; classes: Uint8Array; confidence: Float32Array }): void;
  },
): TrainingHandle {
  const worker = new Worker(new URL('./train.worker.ts', import.meta.url), { type: 'module', name: 'train' });
  let settle!: (outcome: TrainOutcome) => void;
  const done = new Promise<TrainOutcome>((resolve) => (settle = resolve));
  const finish = (outcome: TrainOutcome) => {
    worker.terminate();
    settle(outcome);
  };
  worker.onmessage = (event: MessageEvent<FromTrainWorker>) => {
    const message = event.data;
    switch (message.type) {
      case 'tf':
        callbacks.onTf?.(message.status);
        break;
      case 'epochs':
        callbacks.onEpochs?.(message.points);
        break;
      case 'boundary':
        callbacks.onBoundary?.(message);
        break;
      case 'done':
      case 'error':
        finish(message);
        break;
    }
  };
  worker.onerror = (event) => {
    event.preventDefault();
    finish({ type: 'error', message: `Your code crashed the trainer: ${event.message}` });
  };
  worker.postMessage({ type: 'train', ...request } satisfies TrainRequest);
  return {
    stop: () => worker.postMessage({ type: 'stop' }),
    cancel: () => finish({ type: 'error', message: 'Training was cancelled.' }),
    done,
  };
}
