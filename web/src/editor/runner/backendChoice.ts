import { tfBackends, type ProbeTiming, type TfBackend, type TfBackendChoice } from './protocol';

export interface PickRules {
  /** Training (challenges): a float16 GPU backend diverges (0.87 against 0.97 on cpu), so it is never picked automatically. */
  avoidFloat16?: boolean;
}

/**
 * The fastest backend the probe could time; ties go to the earlier one in `tfBackends` (cpu first). A GPU backend
 * drawn in software is never picked (software WebGL took 89–119 s to train moons where cpu took 7 s).
 */
export function fastestBackend(probe: readonly ProbeTiming[], rules: PickRules = {}): TfBackend | null {
  let best: { backend: TfBackend; ms: number } | null = null;
  for (const backend of tfBackends) {
    const timing = probe.find((t) => t.backend === backend);
    if (!timing?.ok || timing.software || (rules.avoidFloat16 && timing.precision === 16)) continue;
    if (best === null || timing.ms < best.ms) best = { backend, ms: timing.ms };
  }
  return best?.backend ?? null;
}

/**
 * The backend a Run uses: the student's choice when it is available, else the probe's fastest, with the reason
 * shown next to the results.
 */
export function pickBackend(
  choice: TfBackendChoice,
  probe: readonly ProbeTiming[],
  rules: PickRules = {},
): { backend: TfBackend; reason: string } | null {
  const fastest = fastestBackend(probe, rules);
  if (choice !== 'auto') {
    const timing = probe.find((t) => t.backend === choice);
    if (!timing || timing.ok) return { backend: choice, reason: 'your choice' };
    if (!fastest) return null;
    return { backend: fastest, reason: `${choice} is not available here (${timing.reason}); the probe picked the fastest` };
  }
  return fastest ? { backend: fastest, reason: 'fastest in the probe' } : null;
}

export const BACKEND_STORAGE_KEY = 'deltalab.tfBackend';
const choices: readonly string[] = ['auto', ...tfBackends];

/**
 * The remembered choice from localStorage (anything unexpected there means 'auto'). A membership check rather
 * than zod: this runs on every exercise page, and zod is not in the client bundle.
 */
export function parseStoredChoice(value: string | null | undefined): TfBackendChoice {
  return typeof value === 'string' && choices.includes(value) ? (value as TfBackendChoice) : 'auto';
}
