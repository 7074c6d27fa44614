/** Messages between the challenge page (trainInBrowser) and the training worker (train.worker.ts). */
import type { TfRunOptions, TfStatus } from './protocol';

export interface TrainRequest {
  type: 'train';
  /** The student's module, compiled to JavaScript (Monaco's emit). */
  js: string;
  data: { x: number[][]; y: number[]; classes: number };
  /** Seeds Math.random while the model is built and trained (recorded with the entry; Verify re-uses it). */
  seed: number;
  maxEpochs: number;
  tf: TfRunOptions;
  /** Points where the decision boundary is drawn while training (row by row from the top). */
  grid: number[][];
  /** 'compiled': the harness's fused training step where the model allows it; 'tfjs': model.fit, op by op. */
  engine: TrainingEngine;
}

export type TrainingEngine = 'compiled' | 'tfjs';

export type ToTrainWorker = TrainRequest | { type: 'stop' };

export interface EpochPoint {
  epoch: number;
  loss: number;
  accuracy: number;
}

/** tfjs layers artifacts as the entries API takes them (weightData base64). */
export interface UploadModel {
  modelTopology: unknown;
  weightSpecs: unknown[];
  weightData: string;
}

export type FromTrainWorker =
  | { type: 'tf'; status: TfStatus }
  | { type: 'started'; epochs: number }
  | { type: 'epochs'; points: EpochPoint[] }
  /** Class per grid cell, and the model's confidence in it (0.5..1 for two classes). */
  | { type: 'boundary'; epoch: number; classes: Uint8Array; confidence: Float32Array }
  | {
      type: 'done';
      model: UploadModel;
      epochs: number;
      accuracy: number;
      ms: number;
      stopped: boolean;
      /** When training accuracy first reached 99 % (the benchmark's figure), if it did. */
      reached99: { epoch: number; ms: number } | null;
      /** How it was trained: compiled (with the network) or by tfjs op by op (with why it was not compiled). */
      engine: { kind: TrainingEngine; note: string };
    }
  | { type: 'error'; message: string };
