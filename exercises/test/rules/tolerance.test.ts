import { describe, expect, it } from 'vitest';
import {
  checkAnswer,
  DEFAULT_TOLERANCE,
  decimalPlaces,
  describeShortfall,
  describeTolerance,
  formatNumber,
  isWithinTolerance,
  significantFigures,
  sourceLimitBytes,
  sourceSizeRefusal,
  writtenShortfall,
} from '../../src/rules';
import { toleranceSchema } from '../../src/toleranceSchema';

const threeFigures = DEFAULT_TOLERANCE;
const typed = (text: string, reference: number, tolerance = threeFigures) =>
  checkAnswer({ value: Number(text), text }, reference, tolerance);

describe('sigfigs: |a − e| ≤ 0.51 units of the last figure, a few float32 ulps, never an absolute floor', () => {
  it('refuses the answers the old 0.5 % rule accepted on the notes’ numbers', () => {
    expect(typed('0.0818', 0.082167).correct).toBe(false);
    expect(typed('0.082', 0.082167)).toEqual({ correct: false, shortfall: { unit: 'significant figures', asked: 3, shown: 2 } });
    expect(typed('0.358', 0.35891648).correct).toBe(false);
    expect(typed('0.748', 0.7513650696).correct).toBe(false);
    expect(typed('0.75', 0.7513650696).correct).toBe(false);
    expect(typed('0.0822', 0.082167).correct).toBe(true);
    expect(typed('0.359', 0.35891648).correct).toBe(true);
    expect(typed('0.751', 0.7513650696).correct).toBe(true);
  });

  it('gives a tiny reference no floor: 0 and the opposite sign are wrong for 3.2e-7', () => {
    expect(isWithinTolerance(0, 3.2e-7, threeFigures)).toBe(false);
    expect(isWithinTolerance(-3.2e-7, 3.2e-7, threeFigures)).toBe(false);
    expect(isWithinTolerance(3.2e-7, Math.fround(3.2e-7), threeFigures)).toBe(true);
  });

  it('matches a float64 answer against its float32 reference', () => {
    for (const x of [0.000438568, 0.7513650696, 123456.789, 6.02214086e23, -0.0226]) {
      expect(isWithinTolerance(x, Math.fround(x), { mode: 'sigfigs', digits: 6 }), String(x)).toBe(true);
    }
  });

  it('counts a reference within `referenceNoise` of 0 as 0, and only then', () => {
    const noisy = { mode: 'sigfigs', digits: 3, referenceNoise: 1e-6 } as const;
    expect(isWithinTolerance(0, 5.96e-8, noisy)).toBe(true);
    expect(typed('0', 5.96e-8, noisy).correct).toBe(true);
    expect(isWithinTolerance(0, 5.96e-8, threeFigures)).toBe(false);
    // Beyond the noise the reference is itself: 2e-6 is not 0.
    expect(isWithinTolerance(0, 2e-6, noisy)).toBe(false);
  });

  it('never treats NaN or infinities as close', () => {
    for (const tolerance of [threeFigures, { mode: 'absolute', max: 1e9 } as const, { mode: 'relative', max: 1 } as const]) {
      expect(isWithinTolerance(NaN, NaN, tolerance)).toBe(false);
      expect(isWithinTolerance(Infinity, Infinity, tolerance)).toBe(false);
      expect(isWithinTolerance(1, Infinity, tolerance)).toBe(false);
    }
  });
});

describe('typed answers must show the figures asked for', () => {
  it('refuses fewer figures unless the answer equals the reference, and says how many to give', () => {
    expect(typed('0.75', 0.7503)).toEqual({ correct: false, shortfall: { unit: 'significant figures', asked: 3, shown: 2 } });
    expect(typed('0.750', 0.7503).correct).toBe(true);
    expect(typed('0.5', 0.5).correct).toBe(true);
    // float32 holds 0.7 as 0.699999988: still the reference.
    expect(typed('0.7', Math.fround(0.7)).correct).toBe(true);
    expect(describeShortfall('0.75', writtenShortfall('0.75', threeFigures)!)).toBe('Give 3 significant figures: 0.75 shows 2.');
  });

  it('accepts more figures than asked', () => {
    expect(typed('0.75136507', 0.7513650696).correct).toBe(true);
  });

  it('judges a JSON number by its value alone (0.750 arrives as 0.75)', () => {
    expect(checkAnswer({ value: 0.75 }, 0.7503, threeFigures).correct).toBe(true);
  });

  it('counts significant figures and decimal places as written', () => {
    expect(significantFigures('0.0822')).toEqual({ min: 3, max: 3 });
    expect(significantFigures('8.20e-2')).toEqual({ min: 3, max: 3 });
    expect(significantFigures('1000')).toEqual({ min: 1, max: 4 });
    expect(significantFigures('1.000')).toEqual({ min: 4, max: 4 });
    expect(significantFigures('0')).toEqual({ min: 1, max: 1 });
    expect(significantFigures('0.00')).toEqual({ min: 2, max: 2 });
    expect(significantFigures('-.5')).toEqual({ min: 1, max: 1 });
    expect(significantFigures('1/4')).toBeNull();
    expect(decimalPlaces('3.140')).toBe(3);
    expect(decimalPlaces('1.5e-3')).toBe(4);
    expect(decimalPlaces('1.5e3')).toBe(0);
  });
});

