import { beforeAll, describe, expect } from 'vitest';
import { referenceBackends, useReferenceBackend, type ReferenceBackend } from '../src/backend';
import { DEFAULT_TOLERANCE, isWithinTolerance, type Tolerance } from '../src/rules';
import { outputPreActivations, type Layer } from '../src/networks';

/** One describe block per tfjs backend (cpu, wasm): the same body runs on each. */
export function describeEachBackend(name: string, body: (backend: ReferenceBackend) => void): void {
  for (const backend of referenceBackends) {
    describe(`${name} [${backend}]`, () => {
      beforeAll(async () => {
        await useReferenceBackend(backend);
      });
      body(backend);
    });
  }
}

/**
 * The grader would accept `answer` for `reference` (the value part of src/tolerance.ts, the grader's own rule): a
 * float64 answer against the tfjs (float32) reference, or a value against the one `derive` recomputes.
 */
export function expectWithin(reference: number, answer: number, tolerance: Tolerance | undefined, what: string): void {
  if (!isWithinTolerance(answer, reference, tolerance ?? DEFAULT_TOLERANCE)) {
    expect.fail(`${what}: ${answer} is not within ${JSON.stringify(tolerance ?? DEFAULT_TOLERANCE)} of the reference ${reference}`);
  }
}

/**
 * The reference reproduces a number printed in the notes to the printed precision: |value − printed| is at most
 * half a unit in the last printed decimal, plus float32 rounding (tfjs computes in float32).
 */
export function expectPrinted(value: number, printed: string, what = 'value'): void {
  // '0.7858' → half a unit in the 4th decimal; '1.0126e7' → half a unit in the mantissa's last digit, times 10^7.
  const [mantissa, exponent = '0'] = printed.toLowerCase().split('e') as [string, string?];
  const decimals = (mantissa.includes('.') ? mantissa.split('.')[1]!.length : 0) - Number(exponent);
  const p = Number(printed);
  const allowed = 0.5 * 10 ** -decimals + 3e-7 * Math.abs(p);
  if (!(Math.abs(value - p) <= allowed)) expect.fail(`${what}: reference ${value} does not print as ${printed}`);
}

/** Element-wise comparison of nested number arrays/objects with a tolerance; returns the first mismatch or null. */
export function firstMismatch(actual: unknown, expected: unknown, tolerance: Tolerance, path = ''): string | null {
  if (typeof expected === 'number') {
    return typeof actual === 'number' && isWithinTolerance(actual, expected, tolerance) ? null : `${path}: ${String(actual)} ≠ ${expected}`;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return `${path}: shape differs`;
    for (let i = 0; i < expected.length; i++) {
      const m = firstMismatch(actual[i], expected[i], tolerance, `${path}[${i}]`);
      if (m) return m;
    }
    return null;
  }
  if (expected && typeof expected === 'object') {
    if (!actual || typeof actual !== 'object') return `${path}: not an object`;
    for (const key of Object.keys(expected)) {
      const m = firstMismatch(
        (actual as Record<string, unknown>)[key],
        (expected as Record<string, unknown>)[key],
        tolerance,
        `${path}.${key}`,
      );
      if (m) return m;
    }
    return null;
  }
  return Object.is(actual, expected) ? null : `${path}: ${String(actual)} ≠ ${String(expected)}`;
}

/** Seeds for the random-variant checks: 100 distinct, fixed (so a failure is reproducible). */
export const hundredSeeds = Array.from({ length: 100 }, (_, i) => (i * 2654435761 + 12345) >>> 0);

/**
 * 1000 seeds for numeric fields (fast to solve): enough to meet the rare variant where float32 cancellation leaves a
 * reference that cannot be checked to the field's figures (then the generator avoids it, or `referenceNoise` says
 * the value is an exact 0). The first 100 are `hundredSeeds`.
 */
export const numericVariantSeeds = Array.from({ length: 1000 }, (_, i) => (i * 2654435761 + 12345) >>> 0);

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

import { it } from 'vitest';
import { deriveField, getExercise, hiddenCases, solveVariant, variantParams } from '../src/index';
import type { NumericExercise } from '../src/definition';
import { authorSpec, expressionSpec } from '../src/expressionField';
import {
  compareAtPoints,
  compileExpression,
  DEFAULT_EXPRESSION_TOLERANCE,
  parseExpression,
  type ExpressionReference,
  type ExpressionSpec,
} from '../src/expressions';

/**
 * The standard checks of a numeric exercise, once per backend: the canonical variant prints as the notes print
 * (`printed`: field → text as printed), 100 random variants agree with `float64` (an independent plain-JS
 * implementation) within each field's tolerance, and every `derive` reproduces its field from the reference's
 * upstream values.
 */
export function checkNumericExercise<P>(
  slug: string,
  options: { printed: Record<string, string>; printedSource?: string; float64(params: P): Record<string, number> },
): void {
  const exercise = getExercise(slug);
  if (exercise.kind !== 'numeric') throw new Error(`${slug} is not numeric`);
  const numeric = exercise as NumericExercise & typeof exercise;
  const values = (variant: number | 'canonical') => (solveVariant(exercise, variant) as { values: Record<string, number> }).values;
  describeEachBackend(slug, () => {
    it(`reproduces ${options.printedSource ?? 'the notes'}: ${Object.entries(options.printed)
      .map(([k, v]) => `${k} = ${v}`)
      .join(', ')}`, () => {
      const v = values('canonical');
      for (const [name, text] of Object.entries(options.printed)) expectPrinted(v[name]!, text, name);
    });

    it('agrees with an independent float64 implementation on 1000 random variants', () => {
      for (const seed of numericVariantSeeds) {
        const expected = options.float64(variantParams(exercise, seed) as P);
        const actual = values(seed);
        for (const field of numeric.fields) {
          expectWithin(actual[field.name]!, expected[field.name]!, field.tolerance, `seed ${seed} ${field.name}`);
        }
      }
    });

    it('derives each derived field from the reference values above it', () => {
      for (const seed of ['canonical' as const, ...hundredSeeds.slice(0, 10)]) {
        const v = values(seed);
        for (const field of numeric.fields.filter((f) => f.derive)) {
          expectWithin(deriveField(exercise, seed, field.name, v), v[field.name]!, field.tolerance, `${String(seed)} ${field.name}`);
        }
      }
    });
  });
}

