import { expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { getExercise, solveVariant, variantParams } from '../../../src/index';
import { solve } from './reference';
import type { InitScalesParams } from './variants';
import { describeEachBackend, expectPrinted, expectWithin, numericVariantSeeds } from '../../../test/helpers';

const exercise = getExercise('init-scales');
if (exercise.kind !== 'numeric') throw new Error('numeric expected');
const fields = exercise.fields;
const values = (variant: number | 'canonical') => (solveVariant(exercise, variant) as { values: Record<string, number> }).values;

function float64({ fanIn, fanOut }: InitScalesParams): Record<string, number> {
  return {
    notes_limit: 1 / Math.sqrt(fanIn),
    glorot_uniform_limit: Math.sqrt(6 / (fanIn + fanOut)),
    glorot_normal_std: Math.sqrt(2 / (fanIn + fanOut)),
    he_uniform_limit: Math.sqrt(6 / fanIn),
    he_normal_std: Math.sqrt(2 / fanIn),
  };
}

describeEachBackend('init-scales', () => {
  it('canonical: the notes’ Dense(12, input_dim=8): 1/√8, √(6/20), √(2/20), √(6/8), √(2/8)', () => {
    const v = values('canonical');
    const printed: Record<string, string> = {
      notes_limit: '0.35355',
      glorot_uniform_limit: '0.54772',
      glorot_normal_std: '0.31623',
      he_uniform_limit: '0.86603',
      he_normal_std: '0.5',
    };
    for (const [name, text] of Object.entries(printed)) expectPrinted(v[name]!, text, name);
  });

  it('agrees with a float64 implementation on 1000 random variants', () => {
    for (const seed of numericVariantSeeds) {
      const p = variantParams(exercise, seed) as InitScalesParams;
      expect(p.fanIn).not.toBe(p.fanOut);
      const expected = float64(p);
      const actual = values(seed);
      for (const field of fields) expectWithin(actual[field.name]!, expected[field.name]!, field.tolerance, `seed ${seed} ${field.name}`);
    }
  });

  it('matches what tfjs’ own glorotUniform / heUniform initialisers draw (max |w| just under the limit, std = a/√3)', () => {
    // tfjs-layers kernels are [fanIn, fanOut].
    const fanIn = 300;
    const fanOut = 500;
    const limits = solve({ fanIn, fanOut });
    for (const [initializer, limit] of [
      [tf.initializers.glorotUniform({ seed: 1 }), limits.glorot_uniform_limit!],
      [tf.initializers.heUniform({ seed: 2 }), limits.he_uniform_limit!],
    ] as const) {
      const w = initializer.apply([fanIn, fanOut]);
      const drawn = Array.from(w.dataSync());
      w.dispose();
      const maxAbs = drawn.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
      expect(maxAbs).toBeLessThanOrEqual(limit * (1 + 1e-6));
      expect(maxAbs).toBeGreaterThan(limit * 0.999);
      const std = Math.sqrt(drawn.reduce((s, v) => s + v * v, 0) / drawn.length);
      expect(Math.abs(std - limit / Math.sqrt(3)) / (limit / Math.sqrt(3))).toBeLessThan(0.01);
    }
  });
});
