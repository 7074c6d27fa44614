import { studyHoursTable } from '../../../src/datasets/index';
import type { Variants } from '../../../src/definition';
import { formatNumber } from '../../../src/format';

export type StudyFeature = 'quiz' | 'sleep' | 'study';

export interface GradientStepParams extends Record<string, unknown> {
  /** Which column of the notes' study-hours table predicts the exam score. */
  feature: StudyFeature;
  w: number;
  b: number;
  lr: number;
}

/** The feature column, scaled to order 1 (quiz as a fraction, sleep hours / 10, study hours / 100), and the exam score. */
export function studyData(feature: StudyFeature): { x: number[]; y: number[] } {
  const rows = studyHoursTable.rows;
  const x = rows.map((r) => (feature === 'quiz' ? r[3] : feature === 'sleep' ? r[2] / 10 : r[1] / 100));
  return { x, y: rows.map((r) => r[4]) };
}

const featureText: Record<StudyFeature, string> = {
  quiz: 'the quiz score (as a fraction)',
  sleep: 'the sleep hours divided by 10',
  study: 'the study hours divided by 100',
};

export const variants: Variants<GradientStepParams> = {
  // The notes print the table but no starting weights: start from w = b = 0.
  canonical: { feature: 'quiz', w: 0, b: 0, lr: 0.5 },
  generate: (rng) => ({
    feature: rng.pick(['quiz', 'sleep', 'study'] as const),
    w: rng.rounded(-1, 1, 1),
    b: rng.rounded(-0.5, 0.5, 1),
    lr: rng.pick([0.1, 0.2, 0.5]),
  }),
  display: (p) => {
    const { x, y } = studyData(p.feature);
    return {
      featureText: featureText[p.feature],
      xRow: x.map((v) => formatNumber(v)).join(' | '),
      yRow: y.map((v) => formatNumber(v)).join(' | '),
      w: formatNumber(p.w),
      b: formatNumber(p.b),
      lr: formatNumber(p.lr),
    };
  },
};