/**
 * What the hidden cases of a network code exercise (`mlp-forward-code`, `mlp-backprop-code`: args `[x, …, layers]`)
 * cover on one variant: depths, activations, a non-square layer, a negative pre-activation, huge softmax logits.
 */
export function networkCaseCoverage(slug: string, variant: number | 'canonical') {
  const cases = hiddenCases(getExercise(slug), variant);
  const networks = cases.map((c) => {
    const args = c.args as [number[], ...unknown[]];
    return { x: args[0], layers: args[args.length - 1] as Layer[] };
  });
  const preActivations = networks.flatMap(({ x, layers }) => layers.map((_, l) => outputPreActivations(x, layers.slice(0, l + 1))).flat());
  return {
    depths: new Set(networks.map((n) => n.layers.length)),
    activations: new Set(networks.flatMap((n) => n.layers.map((l) => l.activation))),
    nonSquare: networks.some((n) => n.layers.some((l) => l.W.length !== l.W[0]!.length)),
    negativePreActivation: preActivations.some((z) => z < 0),
    largeLogits: networks.some((n) => n.layers.some((l) => l.activation === 'softmax' && l.b.some((b) => Math.abs(b) > 700))),
    softmaxOutput: networks.some((n) => n.layers[n.layers.length - 1]!.activation === 'softmax'),
  };
}

/**
 * The standard checks of an exercise with expression fields, once per backend, on the canonical variant and 100
 * random ones (each its own sample points): the model answer, an independent float64 formula (plain JS `Math`) and
 * every form listed in `equivalent` agree with the reference at every point within the field's agreement; each of the
 * definition's mistakes and every form in `wrong` differs; and the reference's values stay well clear of the
 * absolute floor (else the floor, not the relative rule, would decide).
 */
export function checkExpressionExercise(
  slug: string,
  options: {
    float64: Record<string, (point: Record<string, number>) => number>;
    equivalent?: Record<string, string[]>;
    wrong?: Record<string, string[]>;
  },
): void {
  const exercise = getExercise(slug);
  if (exercise.kind !== 'numeric') throw new Error(`${slug} is not numeric`);
  const fields = exercise.fields.filter((f) => f.kind === 'expression');
  const references = (variant: number | 'canonical') =>
    (solveVariant(exercise, variant) as { expressions: Record<string, ExpressionReference> }).expressions;
  const read = (text: string, spec: ExpressionSpec) => {
    const parsed = parseExpression(text, spec);
    if (!parsed.ok) expect.fail(`${text}: ${parsed.message}`);
    return compileExpression(parsed.tree);
  };
  describeEachBackend(slug, () => {
    it('the model answer, a float64 formula and the equivalent forms agree with the reference at every point', () => {
      for (const variant of ['canonical' as const, ...hundredSeeds]) {
        const expressions = references(variant);
        for (const field of fields) {
          const reference = expressions[field.name]!;
          const agreement = field.agreement ?? DEFAULT_EXPRESSION_TOLERANCE;
          const forms = [field.answer, ...(options.equivalent?.[field.name] ?? [])];
          for (const form of forms) {
            const verdict = compareAtPoints(read(form, expressionSpec(field)), reference, agreement);
            if (!verdict.equivalent) expect.fail(`${String(variant)} ${field.name}: ${form} differs: ${JSON.stringify(verdict)}`);
          }
          const float64 = options.float64[field.name];
          if (!float64) expect.fail(`no float64 formula for ${field.name}`);
          const verdict = compareAtPoints(float64, reference, agreement);
          if (!verdict.equivalent) expect.fail(`${String(variant)} ${field.name}: float64 differs: ${JSON.stringify(verdict)}`);
        }
      }
    });

    it('each mistake and each wrong form differs from the reference', () => {
      for (const field of fields) {
        const reference = references('canonical')[field.name]!;
        const agreement = field.agreement ?? DEFAULT_EXPRESSION_TOLERANCE;
        for (const mistake of field.mistakes ?? []) {
          expect(compareAtPoints(read(mistake.expression, authorSpec(field)), reference, agreement).equivalent, mistake.id).toBe(false);
        }
        for (const form of options.wrong?.[field.name] ?? []) {
          expect(compareAtPoints(read(form, expressionSpec(field)), reference, agreement).equivalent, form).toBe(false);
        }
      }
    });

    it('the reference values are far above the absolute floor', () => {
      for (const field of fields) {
        const floor = (field.agreement ?? DEFAULT_EXPRESSION_TOLERANCE).absolute;
        for (const variant of ['canonical' as const, ...hundredSeeds.slice(0, 20)]) {
          const magnitudes = references(variant)
            [field.name]!.values.map(Math.abs)
            .sort((a, b) => a - b);
          expect(magnitudes[Math.floor(magnitudes.length / 2)]!, `${field.name} median |value|`).toBeGreaterThan(1000 * floor);
        }
      }
    });
  });
}
