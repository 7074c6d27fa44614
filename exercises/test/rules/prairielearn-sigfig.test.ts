import { describe, expect, it } from 'vitest';
import { checkAnswer, isWithinTolerance } from '../../src/rules';

/**
 * PrairieLearn's documented significant-figure rule as test vectors: `is_correct_scalar_sf(a_sub, a_tru, digits)`
 * in PrairieLearn/PrairieLearn apps/prairielearn/python/prairielearn/grading_utils.py (read at 09f242b8):
 *   n = digits − 1 if a_tru == 0 else −⌊log₁₀|a_tru|⌋ + digits − 1;  eps = 0.51·10^(−n);
 *   correct iff a_tru − eps < a_sub < a_tru + eps.
 * Deltalab's `sigfigs` is that rule with inclusive bounds and a few float32 ulps of slack; typed answers must also
 * show enough figures. Each vector gives PrairieLearn's verdict; Deltalab agrees unless the vector says why not.
 */
function prairieLearnSigfig(answer: number, reference: number, digits: number): boolean {
  const n = reference === 0 ? digits - 1 : -Math.floor(Math.log10(Math.abs(reference))) + digits - 1;
  const eps = 0.51 * 10 ** -n;
  return answer > reference - eps && answer < reference + eps;
}

type Vector = { reference: number; digits: number; answer: string; prairieLearn: boolean; deltalabDiffers?: string };

const vectors: Vector[] = [
  // The notes' numbers (Mazur's network) at 3 figures: the old 0.5 % rule accepted 0.0818, "0.082", 0.358, 0.748, "0.75".
  { reference: 0.082167, digits: 3, answer: '0.0822', prairieLearn: true },
  { reference: 0.082167, digits: 3, answer: '0.0821', prairieLearn: false },
  { reference: 0.082167, digits: 3, answer: '0.0818', prairieLearn: false },
  { reference: 0.082167, digits: 3, answer: '0.082', prairieLearn: false },
  { reference: 0.35891648, digits: 3, answer: '0.359', prairieLearn: true },
  { reference: 0.35891648, digits: 3, answer: '0.358', prairieLearn: false },
  { reference: 0.7513650696, digits: 3, answer: '0.751', prairieLearn: true },
  { reference: 0.7513650696, digits: 3, answer: '0.752', prairieLearn: false },
  { reference: 0.7513650696, digits: 3, answer: '0.748', prairieLearn: false },
  { reference: 0.7513650696, digits: 3, answer: '0.75', prairieLearn: false },
  { reference: 0.000438568, digits: 3, answer: '0.000439', prairieLearn: true },
  { reference: 0.000438568, digits: 3, answer: '0.000438', prairieLearn: false },
  // A vanishing gradient: no absolute floor, so neither 0 nor the opposite sign passes.
  { reference: 3.2e-7, digits: 3, answer: '3.20e-7', prairieLearn: true },
  { reference: 3.2e-7, digits: 3, answer: '3.204e-7', prairieLearn: true },
  { reference: 3.2e-7, digits: 3, answer: '3.21e-7', prairieLearn: false },
  { reference: 3.2e-7, digits: 3, answer: '0', prairieLearn: false },
  { reference: 3.2e-7, digits: 3, answer: '-3.20e-7', prairieLearn: false },
  { reference: -0.0226, digits: 3, answer: '-0.0226', prairieLearn: true },
  { reference: -0.0226, digits: 3, answer: '0.0226', prairieLearn: false },
  // A zero reference: ±0.51·10^(1 − digits).
  { reference: 0, digits: 3, answer: '0', prairieLearn: true },
  { reference: 0, digits: 3, answer: '0.00500', prairieLearn: true },
  { reference: 0, digits: 3, answer: '-0.00500', prairieLearn: true },
  { reference: 0, digits: 3, answer: '0.00520', prairieLearn: false },
  {
    reference: 0,
    digits: 3,
    answer: '0.005',
    prairieLearn: true,
    deltalabDiffers: '"0.005" shows 1 significant figure of the 3 asked and is not the reference',
  },
  // Around powers of ten, where the unit of the last figure changes.
  { reference: 10, digits: 2, answer: '9.5', prairieLearn: true },
  { reference: 10, digits: 2, answer: '10.6', prairieLearn: false },
  { reference: 1234.5, digits: 4, answer: '1234', prairieLearn: true },
  { reference: 1234.5, digits: 4, answer: '1235', prairieLearn: true },
  { reference: 1234.5, digits: 4, answer: '1233.9', prairieLearn: false },
  { reference: 6.02214086e23, digits: 4, answer: '6.022e23', prairieLearn: true },
  { reference: 6.02214086e23, digits: 4, answer: '6.023e23', prairieLearn: false },
  { reference: 1, digits: 2, answer: '1.05', prairieLearn: true },
  { reference: 1, digits: 2, answer: '1.052', prairieLearn: false },
  {
    reference: 1,
    digits: 2,
    answer: '1.051',
    prairieLearn: false,
    deltalabDiffers: 'exactly on the bound: Deltalab’s bounds are inclusive',
  },
  {
    reference: 0.7503,
    digits: 3,
    answer: '0.75',
    prairieLearn: true,
    deltalabDiffers: '"0.75" shows 2 significant figures of the 3 asked ("0.750") and is not the reference',
  },
  { reference: 0.7503, digits: 3, answer: '0.750', prairieLearn: true },
];

describe("PrairieLearn's significant-figure rule", () => {
  it.each(vectors.map((v) => [`${v.answer} for ${v.reference} at ${v.digits}`, v] as const))('%s', (_name, v) => {
    const answer = Number(v.answer);
    // The vector is PrairieLearn's documented rule…
    expect(prairieLearnSigfig(answer, v.reference, v.digits)).toBe(v.prairieLearn);
    // …and Deltalab's verdict on the typed answer is the same, unless the vector says why not.
    const deltalab = checkAnswer({ value: answer, text: v.answer }, v.reference, { mode: 'sigfigs', digits: v.digits }).correct;
    expect(deltalab, v.deltalabDiffers ?? 'agrees with PrairieLearn').toBe(v.deltalabDiffers ? !v.prairieLearn : v.prairieLearn);
  });

  it('is the value part of Deltalab’s rule for a JSON number (no written figures), except exactly on the bound', () => {
    for (const v of vectors.filter((x) => !x.deltalabDiffers?.startsWith('exactly'))) {
      expect(isWithinTolerance(Number(v.answer), v.reference, { mode: 'sigfigs', digits: v.digits }), v.answer).toBe(v.prairieLearn);
    }
  });
});
