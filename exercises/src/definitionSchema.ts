import { z } from 'zod';
import { challengeActivations, challengeLayerTypes, mistakeIds, topics, type TopicId } from './definition';
import { expressionFieldSchema } from './expressionField';
import { toleranceSchema } from './toleranceSchema';

/**
 * The zod schema of an exercise definition: what the loader checks of every folder's default export (and the grader
 * of a site-authored folder's description). Apart from definition.ts so that the definition's helpers (defineExercise,
 * fixedVariants), which authored exercises bundle into their isolate, do not carry zod along.
 */

const fn = z.custom<(...args: any[]) => unknown>((value) => typeof value === 'function', 'expected a function');
const identifier = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected an identifier like dE_dw5');
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case slug');

const baseShape = {
  slug,
  title: z.string().min(1),
  topic: z.enum(topics.map((t) => t.id) as [TopicId, ...TopicId[]]),
  order: z.number().int().nonnegative(),
  points: z.number().positive(),
  summary: z.string().min(1),
  variants: z.object({ canonical: z.record(z.string(), z.unknown()), generate: fn, display: fn }),
};

const limitsSchema = z
  .object({
    timeMs: z.number().int().positive().max(60_000),
    memoryMb: z.number().int().positive().max(1024),
    sourceKb: z.number().int().positive().max(1024),
    outputKb: z
      .number()
      .int()
      .positive()
      .max(16 * 1024),
  })
  .strict();

const entrySchema = z.object({ name: identifier, signature: z.string().includes('export function') }).strict();

const numericFieldSchema = z
  .object({
    kind: z.literal('number').optional(),
    name: identifier,
    label: z.string().min(1),
    unit: z.string().optional(),
    hint: z.string().optional(),
    tolerance: toleranceSchema.optional(),
    plausible: z.object({ min: z.number(), max: z.number(), open: z.boolean().optional() }).strict().optional(),
    derive: z
      .object({ from: z.array(identifier).min(1), compute: fn })
      .strict()
      .optional(),
  })
  .strict();

export const exerciseDefinitionSchema = z
  .discriminatedUnion('kind', [
    z
      .object({
        ...baseShape,
        kind: z.literal('numeric'),
        fields: z.array(z.union([numericFieldSchema, expressionFieldSchema])).min(1),
        carriedCredit: z.number().min(0).max(1),
        solve: fn,
      })
      .strict(),
    z
      .object({
        ...baseShape,
        kind: z.literal('code'),
        entries: z.array(entrySchema).min(1),
        typeDeclarations: z.string(),
        usesTf: z.boolean(),
        limits: limitsSchema,
        tolerance: toleranceSchema,
        starter: z.string().min(1),
        reference: z.record(identifier, fn),
        cases: z.object({ visible: fn, hidden: fn }).strict(),
        mistakes: z.array(
          z.object({ id: z.enum(mistakeIds), message: z.string().min(1), entry: identifier.optional(), solve: fn }).strict(),
        ),
        knownWrongMistake: z.enum(mistakeIds),
      })
      .strict(),
    z
      .object({
        ...baseShape,
        kind: z.literal('choice'),
        mode: z.enum(['single', 'multiple']),
        options: z
          .array(z.object({ id: identifier, text: z.string().min(1), correct: z.boolean(), explanation: z.string().min(1) }).strict())
          .min(2),
      })
      .strict(),
    z
      .object({
        ...baseShape,
        kind: z.literal('challenge'),
        dataset: z
          .object({
            name: z.enum(['moons', 'circles', 'spirals', 'xor']),
            train: z.number().int().positive(),
            test: z.number().int().min(2),
            noise: z.number().nonnegative(),
            seed: z.number().int().min(0).max(0xffffffff),
          })
          .strict(),
        metric: z.literal('accuracy'),
        threshold: z.number().min(0).max(1),
        credit: z.array(z.object({ atLeast: z.number().min(0).max(1), credit: z.number().min(0).max(1) }).strict()).min(1),
        model: z
          .object({
            layers: z.array(z.enum(challengeLayerTypes)).min(1),
            activations: z.array(z.enum(challengeActivations)).min(1),
            maxParams: z.number().int().positive(),
            maxUploadKb: z.number().int().positive().max(4096),
          })
          .strict(),
        entriesPerDay: z.number().int().positive(),
        maxFinal: z.number().int().positive(),
        verifyMargin: z.number().min(0).max(1),
        maxEpochs: z.number().int().positive(),
        usesTf: z.literal(true),
        limits: limitsSchema,
        starter: z.string().min(1),
        typeDeclarations: z.string(),
        entries: z.array(z.object({ name: identifier, signature: z.string().includes('export ') }).strict()).min(1),
        baselines: z.array(
          z
            .object({
              name: z.string().min(1),
              model: z.object({ modelTopology: z.unknown(), weightSpecs: z.array(z.unknown()), weightData: z.string() }).strict(),
            })
            .strict(),
        ),
      })
      .strict(),
  ])
  .superRefine((definition, ctx) => {
    if (definition.kind === 'numeric') {
      const seen = new Set<string>();
      const expressions = new Set<string>();
      definition.fields.forEach((field, index) => {
        if (seen.has(field.name))
          ctx.addIssue({ code: 'custom', path: ['fields', index, 'name'], message: `duplicate field ${field.name}` });
        if (field.kind === 'expression') expressions.add(field.name);
        for (const upstream of field.kind === 'expression' ? [] : (field.derive?.from ?? [])) {
          if (expressions.has(upstream)) {
            ctx.addIssue({
              code: 'custom',
              path: ['fields', index, 'derive', 'from'],
              message: `${field.name} derives from ${upstream}, an expression field: only number fields carry a value forward`,
            });
          } else if (!seen.has(upstream)) {
            ctx.addIssue({
              code: 'custom',
              path: ['fields', index, 'derive', 'from'],
              message: `${field.name} derives from ${upstream}, which is not a field above it`,
            });
          }
        }
        seen.add(field.name);
      });
    }
    if (definition.kind === 'code') {
      for (const entry of definition.entries) {
        if (!(entry.name in definition.reference)) {
          ctx.addIssue({ code: 'custom', path: ['reference'], message: `no reference implementation for entry ${entry.name}` });
        }
        if (!new RegExp(`export function ${entry.name}\\b`).test(definition.starter)) {
          ctx.addIssue({ code: 'custom', path: ['starter'], message: `starter does not export function ${entry.name}` });
        }
      }
    }
    if (definition.kind === 'challenge') {
      for (const entry of definition.entries) {
        if (!new RegExp(`export (async )?(function|const) ${entry.name}\\b`).test(definition.starter)) {
          ctx.addIssue({ code: 'custom', path: ['starter'], message: `starter does not export ${entry.name}` });
        }
      }
    }
    if (definition.kind === 'choice') {
      const correct = definition.options.filter((o) => o.correct).length;
      if (correct === 0) ctx.addIssue({ code: 'custom', path: ['options'], message: 'no option is correct' });
      if (definition.mode === 'single' && correct !== 1) {
        ctx.addIssue({ code: 'custom', path: ['options'], message: `single choice needs exactly one correct option, has ${correct}` });
      }
    }
  });