describe('relative and absolute: inclusive, with a tiny relative slack', () => {
  it('passes 1.05 against 1 at 5 % and at ±0.05, and 0.95 too', () => {
    expect(isWithinTolerance(1.05, 1, { mode: 'relative', max: 0.05 })).toBe(true);
    expect(isWithinTolerance(0.95, 1, { mode: 'relative', max: 0.05 })).toBe(true);
    expect(isWithinTolerance(1.05, 1, { mode: 'absolute', max: 0.05 })).toBe(true);
    expect(isWithinTolerance(1.0501, 1, { mode: 'relative', max: 0.05 })).toBe(false);
    expect(isWithinTolerance(1.0501, 1, { mode: 'absolute', max: 0.05 })).toBe(false);
  });

  it('uses a relative tolerance’s floor near 0, where float32 keeps no relative precision', () => {
    const code = { mode: 'relative', max: 1e-3, floor: 1e-5 } as const;
    expect(isWithinTolerance(3e-6, -2e-6, code)).toBe(true);
    expect(isWithinTolerance(3e-5, 0, code)).toBe(false);
  });
});

describe('toleranceSchema refuses what cannot be a rule', () => {
  it.each([
    [{ mode: 'sigfigs', digits: 0 }],
    [{ mode: 'sigfigs', digits: 2.5 }],
    [{ mode: 'sigfigs', digits: 3, floor: 1e-6 }],
    [{ mode: 'relative', max: Infinity }],
    [{ mode: 'decimals', places: -1 }],
  ])('%j', (tolerance) => {
    expect(toleranceSchema.safeParse(tolerance).success).toBe(false);
  });
});

it('describes each mode in one short sentence', () => {
  expect(describeTolerance(threeFigures)).toBe('Give 3 significant figures: correct means within half a unit of the 3rd figure.');
  expect(describeTolerance({ mode: 'sigfigs', digits: 6 })).toBe(
    'Give 6 significant figures: correct means within half a unit of the 6th figure.',
  );
  expect(describeTolerance({ mode: 'relative', max: 0.02 })).toBe('Correct means within 2% of the reference.');
  expect(describeTolerance({ mode: 'absolute', max: 0.05 })).toBe('Correct means within ±0.05 of the reference.');
  expect(describeTolerance({ mode: 'decimals', places: 2 })).toBe(
    'Give 2 decimal places: correct means within half a unit of the last one.',
  );
});

it('formats numbers without float noise, to the figures asked', () => {
  expect(formatNumber(0.1 + 0.2)).toBe('0.3');
  expect(formatNumber(96004.804557)).toBe('96004.804557');
  expect(formatNumber(0.123456789, 6)).toBe('0.123457');
  expect(formatNumber(-0)).toBe('0');
  expect(formatNumber(NaN)).toBe('NaN');
  expect(formatNumber(-Infinity)).toBe('-Infinity');
});

it('converts kB to bytes one way (1 kB = 1024 bytes) and names both sizes in the refusal', () => {
  expect(sourceLimitBytes({ sourceKb: 100 })).toBe(102_400);
  expect(sourceSizeRefusal('x'.repeat(102_400), { sourceKb: 100 })).toBeNull();
  expect(sourceSizeRefusal('x'.repeat(102_401), { sourceKb: 100 })).toBe(
    'Your code is 100.0 kB (102401 bytes); the limit is 100 kB (102400 bytes).',
  );
  // UTF-8: "é" is two bytes.
  expect(sourceSizeRefusal('é'.repeat(51_201), { sourceKb: 100 })).toMatch(/102402 bytes/);
  expect(sourceSizeRefusal('x'.repeat(2049), { sourceKb: 2 }, 'mlp-forward-code')).toBe(
    "Your code is 2.0 kB (2049 bytes); the limit for 'mlp-forward-code' is 2 kB (2048 bytes).",
  );
});
