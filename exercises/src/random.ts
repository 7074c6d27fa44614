/** Seeded randomness for variants and hidden cases. Never Math.random: a variant must be reproducible. */

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  uniform(min: number, max: number): number;
  /** Integer uniform in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** Uniform in [min, max] rounded to `decimals` places (nice numbers for hand calculation), never -0. */
  rounded(min: number, max: number, decimals: number): number;
}

/** mulberry32: tiny, fast, good enough for exercise variants; state is one uint32. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng: Rng = {
    next,
    uniform: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    normal: () => {
      const u = 1 - next(); // (0, 1]: log is finite
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    pick: (items) => {
      if (items.length === 0) throw new Error('rng.pick: empty array');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    rounded: (min, max, decimals) => {
      const scale = 10 ** decimals;
      const value = Math.round((min + (max - min) * next()) * scale) / scale;
      return value === 0 ? 0 : value;
    },
  };
  return rng;
}

/** 32-bit FNV-1a followed by a murmur3 finaliser, over UTF-16 code units. Stable across platforms. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * 'per-student': one variant per student for all attempts; { attempt: n }: a fresh variant for attempt n (1-based).
 */
export type AttemptPolicy = 'per-student' | { attempt: number };

/** The seed of a student's variant of an exercise: a uint32, deterministic in its arguments. */
export function variantSeed(exerciseSlug: string, studentId: string, attemptPolicy: AttemptPolicy = 'per-student'): number {
  const policyKey = attemptPolicy === 'per-student' ? 'per-student' : `attempt:${attemptPolicy.attempt}`;
  return hashString(`${exerciseSlug}\u0000${studentId}\u0000${policyKey}`);
}

/** A variant: a uint32 seed, or 'canonical' (the numbers printed in the course notes). */
export type VariantSelector = number | 'canonical';

/** Seed used for the hidden cases of the canonical variant. */
export const CANONICAL_CASE_SEED = 0x5eed;

/** Separate streams for parameters and hidden cases, so adding a case never changes a variant's numbers. */
export function paramsRng(variant: VariantSelector): Rng {
  return createRng(variant === 'canonical' ? CANONICAL_CASE_SEED : variant);
}
export function casesRng(variant: VariantSelector): Rng {
  return createRng(((variant === 'canonical' ? CANONICAL_CASE_SEED : variant) ^ 0x9e3779b9) >>> 0);
}

/** Parses a command-line/URL variant: 'canonical' or a non-negative integer < 2^32. */
export function parseVariantSelector(text: string): VariantSelector {
  if (text === 'canonical') return 'canonical';
  if (!/^\d{1,10}$/.test(text) || Number(text) > 0xffffffff) {
    throw new Error(`variant must be 'canonical' or an integer seed 0..4294967295, got ${JSON.stringify(text)}`);
  }
  return Number(text);
}
