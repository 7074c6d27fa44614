import { z } from 'zod';
import type { Tolerance } from './tolerance';

/** What the loader accepts as a field's or a code exercise's tolerance (see Tolerance in tolerance.ts). */
export const toleranceSchema = z.discriminatedUnion('mode', [
  z
    .object({
      mode: z.literal('sigfigs'),
      digits: z.number().int().min(1).max(15),
      referenceNoise: z.number().positive().max(1e-3).optional(),
    })
    .strict(),
  z.object({ mode: z.literal('relative'), max: z.number().positive().max(1), floor: z.number().nonnegative().optional() }).strict(),
  z.object({ mode: z.literal('absolute'), max: z.number().positive() }).strict(),
  z.object({ mode: z.literal('decimals'), places: z.number().int().min(0).max(15) }).strict(),
]);

// The schema and the Tolerance type describe the same thing: this line stops compiling when they part.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _schemaMatchesTolerance: Same<z.infer<typeof toleranceSchema>, Tolerance> = true;
