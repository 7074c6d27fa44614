'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import type { ProbeTiming, TfStatus } from '@/editor/runner/protocol';
import type { TrainingHandle } from '@/editor/runner/trainInBrowser';
import type { EpochPoint, TrainingEngine, UploadModel } from '@/editor/runner/trainProtocol';
import { useBackendChoice } from '@/editor/runner/useBackendChoice';
import type { ChallengeView } from '@/server/services/challenges/getChallenge';
import { gridPoints } from './BoundaryCanvas';

/** Side of the grid the boundary is drawn on while training. */
export const LIVE_GRID = 40;

/** A finished training run: the model, and the provenance that goes with its entry. */
export type Trained = {
  model: UploadModel;
  epochs: number;
  accuracy: number;
  ms: number;
  seed: number;
  /** The tfjs backend it trained on, or 'compiled' for the harness's fused training step. */
  backend: string;
  /** The compiled network, or why the model trained op by op. */
  engine: { kind: TrainingEngine; note: string };
  code: string;
  curve: EpochPoint[];
  reached99: { epoch: number; ms: number } | null;
  stopped: boolean;
};

export type TrainingPhase =
  { kind: 'idle' } | { kind: 'starting' } | { kind: 'training'; total: number } | { kind: 'trained' } | { kind: 'failed'; message: string };

/** Monaco's compilation of the editor's code; null when there is no editor to ask (the form, or Monaco not loaded). */
export type Compile = (() => Promise<{ js: string } | { error: string }>) | null;

/**
 * Trains the student's model in a Web Worker on the backend they picked (remembered; later runs reuse the first
 * probe), with the compiled training step unless they turn it off and the seed they give (else a new one), with the
 * loss and accuracy curve, the live decision boundary and Stop. Leaving the page ends the worker.
 */
export function useTrainingWorker(challenge: ChallengeView) {
  const choice = useBackendChoice();
  const [engine, setEngine] = useState<TrainingEngine>('compiled');
  /** The seed field: empty for a new seed each run, else the run is repeated exactly (the entry records its seed). */
  const [seedText, setSeedText] = useState('');
  const [tfStatus, setTfStatus] = useState<TfStatus | null>(null);
  const probe = useRef<ProbeTiming[] | undefined>(undefined);
  const [phase, setPhase] = useState<TrainingPhase>({ kind: 'idle' });
  const [curve, setCurve] = useState<EpochPoint[]>([]);
  const [boundary, setBoundary] = useState<{ classes: Uint8Array; confidence: Float32Array } | null>(null);
  const [trained, setTrained] = useState<Trained | null>(null);
  const training = useRef<TrainingHandle | null>(null);
  const grid = useMemo(() => gridPoints(challenge.bounds, LIVE_GRID), [challenge.bounds]);
  const trainingSet = useMemo(() => ({ x: challenge.train.x, y: challenge.train.y }), [challenge.train]);
  useEffect(() => () => training.current?.cancel(), []);

  async function train(source: string, compile: Compile) {
    setPhase({ kind: 'starting' });
    setCurve([]);
    setBoundary(null);
    setTrained(null);
    const compiled = await toJavaScript(source, compile);
    if ('error' in compiled) {
      setPhase({ kind: 'failed', message: compiled.error });
      return;
    }
    const seed = seedText.trim() === '' ? crypto.getRandomValues(new Uint32Array(1))[0]! : parseSeed(seedText);
    if (seed === null) {
      setPhase({ kind: 'failed', message: `Seed: a whole number from 0 to ${MAX_SEED}, or empty for a new one each run.` });
      return;
    }
    const { trainInBrowser } = await import('@/editor/runner/trainInBrowser');
    const points: EpochPoint[] = [];
    let backendUsed = 'cpu';
    const current = trainInBrowser(
      {
        js: compiled.js,
        data: { ...trainingSet, classes: challenge.classes },
        seed,
        maxEpochs: challenge.limits.maxEpochs,
        tf: { choice, ...(probe.current ? { probe: probe.current } : {}) },
        grid,
        engine,
      },
      {
        onTf: (status) => {
          probe.current = status.probe;
          backendUsed = status.backend;
          setTfStatus(status);
          setPhase({ kind: 'training', total: epochsOf(source) ?? 0 });
        },
        onEpochs: (more) => {
          points.push(...more);
          setCurve([...points]);
        },
        onBoundary: (b) => setBoundary({ classes: b.classes, confidence: b.confidence }),
      },
    );
    training.current = current;
    const outcome = await current.done;
    training.current = null;
    if (outcome.type === 'error') {
      setPhase({ kind: 'failed', message: outcome.message });
      return;
    }
    const { model, epochs, accuracy, ms, reached99, stopped } = outcome;
    const backend = outcome.engine.kind === 'compiled' ? 'compiled' : backendUsed;
    setTrained({ model, epochs, accuracy, ms, seed, backend, engine: outcome.engine, code: source, curve: points, reached99, stopped });
    setPhase({ kind: 'trained' });
  }

  const running = phase.kind === 'starting' || phase.kind === 'training';
  return {
    choice,
    engine,
    setEngine,
    seedText,
    setSeedText,
    tfStatus,
    phase,
    running,
    curve,
    boundary,
    trained,
    trainingSet,
    train,
    stop: () => training.current?.stop(),
  };
}

const MAX_SEED = 0xffffffff;

function parseSeed(text: string): number | null {
  const value = Number(text.trim());
  return /^\d+$/.test(text.trim()) && value <= MAX_SEED ? value : null;
}

async function toJavaScript(source: string, compile: Compile): Promise<{ js: string } | { error: string }> {
  if (compile) return compile();
  // The form's code has one type annotation (Training); strip it rather than start a compiler.
  return { js: source.replace(/: tf\.LayersModel/g, '').replace(/: Training/g, '') };
}

/** The epochs the code asks for (the progress bar's end), read from `training = { epochs: N … }`. */
function epochsOf(source: string): number | null {
  const match = /epochs\s*:\s*(\d+)/.exec(source.slice(source.indexOf('training')));
  return match ? Number(match[1]) : null;
}
