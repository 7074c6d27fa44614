import { DEFAULT_CODE_LIMITS, outputLimitBytes, sourceLimitBytes } from '@deltalab/exercises/rules';
import { z } from 'zod';
import type { GradeErrorKind } from '../protocol';

/** Per-job limits; an exercise may override any of them. */
const sandboxLimitsSchema = z.object({
  /** Wall time for the whole job: loading the code and every case together. */
  timeMs: z.number().int().positive().max(60_000).default(2_000),
  /** V8 heap limit of the isolate that runs the job. */
  memoryMb: z.number().int().min(16).max(1024).default(64),
  /** Size of the submitted source, UTF-8 bytes. */
  sourceBytes: z.number().int().positive().default(sourceLimitBytes(DEFAULT_CODE_LIMITS)),
  /** Size of everything the functions return, all cases together (approximate serialized bytes). */
  outputBytes: z.number().int().positive().default(outputLimitBytes(DEFAULT_CODE_LIMITS)),
});
export type SandboxLimits = z.infer<typeof sandboxLimitsSchema>;

export const DEFAULT_LIMITS: SandboxLimits = sandboxLimitsSchema.parse({});

export function resolveLimits(overrides: Partial<SandboxLimits> | undefined): SandboxLimits {
  return { ...DEFAULT_LIMITS, ...Object.fromEntries(Object.entries(overrides ?? {}).filter(([, v]) => v !== undefined)) };
}

/** Why a job could not produce results (the grade's error kinds). `runtime` is per case unless the code fails while loading. */
export type SandboxError = { kind: GradeErrorKind; message: string };
