import { z } from 'zod';

/**
 * What the web (and the CLI, and the queue) send to the grader and get back. These zod schemas are the
 * only grader types other packages need.
 */

/** 'canonical' (the notes' numbers) or a uint32 seed. */
export const variantSchema = z.union([z.literal('canonical'), z.number().int().min(0).max(0xffffffff)]);

export const submissionSchema = z.discriminatedUnion('kind', [
  /** TypeScript or JavaScript with `export function …`. Size is limited by the exercise, not here. */
  z.object({ kind: z.literal('code'), code: z.string() }),
  /** What the student typed, per field name; parsed by the grader (decimal comma etc.). */
  z.object({ kind: z.literal('numeric'), answers: z.record(z.string(), z.union([z.string(), z.number()])) }),
  /** Option ids. */
  z.object({ kind: z.literal('choice'), selected: z.array(z.string()) }),
  /** A challenge entry: tfjs layers artifacts (weightData base64), validated by the grader against the challenge. */
  z.object({ kind: z.literal('model'), model: z.unknown() }),
  /** Verify: re-train a challenge entry's code in the sandbox with its recorded seed and epochs, then score the model. */
  z.object({
    kind: z.literal('retrain'),
    code: z.string(),
    seed: z.number().int().min(0).max(0xffffffff),
    epochs: z.number().int().positive(),
    /** As the entry trained: the compiled step, or tfjs op by op; absent in jobs stored before engines were recorded. */
    engine: z.enum(['compiled', 'tfjs']).optional(),
  }),
]);
export type Submission = z.infer<typeof submissionSchema>;

/**
 * An exercise authored in the site: its folder's files (statement.md, definition.ts, reference.ts, …) and their content
 * hash, its version. A grading child compiles it once per version; catalogue exercises are named by slug alone.
 */
export const exerciseFolderSchema = z.object({
  hash: z.string().min(1),
  files: z.record(z.string(), z.string()),
});

export const gradeRequestSchema = z.object({
  exercise: z.string().min(1),
  variant: variantSchema.default('canonical'),
  submission: submissionSchema,
  /** The exercise's folder when it is not in the catalogue (authored in the site). */
  folder: exerciseFolderSchema.optional(),
});
export type GradeRequest = z.input<typeof gradeRequestSchema>;

export const gradeErrorKinds = ['timeout', 'memory', 'output', 'source too large', 'syntax', 'runtime', 'forbidden', 'internal'] as const;
/** Why grading could not run the code. `internal` is the grader's fault, never the student's. */
export type GradeErrorKind = (typeof gradeErrorKinds)[number];
const gradeErrorSchema = z.object({ kind: z.enum(gradeErrorKinds), message: z.string() });
export type GradeError = z.infer<typeof gradeErrorSchema>;

const diagnosisSchema = z.object({
  /** A name from the exercises' mistake vocabulary (e.g. 'transposed-matrix') or a generic one ('scaled-by-0.5'). */
  mistake: z.string(),
  message: z.string(),
  /** How many of the failing cases this explanation fits. */
  fits: z.number().int().nonnegative().optional(),
  of: z.number().int().nonnegative().optional(),
});
export type Diagnosis = z.infer<typeof diagnosisSchema>;

const caseResultSchema = z.object({
  name: z.string(),
  hidden: z.boolean(),
  passed: z.boolean(),
  /** Why it failed; for hidden cases it never contains expected values. */
  message: z.string().optional(),
  /** Visible cases only. */
  actual: z.unknown().optional(),
  expected: z.unknown().optional(),
  diagnosis: diagnosisSchema.optional(),
});
export type CaseResult = z.infer<typeof caseResultSchema>;

export const fieldStatuses = ['correct', 'carried', 'wrong', 'missing', 'invalid'] as const;
export type FieldStatus = (typeof fieldStatuses)[number];

const fieldResultSchema = z.object({
  name: z.string(),
  status: z.enum(fieldStatuses),
  message: z.string(),
  /** 1 correct, carriedCredit for carried, 0 otherwise. */
  credit: z.number().min(0).max(1),
  /** The parsed value, when it parsed. */
  value: z.number().optional(),
  /** Expression fields: the answer as the grader read it (canonical text, e.g. `sigma(z)*(1 - sigma(z))`). */
  expression: z.string().optional(),
  /** For `carried`: the upstream fields whose (wrong) student values this one is consistent with. */
  carriedFrom: z.array(z.string()).optional(),
  diagnosis: diagnosisSchema.optional(),
});
export type FieldResult = z.infer<typeof fieldResultSchema>;

const optionResultSchema = z.object({
  id: z.string(),
  selected: z.boolean(),
  correct: z.boolean(),
  explanation: z.string(),
});
export type OptionResult = z.infer<typeof optionResultSchema>;

/** A challenge entry's scores (accuracy 0..1). `privateScore` is for the server only until the deadline. */
export const challengeResultSchema = z.object({
  trainScore: z.number(),
  publicScore: z.number(),
  privateScore: z.number(),
  params: z.number().int(),
  /** Predicted class per cell of the decision-boundary grid (see @deltalab/exercises BOUNDARY_GRID). */
  boundary: z.string(),
  /** Verify: how the re-training in the sandbox went. */
  retrain: z
    .object({ epochs: z.number().int(), trainAccuracy: z.number(), ms: z.number(), engine: z.enum(['compiled', 'tfjs']).optional() })
    .optional(),
});
export type ChallengeResult = z.infer<typeof challengeResultSchema>;

export const gradeResultSchema = z.object({
  exercise: z.string(),
  variant: variantSchema,
  kind: z.enum(['code', 'numeric', 'choice', 'challenge']),
  score: z.number().min(0).max(1),
  passed: z.boolean(),
  cases: z.array(caseResultSchema).optional(),
  fields: z.array(fieldResultSchema).optional(),
  options: z.array(optionResultSchema).optional(),
  diagnosis: diagnosisSchema.optional(),
  /** Challenges: the entry's scores (absent when the model was refused: see error). */
  challenge: challengeResultSchema.optional(),
  error: gradeErrorSchema.optional(),
  /** console output of the visible cases (code), truncated. */
  logs: z.string().optional(),
  timings: z.object({
    totalMs: z.number(),
    referenceMs: z.number().optional(),
    compileMs: z.number().optional(),
    sandboxMs: z.number().optional(),
    evaluateMs: z.number().optional(),
  }),
  /** Hash of the exercise folder the grade was computed with. */
  exerciseVersion: z.string(),
  graderVersion: z.string(),
});
export type GradeResult = z.infer<typeof gradeResultSchema>;

/** True when the grader, not the student, failed: retry, and do not count the attempt. */
export function isInternalFailure(result: GradeResult): boolean {
  return result.error?.kind === 'internal';
}
